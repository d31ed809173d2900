using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Traject.Web.Common;
using Traject.Web.Common.Access;
using Traject.Web.Common.Auditing;
using Traject.Web.Data;
using Traject.Web.Modules.YoungPeople;
using Traject.Web.Modules.Trajectories.Access;
using Traject.Web.Modules.Timeline;

namespace Traject.Web.Modules.Trajectories;

internal sealed record TrajectorySummary(
    Guid Id,
    Guid YoungPersonId,
    string Pseudonym,
    string GivenName,
    string FamilyName,
    int Age,
    TrajectoryStatus Status,
    PersonRef Coordinator,
    DateTimeOffset? LastEventAt,
    string? LastEventKind,
    int OverdueTasks,
    Safety.SafetyLevel? SafetyLevel = null,
    DateOnly? SafetyDueOn = null,
    Safety.ReassessmentState? SafetyState = null,
    bool Missing = false);

internal sealed record PersonRef(Guid Id, string Name, string Organisation);

internal sealed record TrajectoryPage(IReadOnlyList<TrajectorySummary> Items, int Page, int PageSize, int Total);

internal sealed record CareTeamMember(
    Guid Id,
    Guid? ProfessionalId,
    Guid? OrganisationId,
    string Name,
    string Organisation,
    CareTeamRole Role,
    DateOnly From,
    DateOnly? To,
    bool IsActive,
    long Version);

internal sealed record CoordinatorPeriod(PersonRef Coordinator, DateTimeOffset Since, DateTimeOffset? Until);

internal sealed record TrajectoryDetail(
    Guid Id,
    Guid YoungPersonId,
    string Pseudonym,
    string GivenName,
    string FamilyName,
    int Age,
    TrajectoryStatus Status,
    Guid LeadOrganisationId,
    string LeadOrganisation,
    PersonRef Coordinator,
    DateOnly StartedOn,
    DateTimeOffset? ClosedAt,
    string? ClosingReason,
    long Version,
    string AccessBasis,
    bool CanManage,
    DateTimeOffset? EmergencyUntil,
    IReadOnlyList<CareTeamMember> CareTeam,
    IReadOnlyList<CoordinatorPeriod> CoordinatorHistory);

internal sealed record TimelineEntry(
    Guid Id,
    DateTimeOffset OccurredAt,
    string Kind,
    string Summary,
    PersonRef Actor,
    string? Link);

internal sealed record TimelinePage(IReadOnlyList<TimelineEntry> Items, int Page, int PageSize, int Total);

/// <summary>What professionals read about trajectories: lists, the dossier header and team, and the timeline.</summary>
internal sealed class TrajectoryQueries(
    TrajectDb db, TimeProvider time, AccessPolicy access, AuditLog audit, IStringLocalizer<SharedResource> l)
{
    public const int MaxPageSize = 100;

    public async Task<Result<TrajectoryPage>> ListAsync(Actor actor, bool mineOnly, TrajectoryStatus? status, int page, int pageSize, CancellationToken ct)
    {
        var v = new Validator();
        if (page < 1)
        {
            v.Add("page", "Pages start at 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            v.Add("pageSize", "Between 1 and {0}.", MaxPageSize);
        }

        if (status is not null && !Enum.IsDefined(status.Value))
        {
            v.Add("status", "Unknown value.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        var query = mineOnly ? access.MyTrajectories(actor) : access.VisibleTrajectories(actor);
        if (status is not null)
        {
            query = query.Where(t => t.Status == status);
        }

        var total = await query.CountAsync(ct);
        var today = time.Today();
        var phaseKinds = Safety.SafetyFacts.PhaseChangeKinds.ToList();
        var rows = await query
            .OrderBy(t => t.Status == TrajectoryStatus.Closed).ThenBy(t => t.YoungPerson!.FamilyName).ThenBy(t => t.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(t => new
            {
                t.Id, t.YoungPersonId, t.YoungPerson!.PseudonymCode, t.YoungPerson.GivenName, t.YoungPerson.FamilyName,
                t.YoungPerson.DateOfBirth, t.Status, t.CoordinatorId,
                // Two scalar subqueries (index seeks on TrajectoryId, OccurredAt): selecting both columns at once makes
                // EF rank the whole timeline table with a window function instead.
                LastAt = db.TimelineEvents.Where(e => e.TrajectoryId == t.Id).OrderByDescending(e => e.OccurredAt)
                    .Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefault(),
                LastKind = db.TimelineEvents.Where(e => e.TrajectoryId == t.Id).OrderByDescending(e => e.OccurredAt)
                    .Select(e => e.Kind).FirstOrDefault(),
                Overdue = db.CareTasks.Count(c => c.TrajectoryId == t.Id && c.CompletedAt == null && c.DueOn < today),
                Level = db.SafetyAssessments.Where(a => a.TrajectoryId == t.Id).OrderByDescending(a => a.AssessedAt)
                    .Select(a => (Safety.SafetyLevel?)a.Level).FirstOrDefault(),
                AssessedAt = db.SafetyAssessments.Where(a => a.TrajectoryId == t.Id).OrderByDescending(a => a.AssessedAt)
                    .Select(a => (DateTimeOffset?)a.AssessedAt).FirstOrDefault(),
                PhaseAt = db.TimelineEvents.Where(e => e.TrajectoryId == t.Id && phaseKinds.Contains(e.Kind)).OrderByDescending(e => e.OccurredAt)
                    .Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefault(),
                t.StartedOn,
                Missing = db.MissingEpisodes.Any(e => e.TrajectoryId == t.Id && e.ClosedAt == null),
            })
            .ToListAsync(ct);
        var people = await People(rows.Select(r => r.CoordinatorId), ct);
        await audit.RecordAsync(actor, AuditActions.TrajectoryList, nameof(Trajectory), ct: ct);
        return new TrajectoryPage(rows.Select(r => new TrajectorySummary(r.Id, r.YoungPersonId, r.PseudonymCode, r.GivenName,
            r.FamilyName, Clock.AgeOn(r.DateOfBirth, today), r.Status, people[r.CoordinatorId], r.LastAt, r.LastKind, r.Overdue,
            r.Level, SafetyDue(r.AssessedAt, r.StartedOn, r.PhaseAt, r.Status), SafetyDue(r.AssessedAt, r.StartedOn, r.PhaseAt, r.Status) is { } due
                ? Safety.ReassessmentSchedule.State(due, today) : null, r.Missing)).ToList(),
            page, pageSize, total);
    }

    /// <summary>When safety must be assessed again (see <see cref="Safety.ReassessmentSchedule"/>); none for a closed trajectory.</summary>
    private static DateOnly? SafetyDue(DateTimeOffset? assessedAt, DateOnly startedOn, DateTimeOffset? phaseAt, TrajectoryStatus status) =>
        status == TrajectoryStatus.Closed ? null : Safety.SafetyFacts.DueOn(assessedAt, startedOn, phaseAt);

    public async Task<Result<TrajectoryDetail>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var basis = await access.BasisForTrajectoryAsync(actor, id, ct);
        var t = basis is null ? null : await db.Trajectories.AsNoTracking().Include(x => x.YoungPerson)
            .Include(x => x.CareTeam).Include(x => x.CoordinatorHistory).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
        {
            await audit.RecordAsync(actor, AuditActions.TrajectoryRead, nameof(Trajectory), id, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.NotFound();
        }

        // Recorded as soon as the dossier is read; the answer waits for the commit, the rest of the work does not.
        await audit.RecordAsync(actor, AuditActions.TrajectoryRead, nameof(Trajectory), id, t.YoungPerson!.PseudonymCode, basis, ct: ct);
        var today = time.Today();
        var now = time.GetUtcNow();
        var people = await People(t.CareTeam.Where(m => m.ProfessionalId is not null).Select(m => m.ProfessionalId!.Value)
            .Concat(t.CoordinatorHistory.Select(c => c.ProfessionalId)).Append(t.CoordinatorId), ct);
        var orgIds = t.CareTeam.Where(m => m.OrganisationId is not null).Select(m => m.OrganisationId!.Value).Append(t.LeadOrganisationId).ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var team = t.CareTeam
            .OrderByDescending(m => m.IsActiveAt(today, now)).ThenBy(m => m.From)
            .Select(m => m.ProfessionalId is { } pid
                ? new CareTeamMember(m.Id, pid, null, people[pid].Name, people[pid].Organisation, m.Role, m.From, m.To, m.IsActiveAt(today, now), m.Version)
                : new CareTeamMember(m.Id, null, m.OrganisationId, orgs[m.OrganisationId!.Value], orgs[m.OrganisationId!.Value], m.Role, m.From, m.To, m.IsActiveAt(today, now), m.Version))
            .ToList();
        var history = t.CoordinatorHistory.OrderByDescending(c => c.Since)
            .Select(c => new CoordinatorPeriod(people[c.ProfessionalId], c.Since, c.Until)).ToList();
        var canManage = AccessPolicy.CanManage(actor, t);
        var emergencyUntil = basis == AccessBasis.Emergency
            ? await db.EmergencyAccesses.Where(e => e.ProfessionalId == actor.Id && e.TrajectoryId == id && e.ExpiresAt > now)
                .MaxAsync(e => (DateTimeOffset?)e.ExpiresAt, ct)
            : null;
        return new TrajectoryDetail(t.Id, t.YoungPersonId, t.YoungPerson.PseudonymCode, t.YoungPerson.GivenName,
            t.YoungPerson.FamilyName, t.YoungPerson.AgeOn(today), t.Status, t.LeadOrganisationId, orgs[t.LeadOrganisationId],
            people[t.CoordinatorId], t.StartedOn, t.ClosedAt, t.ClosingReason, t.Version, basis!, canManage, emergencyUntil, team, history);
    }

    public async Task<Result<TimelinePage>> TimelineAsync(Actor actor, Guid id, string? kind, int page, int pageSize, CancellationToken ct)
    {
        var v = new Validator();
        if (kind is not null && !TimelineKinds.All.Contains(kind, StringComparer.Ordinal))
        {
            v.Add("kind", "Unknown kind of event.");
        }

        if (page < 1)
        {
            v.Add("page", "Pages start at 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            v.Add("pageSize", "Between 1 and {0}.", MaxPageSize);
        }

        var basis = await access.BasisForTrajectoryAsync(actor, id, ct);
        if (basis is null)
        {
            await audit.RecordAsync(actor, AuditActions.TimelineRead, nameof(Trajectory), id, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.NotFound();
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        var query = db.TimelineEvents.AsNoTracking().Where(e => e.TrajectoryId == id);
        if (kind is not null)
        {
            query = query.Where(e => e.Kind == kind);
        }

        var total = await query.CountAsync(ct);
        var today = time.Today();
        var rows = await query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var people = await People(rows.Select(r => r.ActorId), ct);
        var pseudonym = await db.Trajectories.Where(t => t.Id == id).Select(t => t.YoungPerson!.PseudonymCode).SingleAsync(ct);
        await audit.RecordAsync(actor, AuditActions.TimelineRead, nameof(Trajectory), id, pseudonym, basis, ct: ct);
        return new TimelinePage(rows.Select(e => new TimelineEntry(e.Id, e.OccurredAt, e.Kind, l.Render(e.Summary),
            people[e.ActorId], e.Link)).ToList(), page, pageSize, total);
    }

    private Task<Dictionary<Guid, PersonRef>> People(IEnumerable<Guid> ids, CancellationToken ct) => PersonRefs.LoadAsync(db, ids, ct);
}
