using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;
using Traject.Web.Modules.Triage;

namespace Traject.Web.Modules.Caseload;

/// <summary>Where she is now: a current placement, its phase and what that phase allows.</summary>
internal sealed record SummaryPhase(
    Guid PlacementId,
    string Programme,
    string Organisation,
    PlacementSetting Setting,
    int Phase,
    string PhaseName,
    RestrictionLevel Phone,
    RestrictionLevel Internet,
    RestrictionLevel Leave,
    RestrictionLevel NetworkContact,
    DateOnly? TimeOutUntil);

/// <summary>An open task as the summary lists it.</summary>
internal sealed record SummaryTask(Guid Id, CareTaskKind Kind, PersonRef Owner, DateOnly DueOn, bool IsOverdue);

/// <summary>A timeline event as the summary lists it (the summary already in the reader's language).</summary>
internal sealed record SummaryEvent(Guid Id, DateTimeOffset OccurredAt, string Summary, PersonRef Actor);

/// <summary>
/// The dossier's summary: who she is, status, coordinator, where she is now and what her phase allows, her safety level,
/// what needs attention now (emergency access, an open missing episode, the parent-involvement warning), the next open
/// tasks and the latest events.
/// </summary>
internal sealed record DossierSummary(
    Guid Id,
    string Pseudonym,
    string GivenName,
    string FamilyName,
    int Age,
    TrajectoryStatus Status,
    PersonRef Coordinator,
    string LeadOrganisation,
    DateOnly StartedOn,
    DateTimeOffset? ClosedAt,
    string? ClosingReason,
    string AccessBasis,
    bool CanManage,
    DateTimeOffset? EmergencyUntil,
    SafetyLevel? SafetyLevel,
    DateOnly? SafetyDueOn,
    ReassessmentState? SafetyState,
    Guid? MissingEpisodeId,
    DateTimeOffset? MissingSince,
    ParentWarning ParentInvolvement,
    IReadOnlyList<SummaryPhase> Current,
    int OpenTasks,
    int OverdueTasks,
    IReadOnlyList<SummaryTask> NextTasks,
    int Events,
    IReadOnlyList<SummaryEvent> LatestEvents);

/// <summary>
/// The summary the dossier opens on: only what it shows, read through the door once and in a few set-based queries
/// (one for the facts, one each for the current phases, the next tasks, the latest events, the people her analyses name
/// as possibly involved, and the names). Within a page
/// view (ADR 0022) it names each part it shows.
/// </summary>
internal sealed class DossierSummaries(TrajectDb db, TimeProvider time, DossierDoor door, DossierViews views, AccessReasons reasons,
    ProblemAnalyses analyses, IStringLocalizer<SharedResource> l)
{
    /// <summary>How many open tasks and how many events the summary lists.</summary>
    public const int Listed = 5;

    public async Task<Result<DossierSummary>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, id, TrajectoriesAuditActions.TrajectoryRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        foreach (var part in (string[])[TasksAuditActions.TaskRead, TrajectoriesAuditActions.TimelineRead, SafetyAuditActions.SafetyRead,
            PlacementsAuditActions.PlacementRead, TriageAuditActions.AnalysisRead])
        {
            views.TryAdd(dossier, part);
        }

        var t = dossier.Trajectory;
        var today = time.Today();
        var facts = await FactsQuery.For(db)(db, id, today, ct);
        var current = await CurrentQuery.For(db)(db, id, today).ToListAsync(ct);
        var tasks = await TasksQuery.For(db)(db, id).ToListAsync(ct);
        var events = await EventsQuery.For(db)(db, id).ToListAsync(ct);
        var involved = await analyses.InvolvedInOneQueryAsync(id, ct);
        var warning = new ParentWarning(involved.Count > 0 || facts.ParentFlag, involved);
        var people = await PersonRefs.LoadAsync(db, tasks.Select(x => x.OwnerId).Concat(events.Select(e => e.ActorId)).Append(t.CoordinatorId), ct);

        var safetyDue = t.IsClosed ? (DateOnly?)null : SafetyFacts.DueOn(facts.AssessedAt, t.StartedOn, facts.PhaseAt);
        return new DossierSummary(t.Id, dossier.Pseudonym, t.YoungPerson!.GivenName, t.YoungPerson.FamilyName, t.YoungPerson.AgeOn(today),
            t.Status, people[t.CoordinatorId], facts.Lead ?? string.Empty, t.StartedOn, t.ClosedAt, t.ClosingReason, dossier.Basis,
            AccessPolicy.CanManage(actor, t), dossier.Basis == Trajectories.Access.AccessBasis.Emergency ? reasons.EmergencyUntil : null,
            facts.Level, safetyDue, safetyDue is { } due ? ReassessmentSchedule.State(due, today) : null,
            facts.MissingId, facts.MissingSince, warning,
            current.Where(p => p.Phase is not null).Select(p => new SummaryPhase(p.Id, p.Name, p.Organisation ?? string.Empty, p.Setting,
                p.CurrentPhase, p.Phase!.Name, p.Phase.Phone, p.Phase.Internet, p.Phase.Leave, p.Phase.NetworkContact, p.TimeOutUntil)).ToList(),
            facts.OpenTasks, facts.Overdue,
            tasks.Select(x => new SummaryTask(x.Id, x.Kind, people[x.OwnerId], x.DueOn, x.DueOn < today)).ToList(),
            facts.Events,
            events.Select(e => new SummaryEvent(e.Id, e.OccurredAt, l.Render(e.Summary), people[e.ActorId])).ToList());
    }

    // The summary's reads are compiled once (EF.CompileAsyncQuery): the page is the dossier's hot path, and translating and
    // caching these expression trees on every view cost more than running them (ADR 0030).
    private sealed record Facts(string? Lead, int OpenTasks, int Overdue, int Events, SafetyLevel? Level, DateTimeOffset? AssessedAt,
        DateTimeOffset? PhaseAt, Guid? MissingId, DateTimeOffset? MissingSince, bool ParentFlag);

    private sealed record Current(Guid Id, string Name, PlacementSetting Setting, int CurrentPhase, string? Organisation, CurrentPhaseRow? Phase,
        DateOnly? TimeOutUntil);

    private sealed record CurrentPhaseRow(string Name, RestrictionLevel Phone, RestrictionLevel Internet, RestrictionLevel Leave,
        RestrictionLevel NetworkContact);

    private sealed record TaskRow(Guid Id, CareTaskKind Kind, Guid OwnerId, DateOnly DueOn);

    private sealed record EventRow(Guid Id, DateTimeOffset OccurredAt, string Summary, Guid ActorId);

    private static readonly CompiledQuery<Func<TrajectDb, Guid, DateOnly, CancellationToken, Task<Facts>>> FactsQuery = new(() => EF.CompileAsyncQuery(
        (TrajectDb db, Guid id, DateOnly today, CancellationToken ct) => db.Trajectories.AsNoTracking().Where(x => x.Id == id).Select(x => new Facts(
            db.Organisations.Where(o => o.Id == x.LeadOrganisationId).Select(o => o.Name).FirstOrDefault(),
            db.CareTasks.Count(c => c.TrajectoryId == id && c.CompletedAt == null),
            db.CareTasks.Count(c => c.TrajectoryId == id && c.CompletedAt == null && c.DueOn < today),
            db.TimelineEvents.Count(e => e.TrajectoryId == id),
            db.SafetyAssessments.Where(a => a.TrajectoryId == id).OrderByDescending(a => a.AssessedAt).Select(a => (SafetyLevel?)a.Level).FirstOrDefault(),
            db.SafetyAssessments.Where(a => a.TrajectoryId == id).OrderByDescending(a => a.AssessedAt)
                .Select(a => (DateTimeOffset?)a.AssessedAt).FirstOrDefault(),
            db.TimelineEvents.Where(e => e.TrajectoryId == id).Where(SafetyFacts.IsPhaseChange).OrderByDescending(e => e.OccurredAt)
                .Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefault(),
            db.MissingEpisodes.Where(e => e.TrajectoryId == id && e.ClosedAt == null).OrderByDescending(e => e.LastSeenAt)
                .Select(e => (Guid?)e.Id).FirstOrDefault(),
            db.MissingEpisodes.Where(e => e.TrajectoryId == id && e.ClosedAt == null).OrderByDescending(e => e.LastSeenAt)
                .Select(e => (DateTimeOffset?)e.LastSeenAt).FirstOrDefault(),
            db.SafetyContexts.Where(c => c.TrajectoryId == id).Select(c => c.ParentMayBeInvolved).FirstOrDefault())).Single()));

    private static readonly CompiledQuery<Func<TrajectDb, Guid, DateOnly, IAsyncEnumerable<Current>>> CurrentQuery = new(() => EF.CompileAsyncQuery(
        (TrajectDb db, Guid id, DateOnly today) => db.Placements.AsNoTracking()
            .Where(p => p.TrajectoryId == id && p.EndedOn == null && p.StartedOn <= today)
            .OrderBy(p => p.StartedOn)
            .Select(p => new Current(p.Id, p.ProgrammeVersion!.Name, p.Setting, p.CurrentPhase,
                db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                p.ProgrammeVersion.Phases.Where(f => f.Order == p.CurrentPhase)
                    .Select(f => new CurrentPhaseRow(f.Name, f.Phone, f.Internet, f.Leave, f.NetworkContact)).FirstOrDefault(),
                p.TimeOuts.Where(x => x.StartsOn <= today && today <= x.EndsOn).Select(x => (DateOnly?)x.EndsOn).Max()))));

    private static readonly CompiledQuery<Func<TrajectDb, Guid, IAsyncEnumerable<TaskRow>>> TasksQuery = new(() => EF.CompileAsyncQuery(
        (TrajectDb db, Guid id) => db.CareTasks.AsNoTracking().Where(c => c.TrajectoryId == id && c.CompletedAt == null)
            .OrderBy(c => c.DueOn).ThenBy(c => c.Kind).Take(Listed)
            .Select(c => new TaskRow(c.Id, c.Kind, c.OwnerId, c.DueOn))));

    private static readonly CompiledQuery<Func<TrajectDb, Guid, IAsyncEnumerable<EventRow>>> EventsQuery = new(() => EF.CompileAsyncQuery(
        (TrajectDb db, Guid id) => db.TimelineEvents.AsNoTracking().Where(e => e.TrajectoryId == id)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(Listed)
            .Select(e => new EventRow(e.Id, e.OccurredAt, e.Summary, e.ActorId))));
}
