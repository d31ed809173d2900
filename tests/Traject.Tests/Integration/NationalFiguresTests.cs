using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common.Access;
using Traject.Web.Modules.Registration;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Tests.Integration;

/// <summary>
/// The national figures through the API, the page and its CSV download: counted notifications of a year, suppressed,
/// only for national reporters. Each test uses its own year, so they share the fixture's database.
/// </summary>
public abstract class NationalFiguresTests(TrajectFixture f)
{
    private const string Url = "/api/v1/statistics/national";

    /// <summary>One counted (or not counted) notification of a fictitious young person of the North organisation.</summary>
    private sealed record Notified(int Year, NotifiedNationality Nationality, bool Minor, string Forms = "Sexual", bool Counted = true);

    private async Task AddAsync(IEnumerable<Notified> notified)
    {
        await f.WithDbAsync(async db =>
        {
            var org = await db.Organisations.SingleAsync(o => o.Name == Demo.North);
            var coordinator = f.Ids.User(Demo.Regie);
            foreach (var n in notified)
            {
                var decidedOn = new DateOnly(n.Year, 3, 1);
                var person = new YoungPerson
                {
                    PseudonymCode = PseudonymCode.New(), GivenName = "Cijfer", FamilyName = "Fictief",
                    DateOfBirth = decidedOn.AddYears(n.Minor ? -15 : -19), Gender = Gender.Girl, Nationality = Nationality.Dutch,
                    Municipality = "Cijferstad", RegisteredAt = f.Clock.GetUtcNow(), RegisteredByOrganisationId = org.Id,
                };
                var trajectory = new Trajectory
                {
                    YoungPersonId = person.Id, Status = TrajectoryStatus.Active, LeadOrganisationId = org.Id, CoordinatorId = coordinator,
                    StartedOn = decidedOn, OpenedAt = f.Clock.GetUtcNow(),
                };
                var decision = new RegistrationDecision
                {
                    TrajectoryId = trajectory.Id, YoungPersonId = person.Id, OrganisationId = org.Id, Sequence = 1, DecidedOn = decidedOn,
                    RecordedAt = f.Clock.GetUtcNow(), RecordedById = coordinator, Outcome = RegistrationOutcome.NotifyDateOfBirthOnly,
                    VictimStatus = VictimStatus.Suspected, Forms = n.Forms, DateOfBirthOnlyReason = "Fictief.",
                };
                db.AddRange(person, trajectory, decision);
                db.NationalNotifications.Add(new NationalNotification
                {
                    DecisionId = decision.Id, TrajectoryId = trajectory.Id, YoungPersonId = person.Id, OrganisationId = org.Id,
                    Kind = NotificationKind.DateOfBirthOnly, DeduplicationKey = new string('a', 64), DecidedOn = decidedOn, Year = n.Year,
                    CreatedAt = f.Clock.GetUtcNow(), DateOfBirth = person.DateOfBirth, Gender = Gender.Girl, Municipality = "Cijferstad",
                    Nationality = n.Nationality, AgeOnDecision = n.Minor ? 15 : 19, Minor = n.Minor, VictimStatus = VictimStatus.Suspected,
                    Forms = n.Forms, RegionId = org.RegionId, OrganisationKind = org.Kind, CountedInYear = n.Counted,
                });
            }

            return await db.SaveChangesAsync();
        });
    }

    private static IEnumerable<Notified> Many(int count, int year, NotifiedNationality nationality, bool minor, string forms = "Sexual") =>
        Enumerable.Range(0, count).Select(_ => new Notified(year, nationality, minor, forms));

    private static string Row(JsonNode table, int index) =>
        string.Join(" ", table["rows"]![index]!["cells"]!.AsArray().Select(c => (string)c!["display"]!));

    [SkippableFact]
    public async Task A_national_reporter_gets_table_2_1_with_small_counts_and_their_shares_hidden()
    {
        const int year = 2021;
        await AddAsync([
            .. Many(20, year, NotifiedNationality.Dutch, minor: true), .. Many(10, year, NotifiedNationality.Dutch, minor: false),
            .. Many(3, year, NotifiedNationality.Foreign, minor: true), .. Many(12, year, NotifiedNationality.Foreign, minor: false),
            // Not counted (an earlier notification of someone notified again): never in the figures.
            .. Enumerable.Range(0, 7).Select(_ => new Notified(year, NotifiedNationality.Dutch, true, Counted: false)),
        ]);
        using var rapporteur = await f.ClientAsync(Demo.Rapporteur);
        using var response = await rapporteur.GetAsync($"{Url}?year={year}");
        var table = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(year, (int)table["year"]!);
        Assert.Equal(["N", "%"], table["columns"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(["Nederlandse slachtoffers", "waarvan minderjarig", "Buitenlandse slachtoffers", "waarvan minderjarig",
            "Slachtoffers met onbekende nationaliteit", "waarvan minderjarig", "Totaal", "waarvan minderjarig"],
            table["rows"]!.AsArray().Select(r => (string)r!["label"]!));
        Assert.Equal("30 100%", Row(table, 0));
        // The 3 foreign minors are hidden, and so is their share (3 of 15 would give them away). The Dutch minors are
        // hidden too: with the total of minors shown (23) they would give the 3 away; their share goes with them.
        Assert.Equal("x x", Row(table, 1));
        Assert.Equal("15 100%", Row(table, 2));
        Assert.Equal("<5 x", Row(table, 3));
        Assert.Equal("0 -", Row(table, 4));
        Assert.Equal("0 -", Row(table, 5));
        Assert.Equal("45 100%", Row(table, 6));
        Assert.Equal("23 51%", Row(table, 7));
        var hidden = table["rows"]![3]!["cells"]![0]!;
        Assert.Null(hidden["value"]);
        Assert.Equal("<5", (string)hidden["display"]!);
        Assert.Equal(23, (long)table["rows"]![7]!["cells"]![0]!["value"]!);
        Assert.Equal(51, (long)table["rows"]![7]!["cells"]![1]!["value"]!);

        using var english = new HttpRequestMessage(HttpMethod.Get, $"{Url}?year={year}&table=exploitation");
        english.Headers.AcceptLanguage.ParseAdd("en");
        using var byForm = await rapporteur.SendAsync(english);
        var forms = JsonNode.Parse(await byForm.ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(["Minors", "Adults", "Total"], forms["columns"]!.AsArray().Select(c => (string)c!));
        Assert.Equal("Sexual exploitation", (string)forms["rows"]![0]!["label"]!);
        Assert.Equal("23 22 45", Row(forms, 0));
    }

    [SkippableFact]
    public async Task Breakdowns_by_form_region_and_kind_of_organisation_are_suppressed_and_share_their_totals()
    {
        const int year = 2022;
        await AddAsync([
            .. Many(8, year, NotifiedNationality.Dutch, minor: true, "Sexual,Financial"), .. Many(2, year, NotifiedNationality.Dutch, minor: false, "Criminal"),
            .. Many(6, year, NotifiedNationality.Foreign, minor: false, "Sexual"),
        ]);
        using var rapporteur = await f.ClientAsync(Demo.Rapporteur);
        async Task<JsonNode> TableAsync(string name)
        {
            using var response = await rapporteur.GetAsync($"{Url}?year={year}&table={name}");
            return JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;
        }

        var forms = await TableAsync("exploitation");
        Assert.Equal(["Seksuele uitbuiting", "Criminele uitbuiting", "Financiële uitbuiting (leningen)", "Arbeidsuitbuiting", "Andere vorm"],
            forms["rows"]!.AsArray().Select(r => (string)r!["label"]!));
        Assert.Equal("8 6 14", Row(forms, 0));
        Assert.Equal("0 <5 <5", Row(forms, 1));
        Assert.Equal("8 0 8", Row(forms, 2));

        // Table 2.1 hides the minors and adults in total (the 2 Dutch adults would follow from them), so every breakdown that
        // shares that total row hides them too, and then what would give them away.
        var region = await TableAsync("region");
        var north = await f.WithDbAsync(db => db.Organisations.Where(o => o.Name == Demo.North).Select(o => o.Region!.Name).SingleAsync());
        var rows = region["rows"]!.AsArray();
        var index = rows.Select(r => (string)r!["label"]!).ToList().IndexOf(north);
        Assert.Equal("x x 16", Row(region, index));
        Assert.Equal("Totaal", (string)rows[^1]!["label"]!);
        Assert.Equal("x x 16", Row(region, rows.Count - 1));

        var kinds = await TableAsync("organisation-kind");
        var kindRows = kinds["rows"]!.AsArray();
        Assert.Equal(Enum.GetValues<OrganisationKind>().Length + 1, kindRows.Count);
        Assert.Equal("x x 16", Row(kinds, 0)); // youth-care providers come first
        Assert.Equal("x x 16", Row(kinds, kindRows.Count - 1));
        Assert.Equal("Jeugdzorgaanbieder", (string)kindRows[0]!["label"]!);
    }

    [SkippableFact]
    public async Task Nobody_but_a_national_reporter_sees_the_figures_and_bad_input_is_refused()
    {
        foreach (var user in new[] { Demo.Regie, Demo.Aandacht, Demo.Admin, Demo.Kwaliteit, Demo.Politie })
        {
            using var client = await f.ClientAsync(user);
            using var response = await client.GetAsync($"{Url}?year=2021");
            await response.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using var rapporteur = await f.ClientAsync(Demo.Rapporteur);
        foreach (var (query, field) in new[] { ("year=abc", "year"), ("year=1999", "year"), ($"year={f.Clock.GetUtcNow().Year + 1}", "year"), ("year=2021&table=people", "table") })
        {
            using var response = await rapporteur.GetAsync($"{Url}?{query}");
            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal([field], problem.Fields());
        }

        using var thisYear = await rapporteur.GetAsync(Url);
        Assert.Equal(f.Clock.GetUtcNow().Year, (int)JsonNode.Parse(await thisYear.ExpectAsync(HttpStatusCode.OK))!["year"]!);
    }

    [SkippableFact]
    public async Task The_stats_national_verb_prints_what_the_API_answers()
    {
        const int year = 2024;
        await AddAsync([.. Many(12, year, NotifiedNationality.Foreign, minor: true), .. Many(1, year, NotifiedNationality.Dutch, minor: false)]);
        using var rapporteur = await f.ClientAsync(Demo.Rapporteur);
        using var response = await rapporteur.GetAsync($"{Url}?year={year}&table=region");
        var api = await response.ExpectAsync(HttpStatusCode.OK);
        var json = await VerbProcess.RunAsync(["stats", "national", "--year", $"{year}", "--format", "json", "--table", "region"], f.Database);
        Assert.True(json.Exit == 0, json.Error);
        Assert.Equal(api, json.Output.TrimEnd('\r', '\n'));

        var csv = await VerbProcess.RunAsync(["stats", "national", "--year", $"{year}", "--format", "csv"], f.Database);
        Assert.True(csv.Exit == 0, csv.Error);
        Assert.StartsWith($"{year},N,%\r\nNederlandse slachtoffers,<5,x\r\n", csv.Output, StringComparison.Ordinal);

        var bad = await VerbProcess.RunAsync(["stats", "national", "--year", "twenty", "--format", "csv"], f.Database);
        Assert.Equal(2, bad.Exit);
        Assert.Contains("--year", bad.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_page_shows_tables_and_bar_charts_without_inline_style_and_downloads_CSV()
    {
        const int year = 2023;
        await AddAsync([
            .. Many(9, year, NotifiedNationality.Dutch, minor: true), .. Many(6, year, NotifiedNationality.Dutch, minor: false),
            .. Many(3, year, NotifiedNationality.Foreign, minor: true), .. Many(7, year, NotifiedNationality.Foreign, minor: false),
        ]);
        var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Rapporteur))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var page = await browser.GetAsync($"/statistics/national?year={year}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await Browser.ParseAsync(page);
        Assert.Equal(4, document.QuerySelectorAll("table.figures").Length);
        Assert.Equal(4, document.QuerySelectorAll("svg.bar-chart").Length);
        Assert.Empty(document.QuerySelectorAll("[style], script, style"));
        var victims = document.QuerySelector("table#victims")!;
        var cells = victims.QuerySelectorAll("tbody tr").Select(tr => string.Join(" ", tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal("15 100%", cells[0]);
        Assert.Equal("x x", cells[1]);
        Assert.Equal("12 48%", cells[7]);
        // The victims chart: bars for shown counts, none for a hidden one.
        Assert.Contains(document.QuerySelectorAll("svg.bar-chart")[0].QuerySelectorAll("text.suppressed"), t => t.TextContent == "<5");

        using var csv = await browser.GetAsync($"/statistics/national?handler=Csv&year={year}&table=victims");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith($"{year},N,%\r\nNederlandse slachtoffers,15,100%\r\nwaarvan minderjarig,x,x\r\nBuitenlandse slachtoffers,10,100%\r\nwaarvan minderjarig,<5,x\r\n",
            text, StringComparison.Ordinal);

        using var bad = await browser.GetAsync("/statistics/national?year=abc");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Geef het jaar in vier cijfers", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var mentor = f.CreateClient();
        using (var login = await Browser.LoginAsync(mentor, Demo.Mentor))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var refused = await mentor.GetAsync($"/statistics/national?year={year}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var refusedCsv = await mentor.GetAsync($"/statistics/national?handler=Csv&year={year}");
        Assert.Equal(HttpStatusCode.Forbidden, refusedCsv.StatusCode);
    }
}

public sealed class NationalFiguresSqlite(SqliteFixture f) : NationalFiguresTests(f), IClassFixture<SqliteFixture>;

public sealed class NationalFiguresPostgres(PostgresFixture f) : NationalFiguresTests(f), IClassFixture<PostgresFixture>;
