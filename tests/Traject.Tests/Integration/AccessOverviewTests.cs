using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>The access overview per young person: who opened or changed her dossier, as JSON and CSV, for her coordinator and the lead organisation's designated expert only.</summary>
public abstract class AccessOverviewTests(TrajectFixture f)
{
    [SkippableFact]
    public async Task The_coordinator_sees_who_read_the_dossier_and_can_export_it()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist" });
        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using (var read = await gedrag.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}"))
        {
            await read.ExpectAsync(HttpStatusCode.OK);
        }

        using var json = await regie.GetAsync($"/api/v1/young-people/{person.Pseudonym}/access-log");
        var log = await json.ReadAsync<AccessLog>();
        Assert.Equal(person.Pseudonym, log.Pseudonym);
        var gedragRead = Assert.Single(log.Entries, e => e.Professional == "Guus Gedrag (demo)" && e.Action == "trajectory.read");
        Assert.Equal("care-team", gedragRead.Basis);
        Assert.Equal("BehaviouralScientist", gedragRead.Roles);
        Assert.Equal(Demo.North, gedragRead.Organisation);
        Assert.Contains(log.Entries, e => e.Action == "youngperson.create" && e.Professional == "Rik Regie (demo)");

        using var csv = await regie.GetAsync($"/api/v1/young-people/{person.Pseudonym}/access-log?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("time_utc,professional,organisation,roles,action,basis,outcome,action_text,parts\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",Guus Gedrag (demo),Demo Jeugdzorg Noord,BehaviouralScientist,trajectory.read,care-team,allowed,dossier ingezien,\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Dossiers.NewPerson(f.Clock)["familyName"]!.ToString()!, text, StringComparison.Ordinal);

        // The export itself is audited.
        using var again = await regie.GetAsync($"/api/v1/young-people/{person.Pseudonym}/access-log");
        Assert.Contains((await again.ReadAsync<AccessLog>()).Entries, e => e.Action == "accesslog.export");
    }

    [SkippableFact]
    public async Task Team_members_get_403_and_outsiders_404()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });

        using var mentor = await f.ClientAsync(Demo.Mentor);
        using (var member = await mentor.GetAsync($"/api/v1/young-people/{person.Pseudonym}/access-log"))
        {
            await member.ProblemAsync(HttpStatusCode.Forbidden);
        }

        foreach (var outsider in new[] { Demo.Wijkteam, Demo.Admin, Demo.Politie })
        {
            using var client = await f.ClientAsync(outsider);
            using var response = await client.GetAsync($"/api/v1/young-people/{person.Pseudonym}/access-log?format=csv");
            await response.ProblemAsync(HttpStatusCode.NotFound);
        }

        using var aandacht = await f.ClientAsync(Demo.Aandacht);
        using var expert = await aandacht.GetAsync($"/api/v1/young-people/{person.Pseudonym}/access-log");
        await expert.ExpectAsync(HttpStatusCode.OK);
    }
}


public abstract class AccessOverviewViewTests(TrajectFixture f)
{
    [SkippableFact]
    public async Task One_dossier_page_view_writes_one_entry_naming_the_parts_and_the_overview_shows_it_in_words()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var before = await f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Pseudonym == person.Pseudonym));
        using (var page = await browser.GetAsync($"/trajectories/{person.TrajectoryId}"))
        {
            await page.ExpectAsync(HttpStatusCode.OK);
        }

        var written = await f.WithDbAsync(db => db.AuditEntries.Where(a => a.Pseudonym == person.Pseudonym).OrderBy(a => a.Sequence)
            .Skip(before).ToListAsync());
        var view = Assert.Single(written);
        Assert.Equal(("dossier.view", "coordinator", "allowed"), (view.Action, view.Basis, view.Outcome));
        var parts = view.Detail!.Split(',');
        Assert.Contains("trajectory.read", parts);
        Assert.Contains("timeline.read", parts);
        Assert.Contains("task.read", parts);
        Assert.True(parts.Length >= 6, view.Detail);

        // The API still writes one entry per call.
        using (var read = await regie.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}"))
        {
            await read.ExpectAsync(HttpStatusCode.OK);
        }

        using var json = await regie.GetAsync($"/api/v1/young-people/{person.Pseudonym}/access-log?pageSize=500");
        var log = await json.ReadAsync<AccessLog>();
        var shown = Assert.Single(log.Entries, e => e.Action == "dossier.view");
        Assert.Equal("dossierpagina bekeken", shown.ActionText);
        Assert.Contains("dossier ingezien", shown.Parts);
        Assert.Equal("regievoerder", shown.BasisText);
        Assert.Single(log.Entries, e => e.Action == "trajectory.read");
        Assert.Equal(log.Total, log.Entries.Count);
    }

    [SkippableFact]
    public async Task The_overview_pages_and_filters_by_period_and_organisation_and_says_how_many_match()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        for (var i = 0; i < 4; i++)
        {
            using var read = await regie.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}");
            await read.ExpectAsync(HttpStatusCode.OK);
        }

        var url = $"/api/v1/young-people/{person.Pseudonym}/access-log";
        using var all = await regie.GetAsync(url + "?pageSize=500");
        var whole = await all.ReadAsync<AccessLog>();
        Assert.True(whole.Total >= 5, $"{whole.Total}");

        using var first = await regie.GetAsync(url + "?pageSize=2&page=1");
        var page1 = await first.ReadAsync<AccessLog>();
        using var second = await regie.GetAsync(url + "?pageSize=2&page=2");
        var page2 = await second.ReadAsync<AccessLog>();
        // Every read of the overview is itself audited, so the second page sees one entry more than the first.
        Assert.Equal((2, 2, whole.Total + 1), (page1.Entries.Count, page2.Entries.Count, page1.Total));
        Assert.Equal(whole.Total + 2, page2.Total);
        Assert.True(page1.Entries[^1].At >= page2.Entries[0].At);

        var today = f.Clock.Today();
        using var period = await regie.GetAsync(url + $"?from={today.AddDays(1):yyyy-MM-dd}&to={today.AddDays(2):yyyy-MM-dd}");
        var none = await period.ReadAsync<AccessLog>();
        Assert.Equal((0, 0), (none.Total, none.Entries.Count));
        using var thisDay = await regie.GetAsync(url + $"?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}&pageSize=500");
        Assert.True((await thisDay.ReadAsync<AccessLog>()).Total >= whole.Total);

        var south = f.Ids.Organisation(Demo.South);
        using var other = await regie.GetAsync(url + $"?organisationId={south}");
        Assert.Equal(0, (await other.ReadAsync<AccessLog>()).Total);
        var north = f.Ids.Organisation(Demo.North);
        using var own = await regie.GetAsync(url + $"?organisationId={north}&pageSize=500");
        var ownLog = await own.ReadAsync<AccessLog>();
        Assert.All(ownLog.Entries, e => Assert.Equal(north, e.OrganisationId));
        Assert.Contains(ownLog.Organisations, o => o.Id == north);

        foreach (var bad in new[] { "?page=0", "?pageSize=501", $"?from={today:yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}", "?from=gisteren" })
        {
            using var refused = await regie.GetAsync(url + bad);
            await refused.ProblemAsync(HttpStatusCode.BadRequest);
        }
    }
}

public sealed class AccessOverviewSqlite(SqliteFixture f) : AccessOverviewTests(f), IClassFixture<SqliteFixture>;

public sealed class AccessOverviewPostgres(PostgresFixture f) : AccessOverviewTests(f), IClassFixture<PostgresFixture>;

public sealed class AccessOverviewViewSqlite(SqliteFixture f) : AccessOverviewViewTests(f), IClassFixture<SqliteFixture>;

public sealed class AccessOverviewViewPostgres(PostgresFixture f) : AccessOverviewViewTests(f), IClassFixture<PostgresFixture>;
