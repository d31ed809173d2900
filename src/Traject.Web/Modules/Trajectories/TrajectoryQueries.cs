using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Trajectories;

internal sealed record PersonRef(Guid Id, string Name, string Organisation);

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
    IReadOnlyList<CoordinatorPeriod> CoordinatorHistory,
    EarlyCloseView? EarlyClose = null);

/// <summary>A proposed (or, once closed, co-signed) argued early close, and whether the reader may co-sign it now.</summary>
internal sealed record EarlyCloseView(string Reason, PersonRef ProposedBy, DateTimeOffset ProposedAt, PersonRef? CoSignedBy, bool CanCoSign);

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
    TrajectDb db, TimeProvider time, DossierDoor door, AccessReasons reasons, IStringLocalizer<SharedResource> l)
{
    public const int MaxPageSize = 100;

    public async Task<Result<TrajectoryDetail>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        // Recorded as soon as the dossier is read; the answer waits for the commit, the rest of the work does not.
        var opened = await door.ReadAsync(actor, id, TrajectoriesAuditActions.TrajectoryRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var basis = opened.Value.Basis;
        var t = await db.Trajectories.AsNoTracking().Include(x => x.YoungPerson)
            .Include(x => x.CareTeam).Include(x => x.CoordinatorHistory).AsSplitQuery().SingleAsync(x => x.Id == id, ct);
        var today = time.Today();
        var now = time.GetUtcNow();
        var people = await People(t.CareTeam.Where(m => m.ProfessionalId is not null).Select(m => m.ProfessionalId!.Value)
            .Concat(t.CoordinatorHistory.Select(c => c.ProfessionalId)).Append(t.CoordinatorId)
            .Concat(new[] { t.EarlyCloseProposedById, t.EarlyCloseCoSignedById }.OfType<Guid>()), ct);
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
        var emergencyUntil = basis == AccessBasis.Emergency ? reasons.EmergencyUntil : null;
        return new TrajectoryDetail(t.Id, t.YoungPersonId, t.YoungPerson!.PseudonymCode, t.YoungPerson.GivenName,
            t.YoungPerson.FamilyName, t.YoungPerson.AgeOn(today), t.Status, t.LeadOrganisationId, orgs[t.LeadOrganisationId],
            people[t.CoordinatorId], t.StartedOn, t.ClosedAt, t.ClosingReason, t.Version, basis, canManage, emergencyUntil, team, history,
            t.EarlyCloseProposedById is { } proposer && t.EarlyCloseReason is { } reason
                ? new EarlyCloseView(reason, people[proposer], t.EarlyCloseProposedAt!.Value,
                    t.EarlyCloseCoSignedById is { } signer ? people[signer] : null,
                    !t.IsClosed && proposer != actor.Id && actor.IsInRole(Roles.DesignatedExpert) && actor.OrganisationId == t.LeadOrganisationId)
                : null);
    }

    public async Task<Result<TimelinePage>> TimelineAsync(Actor actor, Guid id, string? kind, int page, int pageSize, CancellationToken ct)
    {
        var v = new Validator();
        if (kind is not null && !TimelineKinds.All.Contains(kind, StringComparer.Ordinal))
        {
            v.Add("kind", "Unknown kind of event.");
        }

        v.Paging(page, pageSize, MaxPageSize);

        var opened = await door.ReadAsync(actor, id, TrajectoriesAuditActions.TimelineRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
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
        return new TimelinePage(rows.Select(e => new TimelineEntry(e.Id, e.OccurredAt, e.Kind, l.Render(e.Summary),
            people[e.ActorId], e.Link)).ToList(), page, pageSize, total);
    }

    private Task<Dictionary<Guid, PersonRef>> People(IEnumerable<Guid> ids, CancellationToken ct) => PersonRefs.LoadAsync(db, ids, ct);
}
