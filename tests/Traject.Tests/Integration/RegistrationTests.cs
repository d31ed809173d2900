using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Common.Auditing;
using Traject.Web.Modules.Registration;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>
/// Registration ("registration unless"): decisions with their three outcomes, consent by the policy, versioned
/// decisions, national notifications with their keys, withdrawal, export once and byte for byte the same, the
/// hand-over of a trajectory with its decision, the internal registration overview and the consent policy table.
/// </summary>
public abstract class RegistrationTests(TrajectFixture f)
{
    private const string Argument = "Na overleg in het MDO: melden zou haar nu in gevaar brengen, de pooier leest mee op haar telefoon.";

    private static string Url(Guid trajectoryId) => $"/api/v1/trajectories/{trajectoryId}/registration";

    private static object Decision(string outcome, Guid? supersedes, Guid? consentId = null, string? dobReason = null, string? reason = null,
        string? argument = null, string[]? forms = null) =>
        new { outcome, victimStatus = "Suspected", forms = forms ?? ["Sexual", "Financial"], consentId, dateOfBirthOnlyReason = dobReason,
            nonNotificationReason = reason, argument, supersedes };

    private static async Task<RegistrationView> DecideAsync(HttpClient client, Guid trajectoryId, object decision)
    {
        using var response = await client.PostJsonAsync($"{Url(trajectoryId)}/decisions", decision);
        return await response.ReadAsync<RegistrationView>(HttpStatusCode.Created);
    }

    private static async Task<IReadOnlyCollection<string>> RefusedFieldsAsync(HttpClient client, Guid trajectoryId, object decision)
    {
        using var response = await client.PostJsonAsync($"{Url(trajectoryId)}/decisions", decision);
        return (await response.ProblemAsync(HttpStatusCode.BadRequest)).Fields();
    }

    private Task<List<NationalNotification>> NotificationsAsync(Guid trajectoryId) =>
        f.WithDbAsync(db => db.NationalNotifications.AsNoTracking().Where(n => n.TrajectoryId == trajectoryId).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync());

    [SkippableFact]
    public async Task Decisions_need_their_reasons_supersede_each_other_and_notify_with_a_key()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock, b => b["familyName"] = "van der Berg");
        await Dossiers.ConfirmSuspicionAsync(f, regie, person.TrajectoryId);
        var today = f.Clock.Today();

        using (var first = await regie.GetAsync(Url(person.TrajectoryId)))
        {
            var view = await first.ReadAsync<RegistrationView>();
            Assert.Null(view.Current);
            Assert.Equal((15, ConsentRequirement.ParentOrGuardianAndYoungPerson), (view.AgeToday, view.ConsentRequirementToday));
        }

        // Not notifying must be argued; date of birth only needs its reason; a form of exploitation is required.
        Assert.Contains("argument", await RefusedFieldsAsync(regie, person.TrajectoryId, Decision("DoNotNotify", null, reason: "SafetyRisk", argument: "Te gevaarlijk.")));
        Assert.Contains("nonNotificationReason", await RefusedFieldsAsync(regie, person.TrajectoryId, Decision("DoNotNotify", null, argument: Argument)));
        Assert.Contains("dateOfBirthOnlyReason", await RefusedFieldsAsync(regie, person.TrajectoryId, Decision("NotifyDateOfBirthOnly", null)));
        Assert.Contains("forms", await RefusedFieldsAsync(regie, person.TrajectoryId, Decision("NotifyDateOfBirthOnly", null, dobReason: "Relatie", forms: [])));
        Assert.Contains("consentId", await RefusedFieldsAsync(regie, person.TrajectoryId, Decision("NotifyByName", null)));
        Assert.Empty(await NotificationsAsync(person.TrajectoryId));

        var dobOnly = await DecideAsync(regie, person.TrajectoryId, Decision("NotifyDateOfBirthOnly", null, dobReason: "Toestemming vragen schaadt nu de hulpverleningsrelatie."));
        Assert.Equal((RegistrationOutcome.NotifyDateOfBirthOnly, 1), (dobOnly.Current!.Outcome, dobOnly.Current.Sequence));
        Assert.Equal([ExploitationForm.Sexual, ExploitationForm.Financial], dobOnly.Current.Forms);
        var notified = Assert.Single(await NotificationsAsync(person.TrajectoryId));
        Assert.Equal((NotificationKind.DateOfBirthOnly, null, null, "Groningen"), (notified.Kind, notified.FamilyName, notified.GivenName, notified.Municipality));
        Assert.Equal((today.Year, true, 15, NotifiedNationality.Dutch, true), (notified.Year, notified.Minor, notified.AgeOnDecision, notified.Nationality, notified.CountedInYear));
        Assert.Equal(f.Ids.Organisation(Demo.North), notified.OrganisationId);
        Assert.Matches("^[0-9a-f]{64}$", notified.DeduplicationKey);

        // Consent follows the policy at her age on the consent date: at 15 the parent(s) and she herself.
        using (var alone = await regie.PostJsonAsync($"{Url(person.TrajectoryId)}/consents", new { givenOn = today, youngPersonConsented = true, form = "Written" }))
        {
            Assert.Contains("parentOrGuardianConsented", (await alone.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        RegistrationView withConsent;
        using (var both = await regie.PostJsonAsync($"{Url(person.TrajectoryId)}/consents",
                   new { givenOn = today, youngPersonConsented = true, parentOrGuardianConsented = true, parentOrGuardianName = "Moeder", form = "Written" }))
        {
            withConsent = await both.ReadAsync<RegistrationView>(HttpStatusCode.Created);
        }

        var consent = Assert.Single(withConsent.Consents);
        Assert.Equal((15, ConsentRequirement.ParentOrGuardianAndYoungPerson), (consent.AgeOnConsentDate, consent.Requirement));

        // A decision made on an old view of the decisions is refused.
        using (var stale = await regie.PostJsonAsync($"{Url(person.TrajectoryId)}/decisions", Decision("NotifyByName", null, consent.Id)))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        var byName = await DecideAsync(regie, person.TrajectoryId, Decision("NotifyByName", dobOnly.Current.Id, consent.Id));
        Assert.Equal((RegistrationOutcome.NotifyByName, 2, 2), (byName.Current!.Outcome, byName.Current.Sequence, byName.Decisions.Count));
        Assert.NotNull(byName.Decisions.Single(d => d.Sequence == 1).SupersededAt);
        Assert.Equal("Toestemming vragen schaadt nu de hulpverleningsrelatie.", byName.Decisions.Single(d => d.Sequence == 1).DateOfBirthOnlyReason);
        var both2 = await NotificationsAsync(person.TrajectoryId);
        Assert.Equal([false, true], both2.Select(n => n.CountedInYear));
        var named = both2[1];
        Assert.Equal((NotificationKind.ByName, "van der Berg", "Testa", null), (named.Kind, named.FamilyName, named.GivenName, named.Municipality));
        Assert.Equal(DeduplicationKey.Compute(RegistrationOptions.DevelopmentSecret, DeduplicationKey.ByNameInput("Van Der Berg", "TESTA", named.DateOfBirth)),
            named.DeduplicationKey);

        // Withdrawal: the notification by name not yet exported is cancelled, the earlier one counts again, and no new decision may rest on it.
        using (var withdraw = await regie.PostJsonAsync($"{Url(person.TrajectoryId)}/consents/{consent.Id}/withdraw", new { version = consent.Version }))
        {
            Assert.NotNull(Assert.Single((await withdraw.ReadAsync<RegistrationView>()).Consents).WithdrawnOn);
        }

        var after = await NotificationsAsync(person.TrajectoryId);
        Assert.Equal([true, false], after.Select(n => n.CountedInYear));
        Assert.NotNull(after[1].CancelledAt);
        using (var again = await regie.PostJsonAsync($"{Url(person.TrajectoryId)}/decisions", Decision("NotifyByName", byName.Current.Id, consent.Id)))
        {
            await again.ProblemAsync(HttpStatusCode.Conflict);
        }

        var notNotified = await DecideAsync(regie, person.TrajectoryId, Decision("DoNotNotify", byName.Current.Id, reason: "SafetyRisk", argument: Argument));
        Assert.Equal((NonNotificationReason.SafetyRisk, Argument), (notNotified.Current!.NonNotificationReason, notNotified.Current.Argument));
        Assert.Equal(2, (await NotificationsAsync(person.TrajectoryId)).Count);

        var audited = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Pseudonym == person.Pseudonym && a.Outcome == AuditOutcomes.Allowed)
            .Select(a => a.Action).ToListAsync());
        Assert.Equal(3, audited.Count(a => a == RegistrationAuditActions.RegistrationDecided));
        Assert.Contains(RegistrationAuditActions.ConsentRecorded, audited);
        Assert.Contains(RegistrationAuditActions.ConsentWithdrawn, audited);
        Assert.Contains(RegistrationAuditActions.RegistrationRead, audited);
    }

    [SkippableFact]
    public async Task A_national_notification_needs_a_final_weighed_classification_of_suspected_or_acute()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var today = f.Clock.Today();
        var dobOnly = Decision("NotifyDateOfBirthOnly", null, dobReason: "Toestemming vragen schaadt nu de hulpverleningsrelatie.");
        async Task<string?> RefusedAsync(object decision, string query = "")
        {
            using var response = await regie.PostJsonAsync($"{Url(person.TrajectoryId)}/decisions{query}", decision);
            return (string?)(await response.ProblemAsync(HttpStatusCode.Conflict))["detail"];
        }

        async Task<RegistrationView> ViewAsync()
        {
            using var response = await regie.GetAsync(Url(person.TrajectoryId));
            return await response.ReadAsync<RegistrationView>();
        }

        // No screening is final: neither by date of birth only nor by name, whatever the consent.
        Assert.Equal("Alleen vermoedelijke slachtoffers worden gemeld: daarvoor is na de weging een vastgestelde classificatie nodig van vermoedelijk slachtoffer "
            + "of acuut gevaar, en die is er nog niet.", await RefusedAsync(dobOnly));
        Assert.Equal("Only suspected victims are notified: this needs a final weighed classification of suspected victim or acute danger, and there is none yet.",
            await RefusedAsync(dobOnly, "?culture=en-GB"));
        RegistrationView withConsent;
        using (var both = await regie.PostJsonAsync($"{Url(person.TrajectoryId)}/consents",
                   new { givenOn = today, youngPersonConsented = true, parentOrGuardianConsented = true, parentOrGuardianName = "Moeder", form = "Written" }))
        {
            withConsent = await both.ReadAsync<RegistrationView>(HttpStatusCode.Created);
        }

        Assert.NotNull(await RefusedAsync(Decision("NotifyByName", null, Assert.Single(withConsent.Consents).Id)));
        Assert.Equal((null, false), (withConsent.FinalClassification, withConsent.MayNotify));

        // A final "potential victim" is not enough either: the national centre registers suspected victims.
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist" });
        var risk = BuiltInInstrument.Instance.Signals.First(s => s.RiskProfiles.Count > 0 && s.LegalElements.Count == 0 && !s.Acute).Code;
        ScreeningView screening;
        using (var recorded = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/screenings",
                   new { signals = new[] { new { code = risk, observedOn = today, source = "School" } } }))
        {
            screening = await recorded.ReadAsync<ScreeningView>(HttpStatusCode.Created);
        }

        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        foreach (var client in new[] { regie, gedrag })
        {
            using var weighed = await client.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/screenings/{screening.Id}/weighings",
                new { participants = "Regievoerder en gedragswetenschapper", heldOn = today, conclusion = "Potential" });
            screening = await weighed.ReadAsync<ScreeningView>(HttpStatusCode.Created);
        }

        Assert.Equal(Classification.Potential, screening.FinalClassification);
        Assert.EndsWith("de laatst vastgestelde is Potentieel slachtoffer.", await RefusedAsync(dobOnly), StringComparison.Ordinal);
        Assert.Equal((Classification.Potential, false), ((await ViewAsync()).FinalClassification, (await ViewAsync()).MayNotify));
        Assert.Empty(await NotificationsAsync(person.TrajectoryId));

        // Not notifying stays possible, with its argument.
        var notNotified = await DecideAsync(regie, person.TrajectoryId, Decision("DoNotNotify", null, reason: "SuspicionNotSubstantiated", argument: Argument));
        Assert.Equal(RegistrationOutcome.DoNotNotify, notNotified.Current!.Outcome);

        // The page says so before the form, and the form shows the refusal in Dutch or English.
        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var page = $"/trajectories/{person.TrajectoryId}/registration";
        using (var dutch = await browser.GetAsync(page))
        {
            var notice = (await Browser.ParseAsync(dutch)).QuerySelector("#notify-needs-suspicion")!.TextContent;
            Assert.Contains("Alleen vermoedelijke slachtoffers worden gemeld bij het landelijk coördinatiecentrum", notice, StringComparison.Ordinal);
            Assert.Contains("De laatst vastgestelde classificatie is: Potentieel slachtoffer.", notice, StringComparison.Ordinal);
        }

        var form = new Dictionary<string, string>
        {
            ["Decision.Outcome"] = "NotifyDateOfBirthOnly", ["Decision.VictimStatus"] = "Suspected", ["Decision.Forms"] = "Sexual",
            ["Decision.DateOfBirthOnlyReason"] = "Toestemming vragen schaadt nu de hulpverleningsrelatie.",
        };
        using (var posted = await Browser.SubmitAsync(browser, page, form))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            var summary = (await Browser.ParseAsync(posted)).QuerySelector("[role=alert].error")!.TextContent;
            Assert.Contains("Alleen vermoedelijke slachtoffers worden gemeld: daarvoor is na de weging een vastgestelde classificatie nodig", summary, StringComparison.Ordinal);
        }

        using (var english = await browser.GetAsync(page + "?culture=en-GB"))
        {
            Assert.Contains("Only suspected victims are notified to the national centre: notifying needs a final weighed classification of suspected victim or acute danger.",
                (await Browser.ParseAsync(english)).QuerySelector("#notify-needs-suspicion")!.TextContent, StringComparison.Ordinal);
        }

        var (action, values) = await Browser.FormAsync(browser, page, form);
        using (var content = new FormUrlEncodedContent(values))
        using (var posted = await browser.PostAsync(action + "&culture=en-GB", content))
        {
            Assert.Contains("Only suspected victims are notified: this needs a final weighed classification of suspected victim or acute danger; the latest is Potential victim.",
                (await Browser.ParseAsync(posted)).QuerySelector("[role=alert].error")!.TextContent, StringComparison.Ordinal);
        }

        // Once a later weighing makes "suspected victim" final, the same decision notifies.
        await Dossiers.ConfirmSuspicionAsync(f, regie, person.TrajectoryId);
        var notified = await DecideAsync(regie, person.TrajectoryId, Decision("NotifyDateOfBirthOnly", notNotified.Current.Id,
            dobReason: "Toestemming vragen schaadt nu de hulpverleningsrelatie."));
        Assert.Equal((RegistrationOutcome.NotifyDateOfBirthOnly, Classification.Suspected, true),
            (notified.Current!.Outcome, notified.FinalClassification, notified.MayNotify));
        Assert.Single(await NotificationsAsync(person.TrajectoryId));
        using (var after = await browser.GetAsync(page))
        {
            Assert.Null((await Browser.ParseAsync(after)).QuerySelector("#notify-needs-suspicion"));
        }
    }

    [SkippableFact]
    public async Task Where_a_parent_may_be_involved_or_the_parents_refuse_she_is_notified_by_date_of_birth_only()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.ConfirmSuspicionAsync(f, regie, person.TrajectoryId);
        var today = f.Clock.Today();
        async Task<RegistrationView> ViewAsync(Guid trajectoryId)
        {
            using var response = await regie.GetAsync(Url(trajectoryId));
            return await response.ReadAsync<RegistrationView>();
        }

        async Task<string?> RefusedAsync(Guid trajectoryId, object decision, string query = "")
        {
            using var response = await regie.PostJsonAsync($"{Url(trajectoryId)}/decisions{query}", decision);
            return (string?)(await response.ProblemAsync(HttpStatusCode.Conflict))["detail"];
        }

        // The consent of her parents and herself is on file (the default at 15) ...
        Guid consentId;
        using (var both = await regie.PostJsonAsync($"{Url(person.TrajectoryId)}/consents",
                   new { givenOn = today, youngPersonConsented = true, parentOrGuardianConsented = true, parentOrGuardianName = "Vader", form = "Written" }))
        {
            consentId = Assert.Single((await both.ReadAsync<RegistrationView>(HttpStatusCode.Created)).Consents).Id;
        }

        Assert.Equal((false, true), ((await ViewAsync(person.TrajectoryId)).ParentMayBeInvolved, (await ViewAsync(person.TrajectoryId)).ByNamePossible));

        // ... but then the problem analysis names her father as possibly involved in the exploitation.
        long version;
        Guid analysisId;
        using (var started = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/analyses", new { }))
        {
            var draft = System.Text.Json.Nodes.JsonNode.Parse(await started.ExpectAsync(HttpStatusCode.Created))!;
            (analysisId, version) = (Guid.Parse((string)draft["id"]!), (long)draft["version"]!);
        }

        using (var saved = await regie.PutJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/analyses/{analysisId}", new
               {
                   exploitationForms = new[] { "Sexual" }, needs = "Een veilige plek.",
                   network = new object[] { new { relation = "Father", name = "Vader", notes = "Haalt geld op bij de klanten", mayBeInvolved = true } },
                   version,
               }))
        {
            await saved.ExpectAsync(HttpStatusCode.OK);
        }

        var flagged = await ViewAsync(person.TrajectoryId);
        Assert.Equal((true, false, ConsentRequirement.ParentOrGuardianAndYoungPerson),
            (flagged.ParentMayBeInvolved, flagged.ByNamePossible, flagged.ConsentRequirementToday));
        Assert.Equal("Mogelijk is een ouder betrokken bij de uitbuiting: de ouders om toestemming vragen kan haar in gevaar brengen. Meld met alleen de geboortedatum, "
            + "nooit op naam.", await RefusedAsync(person.TrajectoryId, Decision("NotifyByName", null, consentId)));
        Assert.Equal("A parent may be involved in the exploitation: asking the parents for consent could endanger her. Notify with date of birth only, never by name.",
            await RefusedAsync(person.TrajectoryId, Decision("NotifyByName", null, consentId), "?culture=en-GB"));
        Assert.Empty(await NotificationsAsync(person.TrajectoryId));

        const string Why = "Vader is mogelijk betrokken bij de uitbuiting; de ouders om toestemming vragen brengt haar in gevaar.";
        var dobOnly = await DecideAsync(regie, person.TrajectoryId, Decision("NotifyDateOfBirthOnly", null, dobReason: Why));
        Assert.Equal((RegistrationOutcome.NotifyDateOfBirthOnly, Why), (dobOnly.Current!.Outcome, dobOnly.Current.DateOfBirthOnlyReason));
        var notified = Assert.Single(await NotificationsAsync(person.TrajectoryId));
        Assert.Equal((NotificationKind.DateOfBirthOnly, null, null), (notified.Kind, notified.FamilyName, notified.GivenName));

        // The page warns, offers no notification by name and says what the policy leaves, in Dutch and English.
        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var page = $"/trajectories/{person.TrajectoryId}/registration";
        using (var dutch = await browser.GetAsync(page))
        {
            var document = await Browser.ParseAsync(dutch);
            Assert.Contains("vraag haar ouders niet om toestemming", document.QuerySelector("#parent-involved")!.TextContent, StringComparison.Ordinal);
            Assert.True(document.QuerySelector("input[name='Decision.Outcome'][value='NotifyByName']")!.HasAttribute("disabled"));
            Assert.False(document.QuerySelector("input[name='Decision.Outcome'][value='NotifyDateOfBirthOnly']")!.HasAttribute("disabled"));
            Assert.Contains("wordt zij gemeld met alleen de geboortedatum, nooit op naam", document.QuerySelector("#consent-fallback")!.TextContent, StringComparison.Ordinal);
        }

        using (var english = await browser.GetAsync(page + "?culture=en-GB"))
        {
            var document = await Browser.ParseAsync(english);
            Assert.Contains("do not ask her parents for consent", document.QuerySelector("#parent-involved")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("she is notified with her date of birth only, never by name", document.QuerySelector("#consent-fallback")!.TextContent, StringComparison.Ordinal);
        }

        // Parents who refuse consent are no reason to leave a minor out: she is notified with her date of birth only.
        var refused = await Dossiers.RegisterAsync(regie, f.Clock, b => b["dateOfBirth"] = today.AddYears(-17).AddDays(-10));
        await Dossiers.ConfirmSuspicionAsync(f, regie, refused.TrajectoryId);
        Assert.Equal((ConsentRequirement.ParentOrGuardianAndYoungPerson, true),
            ((await ViewAsync(refused.TrajectoryId)).ConsentRequirementToday, (await ViewAsync(refused.TrajectoryId)).ByNamePossible)); // 17: still her parents too
        Assert.Equal("Als de ouders of voogd geen toestemming geven, wordt zij gemeld met alleen de geboortedatum: leg dat besluit vast en waarom.",
            await RefusedAsync(refused.TrajectoryId, Decision("DoNotNotify", null, reason: "ConsentRefused", argument: Argument)));
        await DecideAsync(regie, refused.TrajectoryId, Decision("NotifyDateOfBirthOnly", null, dobReason: "De ouders weigeren toestemming voor een melding op naam."));
        Assert.Equal(NotificationKind.DateOfBirthOnly, Assert.Single(await NotificationsAsync(refused.TrajectoryId)).Kind);

        // From 18 she decides herself: her own refusal may mean not notifying.
        var adult = await Dossiers.RegisterAsync(regie, f.Clock, b => b["dateOfBirth"] = today.AddYears(-19));
        await Dossiers.ConfirmSuspicionAsync(f, regie, adult.TrajectoryId);
        Assert.Equal(ConsentRequirement.YoungPerson, (await ViewAsync(adult.TrajectoryId)).ConsentRequirementToday);
        var leftOut = await DecideAsync(regie, adult.TrajectoryId, Decision("DoNotNotify", null, reason: "ConsentRefused", argument: Argument));
        Assert.Equal(NonNotificationReason.ConsentRefused, leftOut.Current!.NonNotificationReason);
    }

    [SkippableFact]
    public async Task A_decision_completes_the_registration_task_and_emergency_access_only_reads()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var today = f.Clock.Today();
        await f.WithDbAsync(async db =>
        {
            db.CareTasks.Add(new CareTask
            {
                TrajectoryId = person.TrajectoryId, Kind = RegistrationTaskKinds.RegistrationDecision, OwnerId = f.Ids.User(Demo.Regie), DueOn = today.AddDays(-1),
                CreatedAt = f.Clock.GetUtcNow(), CreatedById = f.Ids.User(Demo.Regie),
            });
            return await db.SaveChangesAsync();
        });
        using (var due = await regie.GetAsync(Url(person.TrajectoryId)))
        {
            var view = await due.ReadAsync<RegistrationView>();
            Assert.Equal((today.AddDays(-1), true), (view.DueOn, view.Overdue));
        }

        using var mentor = await f.ClientAsync(Demo.Mentor);
        using (var outside = await mentor.GetAsync(Url(person.TrajectoryId)))
        {
            Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        }

        var decided = await DecideAsync(regie, person.TrajectoryId, Decision("DoNotNotify", null, reason: "NotifiedByOtherOrganisation", argument: Argument));
        Assert.Null(decided.DueOn);
        var task = await f.WithDbAsync(db => db.CareTasks.AsNoTracking().SingleAsync(t => t.TrajectoryId == person.TrajectoryId && t.Kind == RegistrationTaskKinds.RegistrationDecision));
        Assert.NotNull(task.CompletedAt);
    }

    [SkippableFact]
    public async Task An_export_takes_each_notification_once_and_gives_the_same_bytes_every_time()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        using var aandacht = await f.ClientAsync(Demo.Aandacht);
        var today = f.Clock.Today();
        var period = new { from = today.AddDays(-300), to = today };
        // Whatever earlier tests left is exported first, so this batch holds exactly the notification made here.
        (await aandacht.PostJsonAsync("/api/v1/registration/exports", period)).Dispose();
        var person = await Dossiers.RegisterAsync(regie, f.Clock, b => b["familyName"] = "=Formule, \"Test\"");
        await Dossiers.ConfirmSuspicionAsync(f, regie, person.TrajectoryId);
        await DecideAsync(regie, person.TrajectoryId, Decision("NotifyDateOfBirthOnly", null, dobReason: "Veiligheid"));
        var notification = Assert.Single(await NotificationsAsync(person.TrajectoryId));

        using (var refused = await regie.PostJsonAsync("/api/v1/registration/exports", period))
        {
            await refused.ProblemAsync(HttpStatusCode.Forbidden);
        }

        ExportBatchView batch;
        using (var created = await aandacht.PostJsonAsync("/api/v1/registration/exports", period))
        {
            batch = await created.ReadAsync<ExportBatchView>(HttpStatusCode.Created);
        }

        Assert.Equal(1, batch.Count);
        using (var nothingLeft = await aandacht.PostJsonAsync("/api/v1/registration/exports", period))
        {
            await nothingLeft.ProblemAsync(HttpStatusCode.Conflict);
        }

        var json1 = await aandacht.GetByteArrayAsync($"/api/v1/registration/exports/{batch.Id}?format=json");
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        var json2 = await aandacht.GetByteArrayAsync($"/api/v1/registration/exports/{batch.Id}?format=json");
        Assert.Equal(json1, json2);
        var csv1 = await aandacht.GetByteArrayAsync($"/api/v1/registration/exports/{batch.Id}?format=csv");
        var csv2 = await aandacht.GetByteArrayAsync($"/api/v1/registration/exports/{batch.Id}?format=csv");
        Assert.Equal(csv1, csv2);

        using var doc = System.Text.Json.JsonDocument.Parse(json1);
        Assert.Equal(NotificationExports.FormatName, doc.RootElement.GetProperty("format").GetString());
        var item = Assert.Single(doc.RootElement.GetProperty("notifications").EnumerateArray());
        Assert.Equal(notification.Id, item.GetProperty("id").GetGuid());
        Assert.Equal(notification.DeduplicationKey, item.GetProperty("deduplicationKey").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("familyName").ValueKind); // date of birth only: no name
        var lines = Encoding.UTF8.GetString(csv1).Split("\r\n");
        Assert.Equal(string.Join(',', NotificationExports.CsvColumns), lines[0]);
        Assert.Equal(3, lines.Length); // header, one row, and the empty string after the last line end
        Assert.Contains(notification.DeduplicationKey, lines[1], StringComparison.Ordinal);

        using (var other = await aandacht.GetAsync($"/api/v1/registration/exports/{Guid.NewGuid()}?format=csv"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        using (var list = await aandacht.GetAsync("/api/v1/registration/exports"))
        {
            Assert.Contains(await list.ReadAsync<List<ExportBatchView>>(), b => b.Id == batch.Id);
        }

        var audit = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == batch.Id && a.Outcome == AuditOutcomes.Allowed)
            .Select(a => a.Action).ToListAsync());
        Assert.Equal(1, audit.Count(a => a == RegistrationAuditActions.NotificationsExported));
        Assert.Equal(4, audit.Count(a => a == RegistrationAuditActions.NotificationExportRead));
    }

    [SkippableFact]
    public async Task A_handed_over_trajectory_takes_its_decision_and_reasons_along()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await DecideAsync(regie, person.TrajectoryId, Decision("DoNotNotify", null, reason: "WorkingRelationship", argument: Argument));
        var south = f.Ids.Organisation(Demo.South);
        var version = (await Dossiers.DetailAsync(regie, person.TrajectoryId)).Version;

        using var mentor = await f.ClientAsync(Demo.Mentor);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        version = (await Dossiers.DetailAsync(regie, person.TrajectoryId)).Version;
        using (var notCoordinator = await mentor.PutJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/lead-organisation", new { organisationId = south, version }))
        {
            await notCoordinator.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var police = await regie.PutJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/lead-organisation",
                   new { organisationId = f.Ids.Organisation(Demo.Police), version }))
        {
            Assert.Contains("organisationId", (await police.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var handOver = await regie.PutJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/lead-organisation", new { organisationId = south, version }))
        {
            await handOver.ExpectAsync(HttpStatusCode.OK);
        }

        using (var stale = await regie.PutJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/lead-organisation",
                   new { organisationId = f.Ids.Organisation(Demo.North), version }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        // The receiving organisation's designated expert sees the decision, its reasons and who decided.
        await f.WithDbAsync(async db =>
        {
            var role = await db.Roles.SingleAsync(r => r.Name == Traject.Web.Common.Access.Roles.DesignatedExpert);
            var wijkteam = f.Ids.User(Demo.Wijkteam);
            if (!await db.UserRoles.AnyAsync(r => r.UserId == wijkteam && r.RoleId == role.Id))
            {
                db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = wijkteam, RoleId = role.Id });
            }

            return await db.SaveChangesAsync();
        });
        using var receiving = await f.ClientAsync(Demo.Wijkteam);
        using (var seen = await receiving.GetAsync(Url(person.TrajectoryId)))
        {
            var view = await seen.ReadAsync<RegistrationView>();
            Assert.Equal((RegistrationOutcome.DoNotNotify, NonNotificationReason.WorkingRelationship, Argument),
                (view.Current!.Outcome, view.Current.NonNotificationReason, view.Current.Argument));
            Assert.Equal(f.Ids.Organisation(Demo.North), view.Current.OrganisationId);
        }

        using var timeline = await regie.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}/timeline?kind={RegistrationTimelineKinds.HandedOver}");
        var summary = Assert.Single((await timeline.ReadAsync<TimelinePage>()).Items).Summary;
        Assert.Contains("Niet melden", summary, StringComparison.Ordinal);
        Assert.Contains(Demo.South, summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_internal_registration_counts_per_month_for_experts_and_quality_officers_only()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.ConfirmSuspicionAsync(f, regie, person.TrajectoryId);
        var today = f.Clock.Today();
        await DecideAsync(regie, person.TrajectoryId, new
        {
            outcome = "NotifyDateOfBirthOnly", victimStatus = "Confirmed", forms = new[] { "Criminal" }, dateOfBirthOnlyReason = "Veiligheid", supersedes = (Guid?)null,
        });
        var overdue = await Dossiers.RegisterAsync(regie, f.Clock);
        await f.WithDbAsync(async db =>
        {
            db.CareTasks.Add(new CareTask
            {
                TrajectoryId = overdue.TrajectoryId, Kind = RegistrationTaskKinds.RegistrationDecision, OwnerId = f.Ids.User(Demo.Regie), DueOn = today.AddDays(-10),
                CreatedAt = f.Clock.GetUtcNow(), CreatedById = f.Ids.User(Demo.Regie),
            });
            return await db.SaveChangesAsync();
        });

        var month = today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var who in new[] { Demo.Aandacht, Demo.Kwaliteit })
        {
            using var client = await f.ClientAsync(who);
            using var response = await client.GetAsync($"/api/v1/registration/overview?from={month}&to={month}");
            var view = await response.ReadAsync<RegistrationOverviewView>();
            var confirmed = Assert.Single(view.Months).Categories[nameof(VictimCategory.Confirmed)];
            Assert.True(confirmed.Total >= 1);
            Assert.True(confirmed.Forms[nameof(ExploitationForm.Criminal)] >= 1);
            Assert.True(confirmed.AgeBands[nameof(AgeBand.From12To15)] >= 1);
            Assert.True(confirmed.Outcomes[nameof(RegistrationOutcome.NotifyDateOfBirthOnly)] >= 1);
            Assert.Contains(view.Overdue, o => o.Pseudonym == overdue.Pseudonym && o.DaysOverdue == 10);
        }

        using (var coordinator = await regie.GetAsync("/api/v1/registration/overview"))
        {
            await coordinator.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using var kwaliteit = await f.ClientAsync(Demo.Kwaliteit);
        using (var bad = await kwaliteit.GetAsync("/api/v1/registration/overview?from=2026-13"))
        {
            Assert.Contains("from", (await bad.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }
    }

    [SkippableFact]
    public async Task Administrators_change_the_consent_policy_and_consent_follows_it()
    {
        using var admin = await f.ClientAsync(Demo.Admin);
        using var regie = await f.ClientAsync(Demo.Regie);
        using (var current = await admin.GetAsync("/api/v1/registration/consent-policy"))
        {
            var policy = await current.ReadAsync<ConsentPolicyView>();
            Assert.Equal(ConsentRules.Default, policy.Rules);
            Assert.Equal(0, policy.Version); // no administrator changed it: the default applies
        }

        // The default follows seed 001: the parents for every minor, from 12 she as well, from 18 she alone.
        Assert.Equal([new ConsentRule(0, ConsentRequirement.ParentOrGuardian), new ConsentRule(12, ConsentRequirement.ParentOrGuardianAndYoungPerson),
            new ConsentRule(18, ConsentRequirement.YoungPerson)], ConsentRules.Default);
        using (var browser = f.CreateClient())
        {
            using (var login = await Browser.LoginAsync(browser, Demo.Admin))
            {
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            }

            using var dutch = await browser.GetAsync("/admin/consent-policy");
            var text = (await Browser.ParseAsync(dutch)).QuerySelector("#policy-default")!.TextContent;
            Assert.Contains("vanaf 12 ook die van haarzelf, vanaf 18 alleen die van haarzelf", text, StringComparison.Ordinal);
            Assert.Contains("De standaard geldt.", text, StringComparison.Ordinal);
            using var english = await browser.GetAsync("/admin/consent-policy?culture=en-GB");
            Assert.Contains("she is notified with her date of birth only, never by name.",
                (await Browser.ParseAsync(english)).QuerySelector("#policy-default")!.TextContent, StringComparison.Ordinal);
        }

        using (var notAdmin = await regie.PutJsonAsync("/api/v1/registration/consent-policy", new { rules = new[] { new { fromAge = 0, requirement = "YoungPerson" } }, version = 0 }))
        {
            await notAdmin.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var bad = await admin.PutJsonAsync("/api/v1/registration/consent-policy", new { rules = new[] { new { fromAge = 3, requirement = "YoungPerson" } }, version = 0 }))
        {
            Assert.Contains("rules[0].fromAge", (await bad.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        var version = (await (await admin.GetAsync("/api/v1/registration/consent-policy")).ReadAsync<ConsentPolicyView>()).Version;
        ConsentPolicyView changed;
        using (var put = await admin.PutJsonAsync("/api/v1/registration/consent-policy",
                   new { rules = new object[] { new { fromAge = 0, requirement = "ParentOrGuardian" }, new { fromAge = 14, requirement = "YoungPerson" } }, version }))
        {
            changed = await put.ReadAsync<ConsentPolicyView>();
        }

        using (var stale = await admin.PutJsonAsync("/api/v1/registration/consent-policy", new { rules = new[] { new { fromAge = 0, requirement = "YoungPerson" } }, version }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        try
        {
            // At 15 the changed policy asks the young person alone.
            var person = await Dossiers.RegisterAsync(regie, f.Clock);
            using var consent = await regie.PostJsonAsync($"{Url(person.TrajectoryId)}/consents", new { givenOn = f.Clock.Today(), youngPersonConsented = true, form = "Verbal" });
            Assert.Equal(ConsentRequirement.YoungPerson, Assert.Single((await consent.ReadAsync<RegistrationView>(HttpStatusCode.Created)).Consents).Requirement);
        }
        finally
        {
            (await admin.PutJsonAsync("/api/v1/registration/consent-policy", new
            {
                rules = ConsentRules.Default.Select(r => new { fromAge = r.FromAge, requirement = r.Requirement.ToString() }), version = changed.Version,
            })).Dispose();
        }
    }
}

public sealed class RegistrationSqlite(SqliteFixture f) : RegistrationTests(f), IClassFixture<SqliteFixture>;

public sealed class RegistrationPostgres(PostgresFixture f) : RegistrationTests(f), IClassFixture<PostgresFixture>;
