using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Common.Auditing;
using Traject.Web.Modules.Registration;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>
/// Screenings in the dossier: recording with the engine's suggestion, validation, the multidisciplinary weighing and
/// the step plan. Signals are picked from the current instrument by their tags, never by code, and the expected
/// suggestion is whatever the engine answers for the same input.
/// </summary>
public abstract class ScreeningTests(TrajectFixture f)
{
    private const string Note = "Zag haar in een dure auto bij de school.";
    private const string Reason = "Besproken in het MDO: de signalen wijzen op meer dan alleen risico.";

    private static string Url(Guid trajectoryId) => $"/api/v1/trajectories/{trajectoryId}/screenings";

    private static string Weighings(Guid trajectoryId, Guid screeningId) => $"{Url(trajectoryId)}/{screeningId}/weighings";

    private async Task<Instrument> InstrumentAsync()
    {
        await using var scope = f.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IInstrumentStore>().CurrentAsync(default);
    }

    /// <summary>The evidenced legal elements with their signal codes, in a fixed order, to compare.</summary>
    private static List<string> Evidenced(IReadOnlyDictionary<LegalElement, IReadOnlyList<string>> elements) =>
        elements.Where(e => e.Value.Count > 0).Select(e => $"{e.Key}: {string.Join(",", e.Value.Order(StringComparer.Ordinal))}").Order(StringComparer.Ordinal).ToList();

    private static SignalDefinition Pick(Instrument instrument, Func<SignalDefinition, bool> which, string what) =>
        instrument.Signals.FirstOrDefault(which) ?? throw new InvalidOperationException($"The instrument has no signal that is {what}.");

    private static SignalDefinition Risk(Instrument i) => Pick(i, s => s.RiskProfiles.Count > 0 && s.LegalElements.Count == 0 && !s.Acute, "a risk factor only");

    private static SignalDefinition Legal(Instrument i, LegalElement e) => Pick(i, s => s.LegalElements.Contains(e) && !s.Acute, $"a legal element ({e})");

    private static SignalDefinition AcuteSignal(Instrument i) => Pick(i, s => s.Acute, "acute");

    private static object Signal(string code, DateOnly observedOn, string source = "School", string? note = null) =>
        new { code, observedOn, source, note };

    private static object Weighing(Classification conclusion, DateOnly heldOn, string? reason = Reason, string participants = "Regievoerder, mentor en gedragswetenschapper") =>
        new { participants, heldOn, conclusion, deviationReason = reason };

    private async Task<(RegisteredYoungPerson Person, DateOnly DateOfBirth)> RegisterAsync(HttpClient client, DateOnly? dateOfBirth = null)
    {
        var dob = dateOfBirth ?? f.Clock.Today().AddYears(-15).AddDays(-40);
        return (await Dossiers.RegisterAsync(client, f.Clock, b => b["dateOfBirth"] = dob), dob);
    }

    private static async Task<ScreeningView> RecordAsync(HttpClient client, Guid trajectoryId, params object[] signals)
    {
        using var response = await client.PostJsonAsync(Url(trajectoryId), new { signals });
        return await response.ReadAsync<ScreeningView>(HttpStatusCode.Created);
    }

    private static async Task<ScreeningView> WeighAsync(HttpClient client, Guid trajectoryId, Guid screeningId, object weighing)
    {
        using var response = await client.PostJsonAsync(Weighings(trajectoryId, screeningId), weighing);
        return await response.ReadAsync<ScreeningView>(HttpStatusCode.Created);
    }

    private IReadOnlyList<StepPlanStep> StepPlanSteps => f.Factory.Services.GetRequiredService<StepPlan>().Steps;

    private async Task<List<CareTask>> StepPlanTasksAsync(Guid trajectoryId) =>
        await f.WithDbAsync(db => db.CareTasks.AsNoTracking()
            .Where(t => t.TrajectoryId == trajectoryId && t.Kind != ScreeningTaskKinds.ScreenAtIntake && t.Kind != RegistrationTaskKinds.RegistrationDecision).ToListAsync());

    private async Task<List<CareTask>> RegistrationTasksAsync(Guid trajectoryId) =>
        await f.WithDbAsync(db => db.CareTasks.AsNoTracking().Where(t => t.TrajectoryId == trajectoryId && t.Kind == RegistrationTaskKinds.RegistrationDecision).ToListAsync());

    private async Task<List<string>> TimelineAsync(HttpClient client, Guid trajectoryId, string kind)
    {
        using var response = await client.GetAsync($"/api/v1/trajectories/{trajectoryId}/timeline?kind={kind}");
        return (await response.ReadAsync<TimelinePage>()).Items.Select(i => i.Summary).ToList();
    }

    /// <summary>A trajectory coordinated by Regie with the behavioural scientist and the mentor in the care team.</summary>
    private async Task<RegisteredYoungPerson> TeamAsync(HttpClient regie)
    {
        var (person, _) = await RegisterAsync(regie);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist" });
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        return person;
    }

    private static readonly Dictionary<Classification, string> Dutch = new()
    {
        [Classification.None] = "Geen vermoeden",
        [Classification.Potential] = "Potentieel slachtoffer",
        [Classification.Suspected] = "Vermoedelijk slachtoffer",
        [Classification.Acute] = "Acuut gevaar",
    };

    [SkippableFact]
    public async Task The_pages_record_a_screening_and_a_weighing_without_javascript()
    {
        var instrument = await InstrumentAsync();
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await TeamAsync(regie);
        var today = f.Clock.Today();
        var dob = (await f.WithDbAsync(db => db.YoungPeople.SingleAsync(y => y.Id == person.YoungPersonId))).DateOfBirth;
        var risk = Risk(instrument);
        var other = instrument.Signals.First(s => s.Code != risk.Code);
        var expected = ScreeningEngine.Evaluate(instrument, dob, today.AddDays(-2), [risk.Code], out _)!.Classification;
        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var dossierUrl = $"/trajectories/{person.TrajectoryId}";
        using (var dossier = await browser.GetAsync($"{dossierUrl}/screenings"))
        {
            var section = (await Browser.ParseAsync(dossier)).QuerySelector("#screenings")!;
            Assert.Contains("Nog geen screenings.", section.TextContent, StringComparison.Ordinal);
            Assert.Equal("Screening vastleggen", section.QuerySelector($"a[href='{dossierUrl}/screenings/new']")?.TextContent);
        }

        var page = $"{dossierUrl}/screenings/new";
        int row, otherRow;
        using (var form = await browser.GetAsync(page))
        {
            var document = await Browser.ParseAsync(form);
            int RowOf(string code) => int.Parse(Regex.Match(document.QuerySelectorAll("input[type=hidden]")
                .Single(e => e.GetAttribute("value") == code).GetAttribute("name")!, @"\[(\d+)\]").Groups[1].Value, CultureInfo.InvariantCulture);
            row = RowOf(risk.Code);
            otherRow = RowOf(other.Code);
            Assert.Equal(instrument.Signals.Count, document.QuerySelectorAll("input[type=checkbox]").Length);
            Assert.Contains(document.QuerySelectorAll("label.check"), l => l.TextContent.Trim() == risk.LabelNl);
            Assert.Equal(instrument.Signals.Select(s => s.Group).Distinct().Count(), document.QuerySelectorAll("form fieldset legend").Length);
        }

        // Ticked without a source, and a note beside a signal that is not ticked: both refused beside their rows, nothing lost.
        using (var wrong = await Browser.SubmitAsync(browser, page, new Dictionary<string, string>
        {
            [$"Signals[{row}].Selected"] = "true",
            [$"Signals[{row}].ObservedOn"] = today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [$"Signals[{row}].Note"] = Note,
            [$"Signals[{otherRow}].Note"] = "Alleen een notitie.",
        }))
        {
            await wrong.ExpectAsync(HttpStatusCode.OK);
            var document = await Browser.ParseAsync(wrong);
            Assert.Contains("Vink dit signaal aan", document.QuerySelector($"#note-{otherRow}")!.ParentElement!.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal);
            Assert.Equal(Note, document.QuerySelector($"#note-{row}")!.TextContent);
        }

        using (var noSource = await Browser.SubmitAsync(browser, page, new Dictionary<string, string>
        {
            [$"Signals[{row}].Selected"] = "true",
            [$"Signals[{row}].ObservedOn"] = today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [$"Signals[{row}].Note"] = Note,
        }))
        {
            await noSource.ExpectAsync(HttpStatusCode.OK);
            var document = await Browser.ParseAsync(noSource);
            Assert.Contains("Dit veld is verplicht.", document.QuerySelector($"#note-{row}")!.ParentElement!.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal);
            Assert.Equal("true", document.QuerySelector($"input[name='Signals[{row}].Selected']")!.HasAttribute("checked") ? "true" : "false");
        }

        string screeningUrl;
        using (var right = await Browser.SubmitAsync(browser, page, new Dictionary<string, string>
        {
            [$"Signals[{row}].Selected"] = "true",
            [$"Signals[{row}].ObservedOn"] = today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [$"Signals[{row}].Source"] = "School",
            [$"Signals[{row}].Note"] = Note,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
            screeningUrl = right.Headers.Location!.OriginalString;
            Assert.StartsWith($"{dossierUrl}/screenings/", screeningUrl, StringComparison.Ordinal);
        }

        using (var shown = await browser.GetAsync(screeningUrl))
        {
            var document = await Browser.ParseAsync(shown);
            Assert.Equal(Dutch[expected], document.QuerySelector("#suggestion .classification")!.TextContent.Trim());
            var signal = Assert.Single(document.QuerySelectorAll("#signals-heading + table tbody tr"));
            Assert.Contains(risk.LabelNl, signal.TextContent, StringComparison.Ordinal);
            Assert.Contains("School", signal.TextContent, StringComparison.Ordinal);
            Assert.Contains(Note, signal.TextContent, StringComparison.Ordinal);
        }

        using (var shortReason = await Browser.SubmitAsync(browser, screeningUrl, new Dictionary<string, string>
        {
            ["Weighing.Participants"] = "Rik, Guus en Mira",
            ["Weighing.Conclusion"] = expected == Classification.Suspected ? "Potential" : "Suspected",
            ["Weighing.DeviationReason"] = "Te kort.",
        }))
        {
            await shortReason.ExpectAsync(HttpStatusCode.OK);
            var document = await Browser.ParseAsync(shortReason);
            Assert.Contains("Minstens 20 tekens.", document.QuerySelector("#err_Weighing_DeviationReason")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("Rik, Guus en Mira", document.QuerySelector("#Weighing_Participants")!.TextContent);
        }

        using (var weighed = await Browser.SubmitAsync(browser, screeningUrl, new Dictionary<string, string>
        {
            ["Weighing.Participants"] = "Rik, Guus en Mira",
            ["Weighing.Conclusion"] = expected == Classification.Suspected ? "Potential" : "Suspected",
            ["Weighing.DeviationReason"] = Reason,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, weighed.StatusCode);
        }

        using (var after = await browser.GetAsync(screeningUrl))
        {
            var document = await Browser.ParseAsync(after);
            var weighing = Assert.Single(document.QuerySelectorAll("article.weighing"));
            Assert.Contains("Rik, Guus en Mira", weighing.TextContent, StringComparison.Ordinal);
            Assert.Contains(Reason, weighing.TextContent, StringComparison.Ordinal);
            Assert.Equal("Wacht op de weging van een gedragswetenschapper", document.QuerySelector("#weighing .notice")!.TextContent.Trim());
            Assert.Null(document.QuerySelector("#Weighing_Participants"));
            Assert.Contains("Je hebt je weging van deze screening al vastgelegd.", document.QuerySelector("#weighing")!.TextContent, StringComparison.Ordinal);
        }

        using (var dossier = await browser.GetAsync($"{dossierUrl}/screenings"))
        {
            var document = await Browser.ParseAsync(dossier);
            var line = Assert.Single(document.QuerySelectorAll("#screenings tbody tr"));
            Assert.Contains(Dutch[expected], line.TextContent, StringComparison.Ordinal);
            Assert.Contains("Wacht op de weging van een gedragswetenschapper", line.TextContent, StringComparison.Ordinal);
        }

        using (var tasks = await browser.GetAsync($"{dossierUrl}/tasks"))
        {
            var document = await Browser.ParseAsync(tasks);
            Assert.Contains("Screening bij intake", document.QuerySelector("#tasks tr.muted")!.TextContent, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Every_signal_group_of_the_instrument_has_a_Dutch_label()
    {
        var texts = new ModuleTexts();
        var dutch = new CultureInfo("nl-NL");
        var missing = (await InstrumentAsync()).Signals.Select(s => "SignalGroup." + s.Group).Distinct()
            .Where(k => texts.Find(k, dutch)?.Value is not { Length: > 0 }).ToList();
        Assert.True(missing.Count == 0, "No Dutch for: " + string.Join(" | ", missing));
    }

    [SkippableFact]
    public async Task Recording_answers_the_engines_suggestion_at_once_and_finishes_the_intake_task()
    {
        var instrument = await InstrumentAsync();
        using var regie = await f.ClientAsync(Demo.Regie);
        var (person, dob) = await RegisterAsync(regie);
        var today = f.Clock.Today();
        var risk = Risk(instrument);
        var act = Legal(instrument, LegalElement.Act);
        var purpose = Legal(instrument, LegalElement.Purpose);
        var expected = ScreeningEngine.Evaluate(instrument, dob, today.AddDays(-1), [risk.Code, act.Code, purpose.Code], out var unknown)!;
        Assert.Empty(unknown);

        ScreeningView view;
        using (var response = await regie.PostJsonAsync(Url(person.TrajectoryId), new
        {
            signals = new[]
            {
                Signal(risk.Code, today.AddDays(-10), "School", Note),
                Signal(act.Code, today.AddDays(-3), "Parent"),
                Signal(purpose.Code, today.AddDays(-1), "Police"),
            },
        }))
        {
            view = await response.ReadAsync<ScreeningView>(HttpStatusCode.Created);
            Assert.Equal($"/api/v1/trajectories/{person.TrajectoryId}/screenings/{view.Id}", response.Headers.Location?.OriginalString);
        }

        Assert.Equal(expected.Classification, view.Suggestion.Classification);
        Assert.Equal(expected.RiskProfiles.Order(), view.Suggestion.RiskProfiles.Order());
        Assert.Equal(Evidenced(expected.LegalElements), Evidenced(view.Suggestion.LegalElements));
        Assert.Equal(expected.Explanation.Count, view.Suggestion.Explanation.Count);
        Assert.Equal(instrument.Version, view.InstrumentVersion);
        Assert.Equal(today.AddDays(-1), view.ObservedOn);
        Assert.Equal(ScreeningStatus.Open, view.Status);
        Assert.Equal(WeighingNeed.Weighing, view.Needs);
        Assert.True(view.CanWeigh);
        Assert.Equal(3, view.Signals.Count);
        var first = view.Signals[0];
        Assert.Equal((risk.Code, risk.LabelNl, risk.Group, SignalSource.School, Note), (first.Code, first.Label, first.Group, first.Source, first.Note));

        // The explanation is kept as the engine gave it, and read back the same.
        var stored = await f.WithDbAsync(db => db.Screenings.AsNoTracking().SingleAsync(s => s.Id == view.Id));
        Assert.Equal(expected.Explanation, JsonSerializer.Deserialize<List<string>>(stored.Explanation));
        Assert.Equal(expected.Classification, stored.Suggestion);
        using (var again = await regie.GetAsync($"{Url(person.TrajectoryId)}/{view.Id}"))
        {
            var read = await again.ReadAsync<ScreeningView>();
            Assert.Equal(view.Suggestion.Explanation, read.Suggestion.Explanation);
            Assert.Equal(view.Signals.Select(s => s.Code), read.Signals.Select(s => s.Code));
        }

        using (var list = await regie.GetAsync(Url(person.TrajectoryId)))
        {
            var summary = Assert.Single(await list.ReadAsync<List<ScreeningSummary>>());
            Assert.Equal((view.Id, 3, expected.Classification, ScreeningStatus.Open), (summary.Id, summary.Signals, summary.Suggestion, summary.Status));
        }

        var intake = await f.WithDbAsync(db => db.CareTasks.AsNoTracking().SingleAsync(t => t.TrajectoryId == person.TrajectoryId && t.Kind == ScreeningTaskKinds.ScreenAtIntake));
        Assert.NotNull(intake.CompletedAt);
        Assert.Equal(f.Ids.User(Demo.Regie), intake.CompletedById);

        var recorded = Assert.Single(await TimelineAsync(regie, person.TrajectoryId, ScreeningTimelineKinds.ScreeningRecorded));
        Assert.DoesNotContain("dure auto", recorded, StringComparison.Ordinal);
        Assert.Contains("3", recorded, StringComparison.Ordinal);

        var audit = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Pseudonym == person.Pseudonym).ToListAsync());
        var entry = Assert.Single(audit, a => a.Action == ScreeningAuditActions.ScreeningRecorded);
        Assert.Equal((view.Id, "coordinator", AuditOutcomes.Allowed), (entry.EntityId!.Value, entry.Basis!, entry.Outcome));
        Assert.Contains(audit, a => a.Action == ScreeningAuditActions.ScreeningRead && a.EntityId == view.Id);
        Assert.All(audit, a => Assert.DoesNotContain("dure auto", string.Concat(a.EntityType, a.Basis, a.BasisReason, a.Action), StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task The_suggestion_uses_her_date_of_birth_and_the_latest_observation_date()
    {
        var instrument = await InstrumentAsync();
        using var regie = await f.ClientAsync(Demo.Regie);
        // She turned 18 five days ago: the act was seen while she was a minor, the purpose after her birthday.
        var today = f.Clock.Today();
        var (person, dob) = await RegisterAsync(regie, today.AddYears(-18).AddDays(-5));
        var act = Legal(instrument, LegalElement.Act);
        var purpose = Legal(instrument, LegalElement.Purpose);
        var expected = ScreeningEngine.Evaluate(instrument, dob, today.AddDays(-2), [act.Code, purpose.Code], out _)!;

        var view = await RecordAsync(regie, person.TrajectoryId, Signal(purpose.Code, today.AddDays(-2), "YoungPerson"), Signal(act.Code, today.AddDays(-30)));

        Assert.Equal(today.AddDays(-2), view.ObservedOn);
        Assert.Equal(expected.Classification, view.Suggestion.Classification);
        Assert.Equal(Evidenced(expected.LegalElements), Evidenced(view.Suggestion.LegalElements));
    }

    [SkippableFact]
    public async Task A_signal_of_paid_sexual_acts_alone_makes_a_minor_a_suspected_victim_and_the_page_names_sub_5_and_sub_8()
    {
        var instrument = await InstrumentAsync();
        var paid = Pick(instrument, s => s.LegalElements.Contains(LegalElement.PaidSexMinor) && !s.Acute, "paid sexual acts of a minor");
        using var regie = await f.ClientAsync(Demo.Regie);
        var today = f.Clock.Today();

        var (minor, _) = await RegisterAsync(regie, today.AddYears(-18).AddDays(1)); // 17: turns 18 tomorrow
        var screening = await RecordAsync(regie, minor.TrajectoryId, Signal(paid.Code, today));
        Assert.Equal(Classification.Suspected, screening.Suggestion.Classification);
        Assert.Equal([paid.Code], screening.Suggestion.LegalElements[LegalElement.PaidSexMinor]);
        Assert.Equal([paid.Code], screening.Suggestion.LegalElements[LegalElement.Purpose]);
        Assert.False(screening.Suggestion.LegalElements.ContainsKey(LegalElement.Act));
        Assert.EndsWith("zonder handeling of middel (art. 273f lid 1 sub 5 / sub 8 Sr).", screening.Suggestion.Explanation[^1], StringComparison.Ordinal);

        var (adult, _) = await RegisterAsync(regie, today.AddYears(-18)); // 18 today
        var grown = await RecordAsync(regie, adult.TrajectoryId, Signal(paid.Code, today));
        Assert.Equal(Classification.Potential, grown.Suggestion.Classification);
        Assert.False(grown.Suggestion.LegalElements.ContainsKey(LegalElement.PaidSexMinor));
        Assert.Equal([paid.Code], grown.Suggestion.LegalElements[LegalElement.Purpose]);

        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var page = $"/trajectories/{minor.TrajectoryId}/screenings/{screening.Id}";
        using (var dutch = await browser.GetAsync(page))
        {
            var section = (await Browser.ParseAsync(dutch)).QuerySelector("#suggestion")!.TextContent;
            Assert.Contains("Vermoedelijk slachtoffer", section, StringComparison.Ordinal);
            Assert.Contains("Betaalde seksuele handelingen van een minderjarige", section, StringComparison.Ordinal);
            Assert.Contains("art. 273f lid 1 sub 5 / sub 8 Sr", section, StringComparison.Ordinal);
        }

        using (var english = await browser.GetAsync(page + "?culture=en-GB"))
        {
            var section = (await Browser.ParseAsync(english)).QuerySelector("#suggestion")!.TextContent;
            Assert.Contains("Suspected victim", section, StringComparison.Ordinal);
            Assert.Contains("Paid sexual acts of a minor", section, StringComparison.Ordinal);
            Assert.Contains("trafficking without an act or a means (art. 273f lid 1 sub 5 / sub 8 Sr)", section, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Bad_signals_are_refused_field_by_field_and_nothing_is_saved()
    {
        var instrument = await InstrumentAsync();
        using var regie = await f.ClientAsync(Demo.Regie);
        var (person, dob) = await RegisterAsync(regie);
        var today = f.Clock.Today();
        var code = Risk(instrument).Code;

        async Task<IReadOnlyCollection<string>> RefusedAsync(object body)
        {
            using var response = await regie.PostJsonAsync(Url(person.TrajectoryId), body);
            return (await response.ProblemAsync(HttpStatusCode.BadRequest)).Fields();
        }

        var fields = await RefusedAsync(new
        {
            signals = new object[]
            {
                Signal(code + "-unknown", today),
                Signal(code, today.AddDays(1)),
                Signal(code, dob.AddDays(-1)),
                new { code, observedOn = today },
                Signal(code, today, note: new string('x', ScreeningSignal.NoteMaxLength + 1)),
                new { code, source = "Parent" },
                Signal(code, today),
            },
        });
        Assert.Equal(["signals[0].code", "signals[1].observedOn", "signals[2].observedOn", "signals[3].source", "signals[4].note", "signals[5].observedOn"],
            fields.Order(StringComparer.Ordinal));
        Assert.Contains("signals", await RefusedAsync(new { }));
        Assert.Contains("signals", await RefusedAsync(new { signals = Enumerable.Repeat(Signal(code, today), Screening.MaxSignals + 1).ToArray() }));
        Assert.Contains("signals[0].source", await RefusedAsync(new { signals = new[] { new { code, observedOn = today, source = "Neighbour" } } }));

        Assert.Equal(0, await f.WithDbAsync(db => db.Screenings.CountAsync(s => s.TrajectoryId == person.TrajectoryId)));
        Assert.Null((await f.WithDbAsync(db => db.CareTasks.AsNoTracking().SingleAsync(t => t.TrajectoryId == person.TrajectoryId))).CompletedAt);

        // The same in Dutch, by default.
        using var problem = await regie.PostJsonAsync(Url(person.TrajectoryId), new { signals = new[] { Signal(code, dob.AddDays(-1)) } });
        var errors = (await problem.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["signals[0].observedOn"]!.ToJsonString();
        Assert.Contains("geboortedatum", errors, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Outsiders_see_nothing_and_emergency_access_reads_but_does_not_record_or_weigh()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var (person, _) = await RegisterAsync(regie);
        var screening = await RecordAsync(regie, person.TrajectoryId);
        var (other, _) = await RegisterAsync(regie);
        var elsewhere = await RecordAsync(regie, other.TrajectoryId);
        var today = f.Clock.Today();

        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        using (var list = await wijkteam.GetAsync(Url(person.TrajectoryId)))
        {
            await list.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var one = await wijkteam.GetAsync($"{Url(person.TrajectoryId)}/{screening.Id}"))
        {
            await one.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var record = await wijkteam.PostJsonAsync(Url(person.TrajectoryId), new { signals = Array.Empty<object>() }))
        {
            await record.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var weigh = await wijkteam.PostJsonAsync(Weighings(person.TrajectoryId, screening.Id), Weighing(Classification.None, today)))
        {
            await weigh.ProblemAsync(HttpStatusCode.NotFound);
        }

        // A screening of another trajectory is not found through this one.
        using (var mixed = await regie.GetAsync($"{Url(person.TrajectoryId)}/{elsewhere.Id}"))
        {
            await mixed.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var mixedWeigh = await regie.PostJsonAsync(Weighings(person.TrajectoryId, elsewhere.Id), Weighing(Classification.None, today)))
        {
            await mixedWeigh.ProblemAsync(HttpStatusCode.NotFound);
        }

        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using (var grant = await gedrag.PostJsonAsync($"/api/v1/young-people/{person.Pseudonym}/emergency-access",
            new { reason = "Zij is vannacht vermist gemeld en ik heb dienst." }))
        {
            Assert.True(grant.IsSuccessStatusCode, await grant.Content.ReadAsStringAsync());
        }

        using (var read = await gedrag.GetAsync($"{Url(person.TrajectoryId)}/{screening.Id}"))
        {
            Assert.False((await read.ReadAsync<ScreeningView>()).CanWeigh);
        }

        using (var record = await gedrag.PostJsonAsync(Url(person.TrajectoryId), new { signals = Array.Empty<object>() }))
        {
            await record.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var weigh = await gedrag.PostJsonAsync(Weighings(person.TrajectoryId, screening.Id), Weighing(Classification.None, today)))
        {
            await weigh.ProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(1, await f.WithDbAsync(db => db.Screenings.CountAsync(s => s.TrajectoryId == person.TrajectoryId)));
        Assert.Equal(0, await f.WithDbAsync(db => db.ScreeningWeighings.CountAsync(w => w.ScreeningId == screening.Id)));
        var denied = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.ActorId == f.Ids.User(Demo.Gedrag) && a.Pseudonym == person.Pseudonym && a.Outcome == AuditOutcomes.Denied)
            .Select(a => new { a.Action, a.Basis }).ToListAsync());
        Assert.Contains(denied, a => a.Action == ScreeningAuditActions.ScreeningRecorded && a.Basis == "emergency");
        Assert.Contains(denied, a => a.Action == ScreeningAuditActions.ScreeningWeighed && a.Basis == "emergency");
    }

    [SkippableFact]
    public async Task A_suggestion_of_none_is_closed_by_one_agreeing_weighing_without_a_step_plan()
    {
        var instrument = await InstrumentAsync();
        using var regie = await f.ClientAsync(Demo.Regie);
        var (person, dob) = await RegisterAsync(regie);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        Assert.Equal(Classification.None, ScreeningEngine.Evaluate(instrument, dob, f.Clock.Today(), [], out _)!.Classification);
        var screening = await RecordAsync(regie, person.TrajectoryId);
        Assert.Equal(Classification.None, screening.Suggestion.Classification);

        using var mentor = await f.ClientAsync(Demo.Mentor);
        var final = await WeighAsync(mentor, person.TrajectoryId, screening.Id, Weighing(Classification.None, f.Clock.Today(), reason: null));

        Assert.Equal((ScreeningStatus.Final, Classification.None, WeighingNeed.Nothing), (final.Status, final.FinalClassification, final.Needs));
        Assert.Null(final.StepPlanStartedAt);
        Assert.False(final.CanWeigh);
        Assert.Empty(await StepPlanTasksAsync(person.TrajectoryId));
        Assert.Single(await TimelineAsync(regie, person.TrajectoryId, ScreeningTimelineKinds.ScreeningFinal));

        using var late = await regie.PostJsonAsync(Weighings(person.TrajectoryId, screening.Id), Weighing(Classification.None, f.Clock.Today(), reason: null));
        Assert.Contains("afgerond", (string?)(await late.ProblemAsync(HttpStatusCode.Conflict))["detail"], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_classification_becomes_final_only_with_two_professionals_one_a_behavioural_scientist_and_starts_the_step_plan_once()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await TeamAsync(regie);
        var today = f.Clock.Today();
        var screening = await RecordAsync(regie, person.TrajectoryId);
        Assert.Equal(Classification.None, screening.Suggestion.Classification);

        async Task<IReadOnlyCollection<string>> RefusedAsync(object body)
        {
            using var response = await regie.PostJsonAsync(Weighings(person.TrajectoryId, screening.Id), body);
            return (await response.ProblemAsync(HttpStatusCode.BadRequest)).Fields();
        }

        // A conclusion that differs from the suggestion needs a reason of some length.
        Assert.Contains("deviationReason", await RefusedAsync(Weighing(Classification.Potential, today, reason: null)));
        Assert.Contains("deviationReason", await RefusedAsync(Weighing(Classification.Potential, today, reason: "Te kort.")));
        Assert.Contains("heldOn", await RefusedAsync(Weighing(Classification.Potential, today.AddDays(1))));
        Assert.Contains("heldOn", await RefusedAsync(Weighing(Classification.Potential, today.AddDays(-1))));
        Assert.Contains("participants", await RefusedAsync(Weighing(Classification.Potential, today, participants: " ")));
        Assert.Contains("conclusion", await RefusedAsync(new { participants = "Het hele team", heldOn = today }));
        Assert.Contains("conclusion", await RefusedAsync(new { participants = "Het hele team", heldOn = today, conclusion = "Maybe" }));

        var one = await WeighAsync(regie, person.TrajectoryId, screening.Id, Weighing(Classification.Potential, today));
        Assert.Equal((ScreeningStatus.Open, WeighingNeed.BehaviouralScientist, false), (one.Status, one.Needs, one.CanWeigh));
        Assert.Equal(Reason, Assert.Single(one.Weighings).DeviationReason);

        using (var twice = await regie.PostJsonAsync(Weighings(person.TrajectoryId, screening.Id), Weighing(Classification.Potential, today)))
        {
            await twice.ProblemAsync(HttpStatusCode.Conflict);
        }

        // Two professionals agree, but neither is a behavioural scientist: still open.
        using var aandacht = await f.ClientAsync(Demo.Aandacht);
        var two = await WeighAsync(aandacht, person.TrajectoryId, screening.Id, Weighing(Classification.Potential, today));
        Assert.Equal((ScreeningStatus.Open, WeighingNeed.BehaviouralScientist), (two.Status, two.Needs));
        Assert.Empty(await StepPlanTasksAsync(person.TrajectoryId));

        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        var final = await WeighAsync(gedrag, person.TrajectoryId, screening.Id, Weighing(Classification.Potential, today));
        Assert.Equal((ScreeningStatus.Final, Classification.Potential), (final.Status, final.FinalClassification));
        Assert.Equal([false, false, true], final.Weighings.Select(w => w.BehaviouralScientist));
        Assert.NotNull(final.StepPlanStartedAt);

        var tasks = await StepPlanTasksAsync(person.TrajectoryId);
        Assert.Equal(StepPlanSteps.Select(s => s.Kind).Order(), tasks.Select(t => t.Kind).Order());
        Assert.Empty(await RegistrationTasksAsync(person.TrajectoryId)); // a potential victim: no registration decision due
        Assert.All(tasks, t => Assert.Equal(f.Ids.User(Demo.Regie), t.OwnerId));
        Assert.All(tasks, t => Assert.Equal(today.AddDays(StepPlanSteps.Single(s => s.Kind == t.Kind).Days), t.DueOn));

        using var mentor = await f.ClientAsync(Demo.Mentor);
        using (var late = await mentor.PostJsonAsync(Weighings(person.TrajectoryId, screening.Id), Weighing(Classification.Potential, today)))
        {
            await late.ProblemAsync(HttpStatusCode.Conflict);
        }

        // A potential classification does not bring her into care; a confirmed suspicion does (below).
        Assert.Equal(TrajectoryStatus.Signalled, (await Dossiers.DetailAsync(regie, person.TrajectoryId)).Status);

        // A second screening made final while the steps are still open does not add them again.
        var second = await RecordAsync(regie, person.TrajectoryId);
        await WeighAsync(mentor, person.TrajectoryId, second.Id, Weighing(Classification.Suspected, today));
        var secondFinal = await WeighAsync(gedrag, person.TrajectoryId, second.Id, Weighing(Classification.Suspected, today));
        Assert.Equal(Classification.Suspected, secondFinal.FinalClassification);
        Assert.Equal(TrajectoryStatus.Active, (await Dossiers.DetailAsync(regie, person.TrajectoryId)).Status);
        Assert.Contains(await TimelineAsync(regie, person.TrajectoryId, TrajectoriesTimelineKinds.StatusChanged),
            s => s.Contains("vanzelf", StringComparison.Ordinal) && s.Contains("vastgestelde classificatie 'vermoeden'", StringComparison.Ordinal));
        Assert.Equal(tasks.Select(t => t.Id).Order(), (await StepPlanTasksAsync(person.TrajectoryId)).Select(t => t.Id).Order());
        // Only the confirmed suspicion makes the registration decision due ("registration unless"), in 30 days by default.
        Assert.Equal(today.AddDays(30), Assert.Single(await RegistrationTasksAsync(person.TrajectoryId)).DueOn);

        var weighed = await TimelineAsync(regie, person.TrajectoryId, ScreeningTimelineKinds.ScreeningWeighed);
        Assert.Equal(5, weighed.Count);
        Assert.All(weighed, s => Assert.DoesNotContain("MDO", s, StringComparison.Ordinal));
        Assert.All(weighed, s => Assert.DoesNotContain("gedragswetenschapper", s, StringComparison.Ordinal));
        Assert.Equal(2, (await TimelineAsync(regie, person.TrajectoryId, ScreeningTimelineKinds.ScreeningFinal)).Count);
        Assert.Single(await TimelineAsync(regie, person.TrajectoryId, TasksTimelineKinds.TaskCreated), s => s.Contains("Stappenplan", StringComparison.Ordinal));
        var audit = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == ScreeningAuditActions.ScreeningWeighed && a.Pseudonym == person.Pseudonym && a.Outcome == AuditOutcomes.Allowed).CountAsync());
        Assert.Equal(5, audit);
    }

    [SkippableFact]
    public async Task Differing_conclusions_keep_the_screening_open_until_a_further_weighing_agrees()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await TeamAsync(regie);
        var today = f.Clock.Today();
        var screening = await RecordAsync(regie, person.TrajectoryId);

        await WeighAsync(regie, person.TrajectoryId, screening.Id, Weighing(Classification.Suspected, today));
        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        var differ = await WeighAsync(gedrag, person.TrajectoryId, screening.Id, Weighing(Classification.Potential, today));
        Assert.Equal((ScreeningStatus.Open, WeighingNeed.Agreement, true), (differ.Status, differ.Needs, differ.Disagreement));
        Assert.Empty(await StepPlanTasksAsync(person.TrajectoryId));
        using (var list = await regie.GetAsync(Url(person.TrajectoryId)))
        {
            Assert.True(Assert.Single(await list.ReadAsync<List<ScreeningSummary>>()).Disagreement);
        }

        Assert.Contains(await TimelineAsync(regie, person.TrajectoryId, ScreeningTimelineKinds.ScreeningWeighed),
            s => s.Contains("conclusies verschillen", StringComparison.Ordinal));

        using var mentor = await f.ClientAsync(Demo.Mentor);
        var agreed = await WeighAsync(mentor, person.TrajectoryId, screening.Id, Weighing(Classification.Potential, today));
        Assert.Equal((ScreeningStatus.Final, Classification.Potential), (agreed.Status, agreed.FinalClassification));
        Assert.Equal(StepPlanSteps.Count, (await StepPlanTasksAsync(person.TrajectoryId)).Count);
    }

    [SkippableFact]
    public async Task Two_weighings_at_the_same_moment_are_both_kept_and_decide_together()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await TeamAsync(regie);
        var today = f.Clock.Today();
        var screening = await RecordAsync(regie, person.TrajectoryId);
        using var gedrag = await f.ClientAsync(Demo.Gedrag);

        var responses = await Task.WhenAll(
            regie.PostJsonAsync(Weighings(person.TrajectoryId, screening.Id), Weighing(Classification.Potential, today)),
            gedrag.PostJsonAsync(Weighings(person.TrajectoryId, screening.Id), Weighing(Classification.Potential, today)));
        foreach (var response in responses)
        {
            await response.ExpectAsync(HttpStatusCode.Created);
            response.Dispose();
        }

        var stored = await f.WithDbAsync(db => db.Screenings.AsNoTracking().Include(s => s.Weighings).SingleAsync(s => s.Id == screening.Id));
        Assert.Equal(2, stored.Weighings.Count);
        Assert.Equal((ScreeningStatus.Final, Classification.Potential), (stored.Status, stored.FinalClassification));
        Assert.Equal(StepPlanSteps.Count, (await StepPlanTasksAsync(person.TrajectoryId)).Count);
    }

    [SkippableFact]
    public async Task The_screening_row_refuses_a_write_based_on_an_old_version()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var (person, _) = await RegisterAsync(regie);
        var screening = await RecordAsync(regie, person.TrajectoryId);

        await using var one = f.Factory.Services.CreateAsyncScope();
        await using var two = f.Factory.Services.CreateAsyncScope();
        var db1 = one.ServiceProvider.GetRequiredService<Traject.Web.Data.TrajectDb>();
        var db2 = two.ServiceProvider.GetRequiredService<Traject.Web.Data.TrajectDb>();
        var first = await db1.Screenings.SingleAsync(s => s.Id == screening.Id);
        var second = await db2.Screenings.SingleAsync(s => s.Id == screening.Id);
        first.Status = ScreeningStatus.Final;
        second.Status = ScreeningStatus.Final;
        await db1.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
    }

    [SkippableFact]
    public async Task Acute_danger_starts_the_step_plan_at_once_with_the_safety_assessment_due_tomorrow()
    {
        var instrument = await InstrumentAsync();
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await TeamAsync(regie);
        var (today, dob) = (f.Clock.Today(), (await f.WithDbAsync(db => db.YoungPeople.SingleAsync(y => y.Id == person.YoungPersonId))).DateOfBirth);
        var acute = AcuteSignal(instrument);
        var expected = ScreeningEngine.Evaluate(instrument, dob, today, [acute.Code], out _)!.Classification;

        var screening = await RecordAsync(regie, person.TrajectoryId, Signal(acute.Code, today, "YoungPerson"));
        Assert.Equal(expected, screening.Suggestion.Classification);
        Assert.Equal(ScreeningStatus.Open, screening.Status);
        var atOnce = await StepPlanTasksAsync(person.TrajectoryId);
        Assert.Equal(expected == Classification.Acute, screening.StepPlanStartedAt is not null);
        Assert.Equal(expected == Classification.Acute ? StepPlanSteps.Count : 0, atOnce.Count);
        Assert.All(atOnce.Where(t => t.Kind == SafetyTaskKinds.SafetyAssessment), t => Assert.Equal(today.AddDays(1), t.DueOn));

        // Acute still needs the weighing; confirming it does not add the steps again, and the safety assessment is due tomorrow.
        await WeighAsync(regie, person.TrajectoryId, screening.Id, Weighing(Classification.Acute, today));
        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        var final = await WeighAsync(gedrag, person.TrajectoryId, screening.Id, Weighing(Classification.Acute, today));
        Assert.Equal(Classification.Acute, final.FinalClassification);
        var tasks = await StepPlanTasksAsync(person.TrajectoryId);
        Assert.Equal(StepPlanSteps.Select(s => s.Kind).Order(), tasks.Select(t => t.Kind).Order());
        Assert.Equal(today.AddDays(1), tasks.Single(t => t.Kind == SafetyTaskKinds.SafetyAssessment).DueOn);
        Assert.Single(await RegistrationTasksAsync(person.TrajectoryId));
        Assert.Contains(await TimelineAsync(regie, person.TrajectoryId, TasksTimelineKinds.TaskCreated), s => s.Contains("Acuut gevaar", StringComparison.Ordinal));
    }
}

public sealed class ScreeningSqlite(SqliteFixture f) : ScreeningTests(f), IClassFixture<SqliteFixture>;

public sealed class ScreeningPostgres(PostgresFixture f) : ScreeningTests(f), IClassFixture<PostgresFixture>;
