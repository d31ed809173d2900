using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Common.Auditing;
using Traject.Web.Modules.Caseload;
using Traject.Web.Modules.Notifications;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Screening.Pooling;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Tests.Integration;

/// <summary>
/// Signal pooling: the same answer whether she is known or not, no access for the signaller either way, the signal
/// filed to her trajectory or to a new signalled one, read only by the coordinator and the designated experts, and
/// alerts when the suggestion changes. Signal codes are taken from the current instrument by their tags.
/// </summary>
public abstract partial class SignalPoolingTests(TrajectFixture f)
{
    private const string Signals = "/api/v1/signals";

    [GeneratedRegex("R-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex ReceiptPattern();

    private static string Unique(string stem) => $"{stem}-{Guid.NewGuid().ToString("N")[..8]}";

    private static string PooledSignalsOf(Guid trajectoryId) => $"/api/v1/trajectories/{trajectoryId}/pooled-signals";

    private async Task<Instrument> InstrumentAsync()
    {
        await using var scope = f.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IInstrumentStore>().CurrentAsync(CancellationToken.None);
    }

    private DateOnly BirthDate => f.Clock.Today().AddYears(-15).AddDays(-40);

    private static object Body(string givenName, string familyName, DateOnly dateOfBirth, params object[] signals) =>
        new { givenName, familyName, dateOfBirth, signals };

    private static object Signal(string code, DateOnly observedOn, string source = "School", string? note = null) =>
        new { code, observedOn, source, note };

    /// <summary>A young person registered by the coordinator (Regie, lead organisation North, designated expert Aandacht).</summary>
    private async Task<(RegisteredYoungPerson Person, string GivenName, string FamilyName)> KnownAsync(string givenName = "Zoë")
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var family = Unique("Bekend");
        var person = await Dossiers.RegisterAsync(regie, f.Clock, b =>
        {
            b["givenName"] = givenName;
            b["familyName"] = family;
            b["dateOfBirth"] = BirthDate;
        });
        return (person, givenName, family);
    }

    /// <summary>Status, body with the receipt masked, and the header names: everything the signaller can see of an answer.</summary>
    private static async Task<(HttpStatusCode Status, string Body, string Headers)> SeenAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(body)!.AsObject();
        if ((string?)json["receipt"] is { } receipt)
        {
            Assert.Matches($"^{ReceiptPattern()}$", receipt);
            body = body.Replace(receipt, "R-MASK-MASK", StringComparison.Ordinal);
        }

        if ((string?)json["traceId"] is { } traceId)
        {
            body = body.Replace(traceId, "per-request", StringComparison.Ordinal); // differs for any two requests
        }

        var headers = string.Join(",", response.Headers.Select(h => h.Key).Concat(response.Content.Headers.Select(h => h.Key))
            .Where(h => h != "Date").Order(StringComparer.OrdinalIgnoreCase));
        return (response.StatusCode, body, headers);
    }

    private async Task<(Guid Id, string Pseudonym, Gender Gender, Nationality Nationality, string Municipality)> NewPersonAsync(string familyName) =>
        await f.WithDbAsync(db => db.YoungPeople.AsNoTracking().Where(y => y.FamilyName == familyName)
            .Select(y => new ValueTuple<Guid, string, Gender, Nationality, string>(y.Id, y.PseudonymCode, y.Gender, y.Nationality, y.Municipality)).SingleAsync());

    private async Task<List<Trajectory>> TrajectoriesOfAsync(Guid youngPersonId) =>
        await f.WithDbAsync(db => db.Trajectories.AsNoTracking().Include(t => t.CareTeam).Where(t => t.YoungPersonId == youngPersonId)
            .OrderBy(t => t.OpenedAt).ToListAsync());

    private async Task<List<NotificationView>> NotificationsAsync(string email, string pseudonym)
    {
        using var client = await f.ClientAsync(email);
        using var response = await client.GetAsync("/api/v1/notifications");
        return (await response.ReadAsync<List<NotificationView>>()).Where(n => n.Message.Contains(pseudonym, StringComparison.Ordinal)).ToList();
    }

    private async Task AssertNoAccessAsync(HttpClient signaller, string pseudonym, Guid trajectoryId)
    {
        foreach (var url in new[]
                 {
                     $"/api/v1/young-people/{pseudonym}", $"/api/v1/trajectories/{trajectoryId}", $"/api/v1/trajectories/{trajectoryId}/timeline",
                     PooledSignalsOf(trajectoryId), $"/api/v1/young-people/{pseudonym}/access-log",
                 })
        {
            using var response = await signaller.GetAsync(url);
            await response.ProblemAsync(HttpStatusCode.NotFound);
        }

        foreach (var scope in new[] { "mine", "all" })
        {
            using var list = await signaller.GetAsync($"/api/v1/trajectories?scope={scope}&pageSize=100");
            Assert.DoesNotContain((await list.ReadAsync<TrajectoryPage>()).Items, t => t.Id == trajectoryId || t.Pseudonym == pseudonym);
        }
    }

    [SkippableFact]
    public async Task A_known_and_an_unknown_young_person_get_the_same_answer_and_the_signaller_gets_no_access_to_either()
    {
        var instrument = await InstrumentAsync();
        var code = instrument.Signals[0].Code;
        var known = await KnownAsync();
        var unknownFamily = Unique("Onbekend");
        var firstSequence = await f.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Sequence));
        const string note = "Gezien bij het station met een oudere man";

        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        // Another spelling of the same name: case, accent and spaces do not matter for the exact match.
        using var toKnown = await gedrag.PostJsonAsync(Signals, Body("  zoe ", known.FamilyName.ToUpperInvariant(), BirthDate, Signal(code, f.Clock.Today(), "School", note)));
        using var toUnknown = await gedrag.PostJsonAsync(Signals, Body("Zoë", unknownFamily, BirthDate, Signal(code, f.Clock.Today(), "School", note)));

        var a = await SeenAsync(toKnown);
        var b = await SeenAsync(toUnknown);
        Assert.Equal(HttpStatusCode.Accepted, a.Status);
        Assert.Equal(a, b);
        Assert.Equal("""{"status":"received","receipt":"R-MASK-MASK"}""", a.Body);
        Assert.Null(toKnown.Headers.Location);
        Assert.NotEqual((string?)JsonNode.Parse(await toKnown.Content.ReadAsStringAsync())!["receipt"],
            (string?)JsonNode.Parse(await toUnknown.Content.ReadAsStringAsync())!["receipt"]);

        // The known one: filed to her open trajectory, no new young person.
        var filed = await f.WithDbAsync(db => db.PooledSignals.AsNoTracking().Where(s => s.YoungPersonId == known.Person.YoungPersonId).ToListAsync());
        var signal = Assert.Single(filed);
        Assert.Equal(known.Person.TrajectoryId, signal.TrajectoryId);
        Assert.Equal(f.Ids.User(Demo.Gedrag), signal.SignalledById);
        Assert.Equal(1, await f.WithDbAsync(db => db.YoungPeople.CountAsync(y => y.FamilyName == known.FamilyName)));
        Assert.Single(await TrajectoriesOfAsync(known.Person.YoungPersonId));

        // The unknown one: a new young person with a signalled trajectory for the signaller's organisation, picked up by
        // its designated expert; the signaller is neither coordinator nor in the team.
        var created = await NewPersonAsync(unknownFamily);
        Assert.Equal((Gender.Unknown, Nationality.Unknown, string.Empty), (created.Gender, created.Nationality, created.Municipality));
        var opened = Assert.Single(await TrajectoriesOfAsync(created.Id));
        Assert.Equal(TrajectoryStatus.Signalled, opened.Status);
        Assert.Equal(f.Ids.Organisation(Demo.North), opened.LeadOrganisationId);
        Assert.Equal(f.Ids.User(Demo.Aandacht), opened.CoordinatorId);
        Assert.Empty(opened.CareTeam);
        Assert.Single(await f.WithDbAsync(db => db.PooledSignals.Where(s => s.TrajectoryId == opened.Id).ToListAsync()));
        var pickUp = Assert.Single(await NotificationsAsync(Demo.Aandacht, created.Pseudonym), n => n.Kind == SignalPooling.PickUpNotification);
        Assert.Equal($"/trajectories/{opened.Id}/pooled-signals", pickUp.Link);

        // Neither gives the signaller anything: no dossier, no list entry, no notification.
        await AssertNoAccessAsync(gedrag, known.Person.Pseudonym, known.Person.TrajectoryId);
        await AssertNoAccessAsync(gedrag, created.Pseudonym, opened.Id);
        Assert.Empty(await NotificationsAsync(Demo.Gedrag, known.Person.Pseudonym));
        Assert.Empty(await NotificationsAsync(Demo.Gedrag, created.Pseudonym));

        // Audited with the pseudonym, without a basis, and no names or note anywhere in her entries.
        var entries = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Sequence > firstSequence && e.ActorId == f.Ids.User(Demo.Gedrag)).ToListAsync());
        var pooled = entries.Where(e => e.Action == ScreeningAuditActions.SignalPooled).ToList();
        Assert.Equal(new[] { known.Person.Pseudonym, created.Pseudonym }.Order(StringComparer.Ordinal), pooled.Select(e => e.Pseudonym!).Order(StringComparer.Ordinal));
        Assert.All(pooled, e => Assert.Null(e.Basis));
        Assert.All(entries, e => Assert.True(e.Pseudonym is null || PseudonymCode.IsWellFormed(e.Pseudonym)));
        foreach (var text in new[] { "Zoë", "zoe", known.FamilyName, unknownFamily, note, "station" })
        {
            Assert.DoesNotContain(entries, e => new[] { e.Action, e.EntityType, e.Pseudonym, e.Basis, e.BasisReason, e.ActorRoles, e.Outcome }
                .Any(v => v?.Contains(text, StringComparison.OrdinalIgnoreCase) == true));
        }
    }

    [SkippableFact]
    public async Task The_page_shows_the_same_message_for_a_known_and_an_unknown_young_person()
    {
        var code = (await InstrumentAsync()).Signals[0].Code;
        var known = await KnownAsync("Fenna");
        var unknownFamily = Unique("Paginaonbekend");
        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Gedrag))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using (var menu = await browser.GetAsync("/"))
        {
            Assert.NotNull((await Browser.ParseAsync(menu)).QuerySelector("nav a[href='/signals/new']"));
        }

        async Task<string> PoolThroughThePageAsync(string family)
        {
            using var posted = await Browser.SubmitAsync(browser, "/signals/new", new Dictionary<string, string>
            {
                ["Input.GivenName"] = "Fenna",
                ["Input.FamilyName"] = family,
                ["Input.DateOfBirth"] = BirthDate.ToString("yyyy-MM-dd", null),
                ["Input.Signals[1].Code"] = code, // the first row left empty: empty rows are skipped
                ["Input.Signals[1].ObservedOn"] = f.Clock.Today().ToString("yyyy-MM-dd", null),
                ["Input.Signals[1].Source"] = "Parent",
                ["Input.Signals[1].Note"] = "Via de moeder van een vriendin",
            });
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var location = posted.Headers.Location!.OriginalString;
            Assert.Matches($"^/signals/new\\?receipt={ReceiptPattern()}$", location);
            using var page = await browser.GetAsync(location);
            var text = (await Browser.ParseAsync(page)).QuerySelector("main")!.TextContent;
            Assert.Contains("Ontvangen.", text, StringComparison.Ordinal);
            Assert.DoesNotContain(family, text, StringComparison.Ordinal);
            return ReceiptPattern().Replace(text, "R-MASK-MASK");
        }

        Assert.Equal(await PoolThroughThePageAsync(known.FamilyName), await PoolThroughThePageAsync(unknownFamily));
        var filed = Assert.Single(await f.WithDbAsync(db => db.PooledSignals.AsNoTracking().Where(s => s.YoungPersonId == known.Person.YoungPersonId).ToListAsync()));
        Assert.Equal((SignalSource.Parent, "Via de moeder van een vriendin"), (filed.Source, filed.Note));

        // Neither dossier opens for her, and her list shows neither.
        var created = await NewPersonAsync(unknownFamily);
        var opened = Assert.Single(await TrajectoriesOfAsync(created.Id));
        foreach (var id in new[] { known.Person.TrajectoryId, opened.Id })
        {
            using var dossier = await browser.GetAsync($"/trajectories/{id}");
            Assert.Equal(HttpStatusCode.NotFound, dossier.StatusCode);
        }

        using var home = await browser.GetAsync("/?scope=all");
        var listed = await home.ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(known.FamilyName, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(unknownFamily, listed, StringComparison.Ordinal);

        // A receipt in the address that is not one shows no message.
        using var forged = await browser.GetAsync("/signals/new?receipt=%3Cscript%3E");
        Assert.Null((await Browser.ParseAsync(forged)).QuerySelector("#received"));
    }

    [SkippableFact]
    public async Task The_page_keeps_each_message_beside_its_row_and_adds_rows_without_script()
    {
        var code = (await InstrumentAsync()).Signals[0].Code;
        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Mentor))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var family = Unique("Rijen");
        using var posted = await Browser.SubmitAsync(browser, "/signals/new", new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Lotte",
            ["Input.FamilyName"] = family,
            ["Input.DateOfBirth"] = BirthDate.ToString("yyyy-MM-dd", null),
            ["Input.Signals[2].Code"] = code, // no date observed on the third row
        });
        var page = await Browser.ParseAsync(posted);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("Dit veld is verplicht.", page.QuerySelector("#err_Input_Signals_2_ObservedOn")!.TextContent.Trim());
        Assert.Empty(page.QuerySelector("#err_Input_Signals_0_ObservedOn")!.TextContent.Trim());
        Assert.Equal(code, page.QuerySelector("#Input_Signals_2_Code option[selected]")!.GetAttribute("value"));
        Assert.False(await f.WithDbAsync(db => db.YoungPeople.AnyAsync(y => y.FamilyName == family)));

        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var more = await browser.PostAsync("/signals/new?handler=AddRow", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.GivenName"] = "Lotte", ["Input.Signals[0].Code"] = code,
            ["Input.Signals[1].Code"] = "", ["Input.Signals[2].Code"] = "",
        }));
        var grown = await Browser.ParseAsync(more);
        Assert.Equal(4, grown.QuerySelectorAll("fieldset").Length);
        Assert.Equal("Lotte", grown.QuerySelector("#Input_GivenName")!.GetAttribute("value"));
    }

    [SkippableFact]
    public async Task The_coordinator_and_the_designated_expert_are_alerted_when_the_suggestion_changes_and_not_otherwise()
    {
        var instrument = await InstrumentAsync();
        var acute = instrument.Signals.First(s => s.Acute).Code;
        var known = await KnownAsync("Noor");
        using var regie = await f.ClientAsync(Demo.Regie);
        await Dossiers.AddMemberAsync(regie, known.Person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        var today = f.Clock.Today();

        // What the engine suggests for her at the latest observation date; the alert must follow it.
        Classification Suggest(DateOnly latest, params string[] codes) =>
            ScreeningEngine.Evaluate(instrument, BirthDate, latest, codes, out _)!.Classification;
        var changes = Suggest(today.AddDays(-1), acute) != Classification.None;

        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using (var first = await gedrag.PostJsonAsync(Signals, Body("Noor", known.FamilyName, BirthDate, Signal(acute, today.AddDays(-1), "YoungPerson"))))
        {
            await first.ExpectAsync(HttpStatusCode.Accepted);
        }

        async Task<int> AlertsAsync(string email) =>
            (await NotificationsAsync(email, known.Person.Pseudonym)).Count(n => n.Kind == SignalPooling.SuggestionNotification);
        Assert.Equal(changes ? 1 : 0, await AlertsAsync(Demo.Regie));
        Assert.Equal(changes ? 1 : 0, await AlertsAsync(Demo.Aandacht));
        Assert.Equal(0, await AlertsAsync(Demo.Mentor));
        Assert.Equal(0, await AlertsAsync(Demo.Gedrag));
        Assert.DoesNotContain(await NotificationsAsync(Demo.Aandacht, known.Person.Pseudonym), n => n.Kind == SignalPooling.PickUpNotification);

        // The same signal again changes nothing: no new alert.
        Assert.Equal(Suggest(today.AddDays(-1), acute), Suggest(today, acute, acute));
        using (var again = await gedrag.PostJsonAsync(Signals, Body("Noor", known.FamilyName, BirthDate, Signal(acute, today, "Network"))))
        {
            await again.ExpectAsync(HttpStatusCode.Accepted);
        }

        Assert.Equal(changes ? 1 : 0, await AlertsAsync(Demo.Regie));
        Assert.Equal(changes ? 1 : 0, await AlertsAsync(Demo.Aandacht));

        // The coordinator reads both, newest first, with who passed them on; the suggestion is over all her signals.
        using var read = await regie.GetAsync(PooledSignalsOf(known.Person.TrajectoryId));
        var view = await read.ReadAsync<PooledSignalsView>();
        Assert.Equal(known.Person.Pseudonym, view.Pseudonym);
        Assert.Equal(Suggest(today, acute, acute), view.Suggestion);
        Assert.Equal([SignalSource.Network, SignalSource.YoungPerson], view.Signals.Select(s => s.Source));
        Assert.All(view.Signals, s => Assert.Equal(("Guus Gedrag (demo)", Demo.North), (s.SignalledBy.Name, s.SignalledBy.Organisation)));
        Assert.All(view.Signals, s => Assert.Equal(instrument.Find(acute)!.LabelNl, s.Label));
        var reads = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == ScreeningAuditActions.PooledSignalsRead && e.Pseudonym == known.Person.Pseudonym && e.ActorId == f.Ids.User(Demo.Regie)).ToListAsync());
        Assert.Equal(Traject.Web.Modules.Trajectories.Access.AccessBasis.Coordinator, Assert.Single(reads).Basis);
    }

    [SkippableFact]
    public async Task Pooled_signals_are_hidden_from_other_team_members_emergency_readers_and_outsiders()
    {
        var code = (await InstrumentAsync()).Signals[0].Code;
        var known = await KnownAsync("Yara");
        using var regie = await f.ClientAsync(Demo.Regie);
        await Dossiers.AddMemberAsync(regie, known.Person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        using (var gedrag = await f.ClientAsync(Demo.Gedrag))
        using (var pooled = await gedrag.PostJsonAsync(Signals, Body("Yara", known.FamilyName, BirthDate, Signal(code, f.Clock.Today(), "Police", "Aangetroffen in een hotel"))))
        {
            await pooled.ExpectAsync(HttpStatusCode.Accepted);
        }

        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        using (var glass = await wijkteam.PostJsonAsync($"/api/v1/young-people/{known.Person.Pseudonym}/emergency-access",
                   new { reason = "Ze staat nu bij ons aan de balie en is in paniek" }))
        {
            await glass.ExpectAsync(HttpStatusCode.Created);
        }

        foreach (var (email, status) in new[]
                 {
                     (Demo.Regie, HttpStatusCode.OK), (Demo.Aandacht, HttpStatusCode.OK), (Demo.Mentor, HttpStatusCode.Forbidden),
                     (Demo.Wijkteam, HttpStatusCode.Forbidden), (Demo.Gedrag, HttpStatusCode.NotFound), (Demo.Kwaliteit, HttpStatusCode.NotFound),
                     (Demo.Politie, HttpStatusCode.NotFound),
                 })
        {
            using var client = await f.ClientAsync(email);
            using var response = await client.GetAsync(PooledSignalsOf(known.Person.TrajectoryId));
            var body = await response.ExpectAsync(status);
            Assert.True(status == HttpStatusCode.OK || !body.Contains("hotel", StringComparison.Ordinal), email);
        }

        // In the dossier page the section is there for the coordinator only, not for the team member or the emergency reader.
        foreach (var (email, shown) in new[] { (Demo.Regie, true), (Demo.Mentor, false), (Demo.Wijkteam, false) })
        {
            using var browser = f.CreateClient();
            using (var login = await Browser.LoginAsync(browser, email))
            {
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            }

            // The section is a page of its own: those who do not steer are refused it (403), and the summary does not link it.
            using var summary = await browser.GetAsync($"/trajectories/{known.Person.TrajectoryId}");
            Assert.Equal(shown, (await summary.ExpectAsync(HttpStatusCode.OK)).Contains("/pooled-signals\"", StringComparison.Ordinal));
            using var dossier = await browser.GetAsync($"/trajectories/{known.Person.TrajectoryId}/pooled-signals");
            Assert.Equal(shown ? HttpStatusCode.OK : HttpStatusCode.Forbidden, dossier.StatusCode);
            var html = await dossier.Content.ReadAsStringAsync();
            var section = (await Browser.ParseAsync(dossier)).QuerySelector("#pooled-signals");
            Assert.Equal(shown, section is not null);
            Assert.Equal(shown, html.Contains("Aangetroffen in een hotel", StringComparison.Ordinal));
            if (shown)
            {
                Assert.Contains("Politie", section!.TextContent, StringComparison.Ordinal);
                Assert.Contains(Demo.North, section.TextContent, StringComparison.Ordinal);
            }
        }

        var denied = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == ScreeningAuditActions.PooledSignalsRead && e.Outcome == AuditOutcomes.Denied && e.EntityId == known.Person.TrajectoryId)
            .Select(e => e.ActorId).ToListAsync());
        Assert.Contains(f.Ids.User(Demo.Mentor), denied);
        Assert.Contains(f.Ids.User(Demo.Gedrag), denied);
    }

    [SkippableFact]
    public async Task A_known_young_person_whose_trajectories_are_closed_gets_a_new_signalled_trajectory_for_the_signallers_organisation()
    {
        var code = (await InstrumentAsync()).Signals[0].Code;
        var known = await KnownAsync("Iris");
        using var regie = await f.ClientAsync(Demo.Regie);
        await Dossiers.ChangeStatusAsync(regie, known.Person.TrajectoryId, "Closed", "Doelen bereikt");

        using var mentor = await f.ClientAsync(Demo.Mentor);
        using (var pooled = await mentor.PostJsonAsync(Signals, Body("Iris", known.FamilyName, BirthDate, Signal(code, f.Clock.Today(), "OwnObservation"))))
        {
            await pooled.ExpectAsync(HttpStatusCode.Accepted);
        }

        Assert.Equal(1, await f.WithDbAsync(db => db.YoungPeople.CountAsync(y => y.FamilyName == known.FamilyName)));
        var trajectories = await TrajectoriesOfAsync(known.Person.YoungPersonId);
        Assert.Equal(2, trajectories.Count);
        var opened = trajectories[1];
        Assert.Equal((TrajectoryStatus.Signalled, f.Ids.User(Demo.Aandacht)), (opened.Status, opened.CoordinatorId));
        Assert.Empty(opened.CareTeam);
        var signal = Assert.Single(await f.WithDbAsync(db => db.PooledSignals.AsNoTracking().Where(s => s.YoungPersonId == known.Person.YoungPersonId).ToListAsync()));
        Assert.Equal(opened.Id, signal.TrajectoryId);
        await AssertNoAccessAsync(mentor, known.Person.Pseudonym, opened.Id);
    }

    [SkippableFact]
    public async Task Several_young_people_with_the_same_name_and_date_of_birth_are_no_match()
    {
        var code = (await InstrumentAsync()).Signals[0].Code;
        var first = await KnownAsync("Mila");
        using var regie = await f.ClientAsync(Demo.Regie);
        var second = await Dossiers.RegisterAsync(regie, f.Clock, b =>
        {
            b["givenName"] = "Mila";
            b["familyName"] = first.FamilyName;
            b["dateOfBirth"] = BirthDate;
        });

        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using (var pooled = await gedrag.PostJsonAsync(Signals, Body("Mila", first.FamilyName, BirthDate, Signal(code, f.Clock.Today()))))
        {
            await pooled.ExpectAsync(HttpStatusCode.Accepted);
        }

        var people = await f.WithDbAsync(db => db.YoungPeople.Where(y => y.FamilyName == first.FamilyName).Select(y => y.Id).ToListAsync());
        Assert.Equal(3, people.Count);
        var signal = Assert.Single(await f.WithDbAsync(db => db.PooledSignals.AsNoTracking()
            .Where(s => people.Contains(s.YoungPersonId)).ToListAsync()));
        Assert.DoesNotContain(signal.YoungPersonId, new[] { first.Person.YoungPersonId, second.YoungPersonId });

        // A different date of birth or spelling is no match either.
        using (var otherDay = await gedrag.PostJsonAsync(Signals, Body("Mila", first.FamilyName, BirthDate.AddDays(1), Signal(code, f.Clock.Today()))))
        {
            await otherDay.ExpectAsync(HttpStatusCode.Accepted);
        }

        Assert.Equal(4, await f.WithDbAsync(db => db.YoungPeople.CountAsync(y => y.FamilyName == first.FamilyName)));
    }

    [SkippableFact]
    public async Task Invalid_input_is_refused_with_field_errors_alike_for_known_and_unknown_and_stores_nothing()
    {
        var instrument = await InstrumentAsync();
        var code = instrument.Signals[0].Code;
        var known = await KnownAsync("Tess");
        var today = f.Clock.Today();
        var before = await f.WithDbAsync(db => Task.FromResult((db.YoungPeople.Count(), db.PooledSignals.Count())));
        using var gedrag = await f.ClientAsync(Demo.Gedrag);

        var cases = new (object Body, string Field)[]
        {
            (new { familyName = known.FamilyName, dateOfBirth = BirthDate, signals = new[] { Signal(code, today) } }, "givenName"),
            (Body("Tess", "", BirthDate, Signal(code, today)), "familyName"),
            (Body("Tess", known.FamilyName, today.AddDays(1), Signal(code, today)), "dateOfBirth"),
            (Body("Tess", known.FamilyName, today.AddYears(-31), Signal(code, today)), "dateOfBirth"),
            (Body("Tess", known.FamilyName, BirthDate), "signals"),
            (Body("Tess", known.FamilyName, BirthDate, Enumerable.Range(0, 21).Select(_ => Signal(code, today)).ToArray()), "signals"),
            (Body("Tess", known.FamilyName, BirthDate, Signal(code, today), Signal("no-such-signal", today)), "signals[1].code"),
            (Body("Tess", known.FamilyName, BirthDate, Signal(code, today.AddDays(1))), "signals[0].observedOn"),
            (Body("Tess", known.FamilyName, BirthDate, Signal(code, BirthDate.AddDays(-1))), "signals[0].observedOn"),
            (Body("Tess", known.FamilyName, BirthDate, Signal(code, today, "Rumour")), "signals[0].source"),
            (Body("Tess", known.FamilyName, BirthDate, Signal(code, today, "School", new string('x', 1001))), "signals[0].note"),
            (Body("Tess", new string('x', 101), BirthDate, Signal(code, today)), "familyName"),
        };
        foreach (var (body, field) in cases)
        {
            using var response = await gedrag.PostJsonAsync(Signals, body);
            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.Fields().Contains(field), $"{field}: {problem}");
        }

        // The same mistake about a known and an unknown name: the same answer, word for word.
        using var knownInvalid = await gedrag.PostJsonAsync(Signals, Body("Tess", known.FamilyName, BirthDate, Signal("no-such-signal", today)));
        using var unknownInvalid = await gedrag.PostJsonAsync(Signals, Body("Tess", Unique("Niemand"), BirthDate, Signal("no-such-signal", today)));
        Assert.Equal(await SeenAsync(knownInvalid), await SeenAsync(unknownInvalid));

        Assert.Equal(before, await f.WithDbAsync(db => Task.FromResult((db.YoungPeople.Count(), db.PooledSignals.Count()))));
    }

    [SkippableFact]
    public async Task Roles_that_may_not_pool_are_refused_before_anything_is_looked_up()
    {
        var code = (await InstrumentAsync()).Signals[0].Code;
        var known = await KnownAsync("Roos");
        var before = await f.WithDbAsync(db => Task.FromResult((db.YoungPeople.Count(), db.PooledSignals.Count())));
        foreach (var email in new[] { Demo.Aandacht, Demo.Politie, Demo.Admin, Demo.Kwaliteit, Demo.Rapporteur })
        {
            using var client = await f.ClientAsync(email);
            using var refused = await client.PostJsonAsync(Signals, Body("Roos", known.FamilyName, BirthDate, Signal(code, f.Clock.Today())));
            await refused.ProblemAsync(HttpStatusCode.Forbidden);

            using var browser = f.CreateClient();
            using (var login = await Browser.LoginAsync(browser, email))
            {
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            }

            using var page = await browser.GetAsync("/signals/new");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        }

        // An organisation without a designated expert cannot have a new trajectory picked up: refused alike for anyone.
        // The neighbourhood team's designated expert is away (inactive) for this part.
        var zuid = f.Ids.User(Demo.AandachtZuid);
        await f.WithDbAsync(db => db.Users.Where(u => u.Id == zuid).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));
        try
        {
            using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
            using var toKnown = await wijkteam.PostJsonAsync(Signals, Body("Roos", known.FamilyName, BirthDate, Signal(code, f.Clock.Today())));
            using var toUnknown = await wijkteam.PostJsonAsync(Signals, Body("Roos", Unique("Niemand"), BirthDate, Signal(code, f.Clock.Today())));
            await toKnown.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal(await SeenAsync(toKnown), await SeenAsync(toUnknown));
        }
        finally
        {
            await f.WithDbAsync(db => db.Users.Where(u => u.Id == zuid).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, true)));
        }

        Assert.Equal(before, await f.WithDbAsync(db => Task.FromResult((db.YoungPeople.Count(), db.PooledSignals.Count()))));
        var denied = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == ScreeningAuditActions.SignalPooled && e.Outcome == AuditOutcomes.Denied).Select(e => e.ActorId).ToListAsync());
        Assert.Contains(f.Ids.User(Demo.Aandacht), denied);
        Assert.Contains(f.Ids.User(Demo.Politie), denied);
    }
}

public sealed class SignalPoolingSqlite(SqliteFixture f) : SignalPoolingTests(f), IClassFixture<SqliteFixture>;

public sealed class SignalPoolingPostgres(PostgresFixture f) : SignalPoolingTests(f), IClassFixture<PostgresFixture>;
