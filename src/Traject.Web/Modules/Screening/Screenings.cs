using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Screening;

internal sealed record ObservedSignalRequest(string? Code, DateOnly? ObservedOn, SignalSource? Source, string? Note);

internal sealed record RecordScreeningRequest(IReadOnlyList<ObservedSignalRequest?>? Signals);

internal sealed record RecordWeighingRequest(string? Participants, DateOnly? HeldOn, Classification? Conclusion, string? DeviationReason);

internal sealed record ScreeningSuggestion(
    Classification Classification,
    IReadOnlyList<RiskProfile> RiskProfiles,
    IReadOnlyDictionary<LegalElement, IReadOnlyList<string>> LegalElements,
    IReadOnlyList<string> Explanation);

internal sealed record ScreeningSignalView(string Code, string Group, string Label, DateOnly ObservedOn, SignalSource Source, string? Note);

internal sealed record ScreeningWeighingView(
    Guid Id,
    PersonRef By,
    bool BehaviouralScientist,
    string Participants,
    DateOnly HeldOn,
    Classification Conclusion,
    string? DeviationReason,
    DateTimeOffset RecordedAt);

internal sealed record ScreeningView(
    Guid Id,
    Guid TrajectoryId,
    string InstrumentVersion,
    DateTimeOffset RecordedAt,
    PersonRef RecordedBy,
    DateOnly ObservedOn,
    ScreeningSuggestion Suggestion,
    ScreeningStatus Status,
    Classification? FinalClassification,
    DateTimeOffset? FinalisedAt,
    WeighingNeed Needs,
    bool Disagreement,
    DateTimeOffset? StepPlanStartedAt,
    IReadOnlyList<ScreeningSignalView> Signals,
    IReadOnlyList<ScreeningWeighingView> Weighings,
    bool CanWeigh);

internal sealed record ScreeningSummary(
    Guid Id,
    DateTimeOffset RecordedAt,
    PersonRef RecordedBy,
    DateOnly ObservedOn,
    int Signals,
    Classification Suggestion,
    ScreeningStatus Status,
    Classification? FinalClassification,
    int Weighings,
    WeighingNeed Needs,
    bool Disagreement);

/// <summary>
/// Screenings in the dossier. The coordinator, the care team and the designated expert record screenings and weigh
/// them; emergency access reads but does not record or weigh. Recording finishes the open screening-at-intake task and
/// shows the engine's suggestion at once; an acute suggestion starts the step plan immediately. When the weighing makes
/// a classification of potential, suspected or acute final, the step plan starts for the coordinator (once); a final
/// suspected or acute classification raises <see cref="SuspicionConfirmed"/>.
/// </summary>
internal sealed class Screenings(TrajectDb db, TimeProvider time, DossierDoor door, TimelineWriter timeline, TaskList tasks,
    IInstrumentStore instruments, IStringLocalizer<SharedResource> l)
{
    private const int Attempts = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string Link(Guid trajectoryId, Guid screeningId) => $"/trajectories/{trajectoryId}/screenings/{screeningId}";

    public async Task<Result<IReadOnlyList<ScreeningSummary>>> ListAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        if ((await door.ReadAsync(actor, trajectoryId, ScreeningAuditActions.ScreeningRead, ct)).Error is { } refused)
        {
            return refused;
        }

        var rows = await db.Screenings.AsNoTracking().Where(s => s.TrajectoryId == trajectoryId)
            .OrderByDescending(s => s.RecordedAt).ThenByDescending(s => s.Id)
            .Select(s => new
            {
                s.Id, s.RecordedAt, s.RecordedById, s.ObservedOn, s.Suggestion, s.Status, s.FinalClassification,
                Signals = s.Signals.Count,
                Votes = s.Weighings.OrderBy(w => w.RecordedAt).ThenBy(w => w.Id)
                    .Select(w => new WeighingVote(w.ProfessionalId, w.BehaviouralScientist, w.Conclusion)).ToList(),
            })
            .AsSplitQuery().ToListAsync(ct);
        var people = await PersonRefs.LoadAsync(db, rows.Select(r => r.RecordedById), ct);
        return rows.Select(r =>
        {
            var state = WeighingRule.Evaluate(r.Suggestion, r.Votes);
            return new ScreeningSummary(r.Id, r.RecordedAt, people[r.RecordedById], r.ObservedOn, r.Signals, r.Suggestion, r.Status,
                r.FinalClassification, r.Votes.Count, state.Needs, state.Disagreement);
        }).ToList();
    }

    public async Task<Result<ScreeningView>> GetAsync(Actor actor, Guid trajectoryId, Guid screeningId, CancellationToken ct)
    {
        var read = await door.ReadAsync(actor, trajectoryId, ScreeningAuditActions.ScreeningRead, ct, about: new AuditObject(nameof(Screening), screeningId));
        if (read.Error is { } refused)
        {
            return refused;
        }

        var s = await db.Screenings.AsNoTracking().Include(x => x.Signals).Include(x => x.Weighings).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == screeningId && x.TrajectoryId == trajectoryId, ct);
        if (s is null)
        {
            return Error.NotFound();
        }

        return await ViewAsync(actor, read.Value, s, ct);
    }

    public async Task<Result<ScreeningView>> RecordAsync(Actor actor, Guid trajectoryId, RecordScreeningRequest request, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, ScreeningAuditActions.ScreeningRecorded, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;
        var instrument = await instruments.CurrentAsync(ct);
        var today = time.Today();
        var dateOfBirth = t.YoungPerson!.DateOfBirth;
        var v = new Validator();
        var signals = new List<ScreeningSignal>();
        if (request.Signals is null)
        {
            v.Add("signals", "This field is required.");
        }
        else if (request.Signals.Count > Screening.MaxSignals)
        {
            v.Add("signals", "At most {0} signals.", Screening.MaxSignals);
        }
        else
        {
            for (var i = 0; i < request.Signals.Count; i++)
            {
                var field = $"signals[{i}]";
                var item = request.Signals[i];
                if (item is null)
                {
                    v.Add(field, "This field is required.");
                    continue;
                }

                var code = v.Text($"{field}.code", item.Code, 64);
                if (code.Length > 0 && instrument.Find(code) is null)
                {
                    v.Add($"{field}.code", "Unknown signal code.");
                }

                var observedOn = v.Required($"{field}.observedOn", item.ObservedOn);
                if (item.ObservedOn is not null && observedOn > today)
                {
                    v.Add($"{field}.observedOn", "The date observed cannot be in the future.");
                }
                else if (item.ObservedOn is not null && observedOn < dateOfBirth)
                {
                    v.Add($"{field}.observedOn", "The date observed cannot be before her date of birth.");
                }

                var source = v.Enum($"{field}.source", item.Source);
                var note = v.OptionalText($"{field}.note", item.Note, ScreeningSignal.NoteMaxLength);
                signals.Add(new ScreeningSignal { Code = code, ObservedOn = observedOn, Source = source, Note = note });
            }
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (dossier.IsClosed)
        {
            return DossierDoor.Closed;
        }

        var observed = signals.Count == 0 ? today : signals.Max(x => x.ObservedOn);
        var outcome = ScreeningEngine.Evaluate(instrument, dateOfBirth, observed, signals.Select(x => x.Code), out var unknown);
        if (outcome is null)
        {
            return Error.Invalid("signals", Text.Encode("Unknown signal codes: {0}", string.Join(", ", unknown)));
        }

        // The version is immutable from its first use on: mark it before anything refers to it.
        await instruments.MarkUsedAsync(instrument.Version, ct);
        var now = time.GetUtcNow();
        var screening = NewScreening(t.Id, outcome, observed, signals, now, actor.Id);
        db.Screenings.Add(screening);
        var link = Link(t.Id, screening.Id);
        timeline.Add(t.Id, actor, ScreeningTimelineKinds.ScreeningRecorded, link, "Screening recorded with {0} signals; suggested: {1}", signals.Count, outcome.Classification);
        dossier.Audit(ScreeningAuditActions.ScreeningRecorded, nameof(Screening), screening.Id);

        await tasks.FinishFirstAsync(actor, t.Id, ScreeningTaskKinds.ScreenAtIntake, ct);

        if (outcome.Classification == Classification.Acute)
        {
            // Acute danger does not wait for the weighing: the step plan starts now, the safety assessment tomorrow.
            await StartStepPlanAsync(actor, t, screening, acute: true, now, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale(); // a task was changed at the same moment by someone else: nothing was saved
        }

        return await ViewAsync(actor, dossier, screening, ct);
    }

    /// <summary>An open screening that keeps the engine's outcome as it was shown (also what the demo data records).</summary>
    internal static Screening NewScreening(Guid trajectoryId, ScreeningOutcome outcome, DateOnly observedOn, List<ScreeningSignal> signals,
        DateTimeOffset recordedAt, Guid recordedById) => new()
    {
        TrajectoryId = trajectoryId, InstrumentVersion = outcome.InstrumentVersion, RecordedAt = recordedAt, RecordedById = recordedById,
        ObservedOn = observedOn, Suggestion = outcome.Classification,
        RiskProfiles = string.Join(',', outcome.RiskProfiles.Select(InstrumentNames.Of)),
        LegalElements = JsonSerializer.Serialize(outcome.LegalElements.ToDictionary(e => InstrumentNames.Of(e.Key), e => e.Value), Json),
        Explanation = JsonSerializer.Serialize(outcome.Explanation, Json),
        Status = ScreeningStatus.Open, Signals = signals,
    };

    /// <summary>
    /// Records one professional's weighing. The screening's version serialises weighings: when another weighing was
    /// saved in the meantime, this one is decided again on the new state instead of overwriting it.
    /// </summary>
    public async Task<Result<ScreeningView>> WeighAsync(Actor actor, Guid trajectoryId, Guid screeningId, RecordWeighingRequest request, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryWeighAsync(actor, trajectoryId, screeningId, request, ct);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another weighing was saved first (version, or the same professional twice): decide again on what is there now.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Stale();
            }
        }
    }

    private async Task<Result<ScreeningView>> TryWeighAsync(Actor actor, Guid trajectoryId, Guid screeningId, RecordWeighingRequest request, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, ScreeningAuditActions.ScreeningWeighed, ct,
            about: new AuditObject(nameof(Screening), screeningId));
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;
        var s = await db.Screenings.Include(x => x.Signals).Include(x => x.Weighings).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == screeningId && x.TrajectoryId == trajectoryId, ct);
        if (s is null)
        {
            return Error.NotFound();
        }

        var today = time.Today();
        var v = new Validator();
        var participants = v.Text("participants", request.Participants, ScreeningWeighing.ParticipantsMaxLength, minLength: 3);
        var heldOn = v.Required("heldOn", request.HeldOn);
        if (request.HeldOn is not null && heldOn > today)
        {
            v.Add("heldOn", "The weighing cannot be in the future.");
        }
        else if (request.HeldOn is not null && heldOn < DateOnly.FromDateTime(s.RecordedAt.ToLocal().DateTime))
        {
            v.Add("heldOn", "The weighing cannot be before the screening was recorded.");
        }

        var conclusion = v.Enum("conclusion", request.Conclusion);
        var deviates = request.Conclusion is not null && WeighingRule.NeedsReason(s.Suggestion, conclusion);
        var reason = v.Text("deviationReason", request.DeviationReason, ScreeningWeighing.ReasonMaxLength, required: deviates,
            minLength: deviates ? WeighingRule.DeviationReasonMinLength : 0);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (dossier.IsClosed)
        {
            return DossierDoor.Closed;
        }

        var votes = Votes(s);
        if (WeighingRule.CanAdd(WeighingRule.Evaluate(s.Suggestion, votes), votes, actor.Id) is { } rule)
        {
            return rule;
        }

        var now = time.GetUtcNow();
        var weighing = new ScreeningWeighing
        {
            ScreeningId = s.Id, ProfessionalId = actor.Id, BehaviouralScientist = actor.IsInRole(Roles.BehaviouralScientist),
            Participants = participants, HeldOn = heldOn, Conclusion = conclusion, DeviationReason = reason.Length == 0 ? null : reason,
            RecordedAt = now,
        };
        db.ScreeningWeighings.Add(weighing); // tracking it also puts it in s.Weighings
        // Every weighing raises the screening's version: of two weighings at the same moment, the second is refused by
        // the database and decided again, so the rule always sees all weighings.
        db.Entry(s).Property(x => x.Version).IsModified = true;
        var link = Link(t.Id, s.Id);
        var state = WeighingRule.Evaluate(s.Suggestion, Votes(s));
        if (state.Disagreement && state.Final is null)
        {
            timeline.Add(t.Id, actor, ScreeningTimelineKinds.ScreeningWeighed, link, "Weighing recorded: {0}; the conclusions differ, the screening stays open", conclusion);
        }
        else
        {
            timeline.Add(t.Id, actor, ScreeningTimelineKinds.ScreeningWeighed, link, "Weighing recorded: {0}", conclusion);
        }

        if (state.Final is { } final)
        {
            s.Status = ScreeningStatus.Final;
            s.FinalClassification = final;
            s.FinalisedAt = now;
            timeline.Add(t.Id, actor, ScreeningTimelineKinds.ScreeningFinal, link, "Classification final after the multidisciplinary weighing: {0}", final);
            if (final != Classification.None && s.StepPlanStartedAt is null)
            {
                await StartStepPlanAsync(actor, t, s, final == Classification.Acute, now, ct);
            }

            if (final is Classification.Suspected or Classification.Acute)
            {
                s.Raise(new SuspicionConfirmed(t, actor, final, dossier.Basis));
            }
        }

        dossier.Audit(ScreeningAuditActions.ScreeningWeighed, nameof(Screening), s.Id);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(actor, dossier, s, ct);
    }

    /// <summary>
    /// Creates the step-plan tasks for the coordinator, leaving out steps already open in the trajectory. Acute danger
    /// also brings an open safety assessment forward to tomorrow.
    /// </summary>
    private async Task StartStepPlanAsync(Actor actor, Trajectory t, Screening s, bool acute, DateTimeOffset now, CancellationToken ct)
    {
        var added = await tasks.AddStepPlanAsync(t.Id, t.CoordinatorId, acute, actor, ct);
        s.StepPlanStartedAt = now;
        if (acute)
        {
            timeline.Add(t.Id, actor, TasksTimelineKinds.TaskCreated, TaskList.Link(t.Id), "Acute danger: the step plan starts at once ({0} new tasks); the safety assessment is due tomorrow", added);
        }
        else if (added > 0)
        {
            timeline.Add(t.Id, actor, TasksTimelineKinds.TaskCreated, TaskList.Link(t.Id), "Step plan started: {0} new tasks for the coordinator", added);
        }
    }

    private static List<WeighingVote> Votes(Screening s) => s.Weighings.OrderBy(w => w.RecordedAt).ThenBy(w => w.Id)
        .Select(w => new WeighingVote(w.ProfessionalId, w.BehaviouralScientist, w.Conclusion)).ToList();

    private async Task<ScreeningView> ViewAsync(Actor actor, Dossier dossier, Screening s, CancellationToken ct)
    {
        var instrument = await instruments.FindAsync(s.InstrumentVersion, ct);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var weighings = s.Weighings.OrderBy(w => w.RecordedAt).ThenBy(w => w.Id).ToList();
        var people = await PersonRefs.LoadAsync(db, weighings.Select(w => w.ProfessionalId).Append(s.RecordedById), ct);
        var state = WeighingRule.Evaluate(s.Suggestion, Votes(s));
        var legal = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(s.LegalElements, Json) ?? [];
        var suggestion = new ScreeningSuggestion(
            s.Suggestion,
            Enum.GetValues<RiskProfile>().Where(p => s.RiskProfiles.Split(',').Contains(InstrumentNames.Of(p))).ToList(),
            Enum.GetValues<LegalElement>().Where(e => legal.GetValueOrDefault(InstrumentNames.Of(e)) is { Count: > 0 })
                .ToDictionary(e => e, e => (IReadOnlyList<string>)legal[InstrumentNames.Of(e)]),
            (JsonSerializer.Deserialize<List<string>>(s.Explanation, Json) ?? []).Select(l.Render).ToList());
        var signals = s.Signals.OrderBy(x => x.ObservedOn).ThenBy(x => x.Code, StringComparer.Ordinal).Select(x =>
        {
            var definition = instrument?.Find(x.Code);
            return new ScreeningSignalView(x.Code, definition?.Group ?? string.Empty,
                definition is null ? x.Code : english ? definition.LabelEn : definition.LabelNl, x.ObservedOn, x.Source, x.Note);
        }).ToList();
        var canWeigh = s.Status == ScreeningStatus.Open && dossier.Basis != AccessBasis.Emergency && !dossier.IsClosed
            && weighings.All(w => w.ProfessionalId != actor.Id);
        return new ScreeningView(s.Id, s.TrajectoryId, s.InstrumentVersion, s.RecordedAt, people[s.RecordedById], s.ObservedOn, suggestion,
            s.Status, s.FinalClassification, s.FinalisedAt, state.Needs, state.Disagreement, s.StepPlanStartedAt, signals,
            weighings.Select(w => new ScreeningWeighingView(w.Id, people[w.ProfessionalId], w.BehaviouralScientist, w.Participants, w.HeldOn,
                w.Conclusion, w.DeviationReason, w.RecordedAt)).ToList(),
            canWeigh);
    }
}
