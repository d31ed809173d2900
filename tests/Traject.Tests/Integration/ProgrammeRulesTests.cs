using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>
/// The catalogue's facts and the placement rules that follow from them, through the API and the pages: a programme
/// ending at 18 and her 18th birthday, whom a programme serves and the argued exception, the closed setting and its
/// JeugdzorgPlus indication, an indicative duration that only warns, the two-week time-out, and the built-in
/// programmes corrected as new versions.
/// </summary>
public abstract class ProgrammeRulesTests(TrajectFixture f)
{
    private static async Task<PlacementView> OneAsync(HttpClient client, Guid trajectoryId, Guid placementId)
    {
        using var response = await client.GetAsync($"{PlacementSteps.Url(trajectoryId)}/{placementId}");
        return await response.ReadAsync<PlacementView>();
    }

    private async Task<HttpClient> BrowserAsync(string email)
    {
        var client = f.CreateClient();
        using var login = await Browser.LoginAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    /// <summary>The page's HTML with its character references decoded (the encoder writes é as a reference).</summary>
    private static async Task<string> PageAsync(HttpClient browser, string url)
    {
        using var response = await browser.GetAsync(url);
        return await TextAsync(response);
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.ExpectAsync(HttpStatusCode.OK));

    [SkippableFact]
    public async Task A_placement_in_a_programme_ending_at_18_that_runs_past_her_birthday_points_to_the_continuity_checklist()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var today = f.Clock.Today();
        var person = await Dossiers.RegisterAsync(regie, f.Clock, p => p["dateOfBirth"] = today.AddYears(-18).AddDays(60)); // 18 in 60 days
        var t = person.TrajectoryId;
        var intermetzo = await PlacementSteps.ProgrammeAsync(f, PlacementSteps.Intermetzo); // 10 to 18
        var north = f.Ids.Organisation(Demo.North);
        var id = await PlacementSteps.StartAsync(regie, t, intermetzo, north, today,
            new { programmeId = intermetzo, organisationId = north, startedOn = today, plannedEndOn = today.AddDays(90), indicationConfirmed = true });
        var placement = await OneAsync(regie, t, id);
        Assert.Contains(PlacementWarning.PassesEighteenthBirthday, placement.Warnings);
        Assert.DoesNotContain(PlacementWarning.AgeOutsideTargetGroup, placement.Warnings); // 17 at the start
        Assert.Equal(18, placement.Programme.MaxAge);

        using var browser = await BrowserAsync(Demo.Regie);
        var dutch = await PageAsync(browser, $"/trajectories/{t}/placements/{id}");
        Assert.Contains("plan de continuïteit met de checklist 18 worden", dutch, StringComparison.Ordinal);
        Assert.Contains($"href=\"/trajectories/{t}/overview#continuity\"", dutch, StringComparison.Ordinal);
        var english = await PageAsync(browser, $"/trajectories/{t}/placements/{id}?culture=en-GB");
        Assert.Contains("The programme ends at 18 and the placement runs up to or past her 18th birthday", english, StringComparison.Ordinal);
        Assert.Contains("Turning-18 checklist", english, StringComparison.Ordinal);
        Assert.Contains($"href=\"/trajectories/{t}/overview#continuity\"", await PageAsync(browser, $"/trajectories/{t}/placements"), StringComparison.Ordinal); // the placements too
    }

    [SkippableFact]
    public async Task A_programme_for_girls_takes_a_boy_only_with_an_argued_exception_which_is_kept()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var boy = await Dossiers.RegisterAsync(regie, f.Clock, p => p["gender"] = "Boy");
        var lima = await PlacementSteps.ProgrammeAsync(f, PlacementSteps.VeiligLima); // serves girls
        var north = f.Ids.Organisation(Demo.North);
        var today = f.Clock.Today();
        using (var bare = await regie.PostJsonAsync(PlacementSteps.Url(boy.TrajectoryId), new { programmeId = lima, organisationId = north, startedOn = today }))
        {
            var problem = await bare.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["genderArgument"], problem.Fields());
            Assert.Equal("Het programma is voor meisjes en het vastgelegde gender is Jongen: onderbouw in ten minste 20 tekens waarom het toch bij deze jongere past.",
                (string?)problem["errors"]!["genderArgument"]![0]);
        }

        using (var brief = await regie.PostJsonAsync(PlacementSteps.Url(boy.TrajectoryId),
                   new { programmeId = lima, organisationId = north, startedOn = today, genderArgument = "Past wel." }))
        {
            Assert.Contains("genderArgument", (await brief.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        Assert.False(await f.WithDbAsync(db => db.Placements.AnyAsync(p => p.TrajectoryId == boy.TrajectoryId)));
        const string Argument = "De enige plek met passende traumabehandeling; hij volgt het programma één-op-één.";
        var id = await PlacementSteps.StartAsync(regie, boy.TrajectoryId, lima, north, today,
            new { programmeId = lima, organisationId = north, startedOn = today, genderArgument = Argument });
        var placement = await OneAsync(regie, boy.TrajectoryId, id);
        Assert.Equal(Argument, placement.GenderArgument);
        Assert.Equal(TargetGender.Girls, placement.Programme.TargetGender);

        // For a girl the programme serves her: no exception, and an argument given anyway is not kept.
        var girl = await Dossiers.RegisterAsync(regie, f.Clock);
        var hers = await PlacementSteps.StartAsync(regie, girl.TrajectoryId, lima, north, today,
            new { programmeId = lima, organisationId = north, startedOn = today, genderArgument = Argument });
        Assert.Null((await OneAsync(regie, girl.TrajectoryId, hers)).GenderArgument);

        // The form: refused without the argument (in Dutch, or English), accepted and shown with it.
        var other = await Dossiers.RegisterAsync(regie, f.Clock, p => p["gender"] = "Boy");
        using var browser = await BrowserAsync(Demo.Regie);
        var form = $"/trajectories/{other.TrajectoryId}/placements/new";
        var fields = new Dictionary<string, string> { ["Input.ProgrammeId"] = lima.ToString(), ["Input.OrganisationId"] = north.ToString() };
        using (var refused = await Browser.SubmitAsync(browser, form, fields))
        {
            var html = await TextAsync(refused);
            Assert.Contains("onderbouw in ten minste 20 tekens waarom het toch bij deze jongere past", html, StringComparison.Ordinal);
            Assert.Contains("Onderbouwing voor een programma dat niet voor haar gender is", html, StringComparison.Ordinal);
        }

        using (var english = await Browser.SubmitAsync(browser, form + "?culture=en-GB", fields))
        {
            Assert.Contains("The programme serves girls and the recorded gender is Boy", await TextAsync(english), StringComparison.Ordinal);
        }

        using (var accepted = await Browser.SubmitAsync(browser, form, new Dictionary<string, string>(fields) { ["Input.GenderArgument"] = Argument }))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
            var page = await PageAsync(browser, accepted.Headers.Location!.OriginalString);
            Assert.Contains("Onderbouwde uitzondering: het programma is voor meisjes", page, StringComparison.Ordinal);
            Assert.Contains("één-op-één", page, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task The_catalogue_states_whom_a_programme_serves_and_a_closed_programme_requires_JeugdzorgPlus()
    {
        using var admin = await f.ClientAsync(Demo.Admin);
        object Programme(string code, string[] settings, string? indication, string? gender, int minAge = 12, int maxAge = 18) => new
        {
            code, name = "Testprogramma " + code, provider = "Testaanbieder", settings, targetGroup = "Jongens van 12 tot 18 jaar.", targetGender = gender,
            minAge, maxAge, indicativeDurationWeeks = 30, requiredIndication = indication, groupComposition = "Homogeneous", reach = "National",
            isActive = false, phases = new[] { new { name = "Behandeling", phone = "Supervised", internet = "Supervised", leave = "Supervised", networkContact = "Supervised" } },
        };

        using (var closedWithout = await admin.PostJsonAsync("/api/v1/care-programmes", Programme("test-closed", ["Closed"], "None", "Boys")))
        {
            var problem = await closedWithout.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["requiredIndication"], problem.Fields());
            Assert.Equal("Een programma met een gesloten setting vereist de indicatie voor gesloten jeugdhulp (JeugdzorgPlus).",
                (string?)problem["errors"]!["requiredIndication"]![0]);
        }

        using (var openWith = await admin.PostJsonAsync("/api/v1/care-programmes", Programme("test-open", ["Open"], "JeugdzorgPlus", "Boys")))
        {
            Assert.Equal(["requiredIndication"], (await openWith.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var nobody = await admin.PostJsonAsync("/api/v1/care-programmes", Programme("test-nobody", ["Open"], null, null)))
        {
            Assert.Equal(["targetGender"], (await nobody.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var empty = await admin.PostJsonAsync("/api/v1/care-programmes", Programme("test-ages", ["Open"], null, "Boys", 12, 12)))
        {
            Assert.Equal(["maxAge"], (await empty.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        CareProgrammeView created;
        using (var ok = await admin.PostJsonAsync("/api/v1/care-programmes", Programme("test-boys", ["Open", "Closed"], "JeugdzorgPlus", "Boys")))
        {
            created = await ok.ReadAsync<CareProgrammeView>(HttpStatusCode.Created);
        }

        Assert.Equal(TargetGender.Boys, created.TargetGender);
        Assert.Equal(30, created.IndicativeDurationWeeks);
        Assert.Null(created.MaxDurationWeeks);

        // The built-in catalogue: every programme with a closed setting requires JeugdzorgPlus; "about one year" is indicative.
        using var regie = await f.ClientAsync(Demo.Regie);
        var catalogue = await (await regie.GetAsync("/api/v1/care-programmes")).ReadAsync<List<CareProgrammeView>>();
        Assert.All(catalogue.Where(p => p.Settings.Contains(PlacementSetting.Closed)), p => Assert.Equal(RequiredIndication.JeugdzorgPlus, p.RequiredIndication));
        var ego = catalogue.Single(p => p.Code == PlacementSteps.EgoStrengthening);
        Assert.Null(ego.MaxDurationWeeks);
        Assert.Equal(52, ego.IndicativeDurationWeeks);
        Assert.Equal(TargetGender.Girls, catalogue.Single(p => p.Code == PlacementSteps.Hoenderloo).TargetGender);
        Assert.Equal(TargetGender.All, catalogue.Single(p => p.Code == PlacementSteps.Outpatient).TargetGender);

        // The catalogue page and the edit page, in Dutch and English.
        using var browser = await BrowserAsync(Demo.Regie);
        var dutch = await PageAsync(browser, "/care-programmes");
        Assert.Contains("Voor wie (gender)", dutch, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"target-gender\">meisjes</dd>", dutch, StringComparison.Ordinal);
        Assert.Contains("van 12 tot 18 jaar (18 telt niet mee)", dutch, StringComparison.Ordinal);
        Assert.Contains("ongeveer 52 weken", dutch, StringComparison.Ordinal);
        var english = await PageAsync(browser, "/care-programmes?culture=en-GB");
        Assert.Contains("Serves (gender)", english, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"target-gender\">girls</dd>", english, StringComparison.Ordinal);
        Assert.Contains("from 12 up to 18, not included", english, StringComparison.Ordinal);
        Assert.Contains("about 52 weeks", english, StringComparison.Ordinal);

        using var adminBrowser = await BrowserAsync(Demo.Admin);
        var edit = await PageAsync(adminBrowser, $"/admin/care-programmes/edit/{ego.Id}");
        Assert.Contains("Tot leeftijd (telt niet mee)", edit, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Girls\" selected=\"selected\">meisjes</option>", edit, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.IndicativeDurationWeeks\" type=\"number\" value=\"52\"", edit, StringComparison.Ordinal);
        Assert.Contains("Serves (gender)", await PageAsync(adminBrowser, $"/admin/care-programmes/edit/{ego.Id}?culture=en-GB"), StringComparison.Ordinal);

        // Publishing through the page: a closed setting without JeugdzorgPlus is refused on the form.
        using (var refused = await Browser.SubmitAsync(adminBrowser, $"/admin/care-programmes/edit/{created.Id}",
                   new Dictionary<string, string> { ["Input.RequiredIndication"] = "None", ["Input.Settings"] = "Closed" }))
        {
            Assert.Contains("vereist de indicatie voor gesloten jeugdhulp (JeugdzorgPlus)", await TextAsync(refused), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task An_indicative_duration_warns_and_never_refuses_and_the_closed_form_asks_the_indication_in_any_programme()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var ego = await PlacementSteps.ProgrammeAsync(f, PlacementSteps.EgoStrengthening); // about one year, closed, mixed group
        var north = f.Ids.Organisation(Demo.North);
        var today = f.Clock.Today();
        const string Mixed = "Zij functioneert beter tussen leeftijdgenoten van beide seksen; besproken in het MDO.";
        var id = await PlacementSteps.StartAsync(regie, person.TrajectoryId, ego, north, today, new
        {
            programmeId = ego, organisationId = north, startedOn = today, plannedEndOn = today.AddDays(400), indicationConfirmed = true, mixedGroupArgument = Mixed,
        });
        var placement = await OneAsync(regie, person.TrajectoryId, id);
        Assert.Equal([PlacementWarning.BeyondIndicativeDuration], placement.Warnings);
        Assert.Null(placement.MaximumEndOn);
        Assert.Equal(today.AddDays(364), placement.IndicativeEndOn);

        using var browser = await BrowserAsync(Demo.Regie);
        var page = await PageAsync(browser, $"/trajectories/{person.TrajectoryId}/placements/{id}");
        Assert.Contains("Indicatieve duur tot", page, StringComparison.Ordinal);
        Assert.Contains("dan de indicatieve duur van het programma: dat mag", page, StringComparison.Ordinal);
        Assert.Contains("longer than the programme's indicative duration: allowed",
            await PageAsync(browser, $"/trajectories/{person.TrajectoryId}/placements/{id}?culture=en-GB"), StringComparison.Ordinal);

        // Hoenderloo can be followed open or closed: the indication is asked for the closed setting only.
        var hoenderloo = await PlacementSteps.ProgrammeAsync(f, PlacementSteps.Hoenderloo);
        var other = await Dossiers.RegisterAsync(regie, f.Clock);
        using (var closed = await regie.PostJsonAsync(PlacementSteps.Url(other.TrajectoryId),
                   new { programmeId = hoenderloo, organisationId = north, startedOn = today, setting = "Closed" }))
        {
            Assert.Equal(["indicationConfirmed"], (await closed.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        await PlacementSteps.StartAsync(regie, other.TrajectoryId, hoenderloo, north, today,
            new { programmeId = hoenderloo, organisationId = north, startedOn = today, setting = "Open" });
    }

    [SkippableFact]
    public async Task A_time_out_without_an_end_lasts_two_weeks_and_can_be_repeated_through_the_api_and_the_form()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var today = f.Clock.Today();
        var t = person.TrajectoryId;
        var id = await PlacementSteps.StartAsync(regie, t, await PlacementSteps.ProgrammeAsync(f, PlacementSteps.VeiligLima),
            f.Ids.Organisation(Demo.North), today.AddDays(-20));
        var url = $"{PlacementSteps.Url(t)}/{id}";
        var version = (await OneAsync(regie, t, id)).Version;
        using (var timeOut = await regie.PostJsonAsync($"{url}/time-outs", new { startsOn = today, reason = "Acuut weglooprisico na contact met dader", version }))
        {
            version = (await timeOut.ReadAsync<Changed>(HttpStatusCode.Created)).Version;
        }

        var placement = await OneAsync(regie, t, id);
        Assert.Equal(today.AddDays(13), Assert.Single(placement.TimeOuts).EndsOn);

        // Repeated through the form, the Until field left empty: the next two weeks.
        using var browser = await BrowserAsync(Demo.Regie);
        var pageUrl = $"/trajectories/{t}/placements/{id}";
        var page = await PageAsync(browser, pageUrl);
        Assert.Contains("Tot en met (leeg: twee weken)", page, StringComparison.Ordinal);
        Assert.Contains("Een gesloten time-out duurt 14 dagen (twee weken)", page, StringComparison.Ordinal);
        Assert.Contains("A closed time-out lasts 14 days (two weeks)", await PageAsync(browser, pageUrl + "?culture=en-GB"), StringComparison.Ordinal);
        using (var again = await Browser.SubmitAsync(browser, pageUrl, new Dictionary<string, string>
               {
                   ["TimeOut.StartsOn"] = today.AddDays(14).ToString("yyyy-MM-dd", null), ["TimeOut.EndsOn"] = string.Empty,
                   ["TimeOut.Reason"] = "Nog steeds dreiging vanuit het netwerk",
               }))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        placement = await OneAsync(regie, t, id);
        Assert.Equal([today.AddDays(13), today.AddDays(27)], placement.TimeOuts.Select(x => x.EndsOn));
        using (var overlap = await regie.PostJsonAsync($"{url}/time-outs", new { startsOn = today.AddDays(20), reason = "Overlapt met de vorige", version = placement.Version }))
        {
            await overlap.ProblemAsync(HttpStatusCode.Conflict);
        }
    }

    [SkippableFact]
    public async Task The_demo_data_keeps_the_rules_a_boy_in_a_programme_for_girls_has_his_argued_exception()
    {
        var placements = await f.WithDbAsync(db => (from p in db.Placements
                                                    join t in db.Trajectories on p.TrajectoryId equals t.Id
                                                    select new { p.GenderArgument, p.ProgrammeVersion!.TargetGender, t.YoungPerson!.Gender, t.YoungPerson.PseudonymCode })
            .ToListAsync());
        var exceptions = placements.Where(p => PlacementRules.Serves(p.TargetGender, p.Gender) != GenderFit.Serves).ToList();
        Assert.Contains(exceptions, p => p.GenderArgument?.StartsWith("Demo:", StringComparison.Ordinal) == true);
        Assert.All(exceptions, p => Assert.True(p.GenderArgument?.Length >= Placement.ArgumentMinLength, p.PseudonymCode));
    }

    [SkippableFact]
    public async Task A_built_in_programme_the_application_published_is_corrected_as_a_new_version_and_an_administrators_is_left_alone()
    {
        // A database from before the corrections: PINQ closed as the application stored it then (no indication, serving all).
        var code = "pinq-closed";
        var (programmeId, oldNumber) = await f.WithDbAsync(async db =>
        {
            var programme = await db.CareProgrammes.SingleAsync(p => p.Code == code);
            var current = await db.CareProgrammeVersions.AsNoTracking().Include(v => v.Phases)
                .SingleAsync(v => v.ProgrammeId == programme.Id && v.Number == programme.CurrentNumber);
            var old = new CareProgrammeVersion
            {
                ProgrammeId = programme.Id, Number = programme.CurrentNumber + 1, Name = current.Name, Provider = current.Provider, Settings = current.Settings,
                TargetGroup = current.TargetGroup, TargetGender = TargetGender.All, MinAge = current.MinAge, MaxAge = current.MaxAge,
                MaxDurationWeeks = current.MaxDurationWeeks, RequiredIndication = RequiredIndication.None, GroupComposition = current.GroupComposition,
                Reach = current.Reach, RegionId = current.RegionId, Description = current.Description, PublishedAt = f.Clock.GetUtcNow(),
            };
            old.Phases.AddRange(current.Phases.Select(p => new CareProgrammePhase
            {
                ProgrammeVersionId = old.Id, Order = p.Order, Name = p.Name, TypicalWeeks = p.TypicalWeeks, Phone = p.Phone, Internet = p.Internet,
                Leave = p.Leave, NetworkContact = p.NetworkContact, Notes = p.Notes,
            }));
            db.CareProgrammeVersions.Add(old);
            programme.CurrentNumber = old.Number;
            await db.SaveChangesAsync();
            return (programme.Id, old.Number);
        });

        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var north = f.Ids.Organisation(Demo.North);
        var placementId = await PlacementSteps.StartAsync(regie, person.TrajectoryId, programmeId, north, f.Clock.Today(),
            new { programmeId, organisationId = north, startedOn = f.Clock.Today(), indicationConfirmed = true });

        // An administrator's own version of PINQ crisis shelter is theirs: the application leaves it.
        using var admin = await f.ClientAsync(Demo.Admin);
        var crisis = await PlacementSteps.ProgrammeAsync(f, "pinq-crisis");
        var before = await (await admin.GetAsync($"/api/v1/care-programmes/{crisis}")).ReadAsync<CareProgrammeView>();
        using (var published = await admin.PutJsonAsync($"/api/v1/care-programmes/{crisis}", new
               {
                   before.Name, before.Provider, before.Settings, before.TargetGroup, before.TargetGender, before.MinAge, before.MaxAge, before.MaxDurationWeeks,
                   before.RequiredIndication, before.GroupComposition, before.Reach, before.RegionId, before.FemaleStaffOnly, before.ProtectedAddress,
                   description = "Beschrijving aangevuld door de beheerder.", organisationId = before.OrganisationId, isActive = true, version = before.Version,
                   phases = before.Phases.Select(p => new { p.Name, p.TypicalWeeks, p.Phone, p.Internet, p.Leave, p.NetworkContact, p.Notes }),
               }))
        {
            Assert.Equal(before.VersionNumber + 1, (await published.ReadAsync<CareProgrammeView>()).VersionNumber);
        }

        var stored = await f.WithDbAsync(db => db.CareProgrammeVersions.CountAsync());
        await f.WithDbAsync(async db =>
        {
            await CareProgrammes.StoreBuiltInAsync(db, f.Clock, default);
            return 0;
        });
        Assert.Equal(stored + 1, await f.WithDbAsync(db => db.CareProgrammeVersions.CountAsync())); // only PINQ closed had changed
        var corrected = await (await regie.GetAsync($"/api/v1/care-programmes/{programmeId}")).ReadAsync<CareProgrammeView>();
        Assert.Equal(oldNumber + 1, corrected.VersionNumber);
        Assert.Equal(RequiredIndication.JeugdzorgPlus, corrected.RequiredIndication);
        Assert.Equal(TargetGender.Girls, corrected.TargetGender);
        Assert.Equal(oldNumber, (await OneAsync(regie, person.TrajectoryId, placementId)).Programme.VersionNumber); // the placement keeps its version
        Assert.Equal(before.VersionNumber + 1, (await (await regie.GetAsync($"/api/v1/care-programmes/{crisis}")).ReadAsync<CareProgrammeView>()).VersionNumber);

        // Storing again changes nothing.
        var versions = await f.WithDbAsync(db => db.CareProgrammeVersions.CountAsync());
        await f.WithDbAsync(async db =>
        {
            await CareProgrammes.StoreBuiltInAsync(db, f.Clock, default);
            return 0;
        });
        Assert.Equal(versions, await f.WithDbAsync(db => db.CareProgrammeVersions.CountAsync()));
    }
}

public sealed class ProgrammeRulesSqlite(SqliteFixture f) : ProgrammeRulesTests(f), IClassFixture<SqliteFixture>;

public sealed class ProgrammeRulesPostgres(PostgresFixture f) : ProgrammeRulesTests(f), IClassFixture<PostgresFixture>;
