using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Modules.Trajectories.Access;

/// <summary>Why a professional may open a dossier. Recorded in the audit trail with every access.</summary>
internal static class AccessBasis
{
    public const string Coordinator = "coordinator";
    public const string CareTeam = "care-team";
    public const string DesignatedExpert = "designated-expert";
    public const string Emergency = "emergency";

    /// <summary>The receiving professional of a proposed hand-over, until it is accepted, refused or withdrawn.</summary>
    public const string HandoverReceiving = "handover-receiving";

    /// <summary>A member of the leaving organisation's team, in the grace period after an accepted hand-over.</summary>
    public const string HandoverLeaving = "handover-leaving";

    /// <summary>
    /// The aftercare plan's trusted professional, for the follow-up part of the dossier only, until the last follow-up
    /// contact is recorded (also after the trajectory closed).
    /// </summary>
    public const string AftercareTrusted = "aftercare-trusted";
}

/// <summary>What a use case wants to do in a dossier. <see cref="AccessPolicy.Permits"/> says which basis may do which.</summary>
[Flags]
internal enum DossierOperation
{
    /// <summary>
    /// Only that the dossier is in her scope (404 otherwise, audited): for steps whose own rule decides who may act,
    /// such as the receiving professional confirming a hand-over; the use case audits what it then allows or refuses.
    /// </summary>
    None = 0,

    /// <summary>See the dossier or a part of it.</summary>
    Read = 1,

    /// <summary>Record facts and decisions in it (a screening, a plan, a follow-up).</summary>
    Record = 2,

    /// <summary>Steer the trajectory: status, coordinator, care team, lead organisation, placements, hand-overs.</summary>
    Steer = 4,

    /// <summary>Share named parts with a chain partner outside the care team.</summary>
    Share = 8,

    /// <summary>See the aftercare part: the aftercare plan and the follow-up contacts.</summary>
    ReadFollowUps = 16,

    /// <summary>Record the outcome of a follow-up contact.</summary>
    RecordFollowUps = 32,
}

/// <summary>
/// A basis that a module outside the hub grants (a proposed hand-over, emergency access). The policy asks every
/// registered grant in the order of <see cref="Rank"/>; the hub's own bases rank 0 (coordinator), 10 (care team and
/// the hand-over's leaving team) and 30 (designated expert of the lead organisation).
/// </summary>
internal interface IAccessGrant
{
    int Rank { get; }

    /// <summary>Whether the grant counts among the trajectories the actor personally works on ("my young people").</summary>
    bool IsPersonal { get; }

    /// <summary>
    /// Whether the grant opens the dossier itself (and so lists and searches show the trajectory), or only a part of it
    /// that its module links to (the aftercare's trusted professional: the follow-up contacts).
    /// </summary>
    bool OpensDossier => true;

    /// <summary>Ids of the trajectories this grant opens to the actor now, as a query the policy composes.</summary>
    IQueryable<Guid> TrajectoryIds(Actor actor, DateTimeOffset now);

    /// <summary>The basis and its reason (for the audit trail) on which the grant opens this trajectory, or null.</summary>
    Task<Grant?> FindAsync(Actor actor, Guid trajectoryId, DateTimeOffset now, CancellationToken ct);
}

/// <summary>A basis with the reason given for it, when it needs one (emergency access).</summary>
internal sealed record Grant(string Basis, string? Reason = null, DateTimeOffset? Until = null);

/// <summary>
/// The one place that decides who may see which young person and do what in her dossier. Pages, API endpoints, lists
/// and searches all ask it (dossier use cases through <see cref="DossierDoor"/>); it fails closed: no rule that grants
/// means no access, and a record out of scope looks like one that does not exist.
/// </summary>
internal sealed class AccessPolicy(TrajectDb db, TimeProvider time, IEnumerable<IAccessGrant> grants, AccessReasons reasons)
{
    private const int CoordinatorRank = 0;
    private const int CareTeamRank = 10;
    private const int DesignatedExpertRank = 30;

    private readonly IAccessGrant[] _grants = grants.OrderBy(g => g.Rank).ToArray();

    /// <summary>
    /// The one table: which basis may do which operation. Emergency access and a hand-over not yet accepted read only;
    /// the care team (and the leaving team in its grace period) reads and records; the coordinator and the lead
    /// organisation's designated expert also steer and share. The aftercare plan's trusted professional sees the
    /// aftercare part and records follow-up contacts, nothing else.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, DossierOperation> Permits = new Dictionary<string, DossierOperation>(StringComparer.Ordinal)
    {
        [AccessBasis.Coordinator] = Reads | Records | DossierOperation.Steer | DossierOperation.Share,
        [AccessBasis.DesignatedExpert] = Reads | Records | DossierOperation.Steer | DossierOperation.Share,
        [AccessBasis.CareTeam] = Reads | Records,
        [AccessBasis.HandoverLeaving] = Reads | Records,
        [AccessBasis.HandoverReceiving] = Reads,
        [AccessBasis.Emergency] = Reads,
        [AccessBasis.AftercareTrusted] = DossierOperation.ReadFollowUps | DossierOperation.RecordFollowUps,
    };

    private const DossierOperation Reads = DossierOperation.Read | DossierOperation.ReadFollowUps;
    private const DossierOperation Records = DossierOperation.Record | DossierOperation.RecordFollowUps;

    /// <summary>Whether the basis allows the operation, by <see cref="Permits"/>.</summary>
    public static bool Allows(string? basis, DossierOperation operation) =>
        basis is not null && Permits.TryGetValue(basis, out var ops) && (ops & operation) == operation;

    /// <summary>Emergency access is for care professionals of youth-care, child-protection and municipal organisations.</summary>
    public static bool MayUseEmergencyAccess(Actor actor) => actor.HasCareRole && actor.OrganisationKind is
        OrganisationKind.YouthCareProvider or OrganisationKind.ChildProtection or OrganisationKind.MunicipalTeam;

    /// <summary>All trajectories the actor may open, as a query to filter and page further.</summary>
    public IQueryable<Trajectory> VisibleTrajectories(Actor actor) => Trajectories(actor, personal: false);

    /// <summary>Trajectories where the actor personally works: coordinator, active team member, or receiving a hand-over.</summary>
    public IQueryable<Trajectory> MyTrajectories(Actor actor) => Trajectories(actor, personal: true);

    /// <summary>
    /// The same trajectories as <see cref="VisibleTrajectories"/> (or, with <paramref name="personal"/>,
    /// <see cref="MyTrajectories"/>), for a list over the whole scope: the ids come from a union of one query per ground
    /// (coordinator, membership, the designated expert's organisation, each grant), so each part reads its own index and
    /// the trajectories are then found by key. The "or" form makes PostgreSQL read every trajectory to test each one,
    /// which at 100,000 young people made her list eight times slower; a look-up of one trajectory (or one young
    /// person's) is cheaper in that form, because there the database starts from the key.
    /// </summary>
    public IQueryable<Trajectory> TrajectoriesToList(Actor actor, bool personal)
    {
        if (!actor.HasCareRole)
        {
            return db.Trajectories.Where(_ => false);
        }

        var id = actor.Id;
        var org = actor.OrganisationId;
        var now = time.GetUtcNow();
        var ids = db.Trajectories.Where(t => t.CoordinatorId == id).Select(t => t.Id).Union(MemberOf(actor));
        if (!personal && actor.IsInRole(Roles.DesignatedExpert))
        {
            ids = ids.Union(db.Trajectories.Where(t => t.LeadOrganisationId == org).Select(t => t.Id));
        }

        foreach (var grant in _grants.Where(g => g.OpensDossier && (!personal || g.IsPersonal)))
        {
            ids = ids.Union(grant.TrajectoryIds(actor, now));
        }

        return db.Trajectories.Where(t => ids.Contains(t.Id));
    }

    private IQueryable<Trajectory> Trajectories(Actor actor, bool personal)
    {
        if (!actor.HasCareRole)
        {
            return db.Trajectories.Where(_ => false);
        }

        var id = actor.Id;
        var org = actor.OrganisationId;
        var expert = !personal && actor.IsInRole(Roles.DesignatedExpert);
        var member = MemberOf(actor);
        var now = time.GetUtcNow();
        Expression<Func<Trajectory, bool>> own = t => t.CoordinatorId == id || member.Contains(t.Id) || (expert && t.LeadOrganisationId == org);
        // Each grant adds "or its trajectory ids contain this one": one uncorrelated subquery per grant, as the hub's own.
        var body = own.Body;
        foreach (var grant in _grants.Where(g => g.OpensDossier && (!personal || g.IsPersonal)))
        {
            var ids = grant.TrajectoryIds(actor, now);
            Expression<Func<Trajectory, bool>> granted = t => ids.Contains(t.Id);
            body = Expression.OrElse(body, new Rebind(granted.Parameters[0], own.Parameters[0]).Visit(granted.Body));
        }

        return db.Trajectories.Where(Expression.Lambda<Func<Trajectory, bool>>(body, own.Parameters[0]));
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>
    /// Ids of trajectories with an active membership of the actor or her whole organisation today. An uncorrelated
    /// subquery: the database evaluates it once through the membership indexes instead of once per trajectory.
    /// </summary>
    private IQueryable<Guid> MemberOf(Actor actor)
    {
        var today = time.Today();
        var now = time.GetUtcNow();
        var id = actor.Id;
        var org = actor.OrganisationId;
        return db.CareTeamMemberships
            .Where(m => (m.ProfessionalId == id || m.OrganisationId == org) && m.From <= today && (m.To == null || m.To >= today)
                && (m.EndedAt == null || m.EndedAt > now))
            .Select(m => m.TrajectoryId);
    }

    /// <summary>The basis on which the actor may open this trajectory, or null when she may not.</summary>
    public Task<string?> BasisForTrajectoryAsync(Actor actor, Guid trajectoryId, CancellationToken ct = default) =>
        BasisForAsync(actor, trajectoryId, DossierOperation.Read, ct);

    /// <summary>
    /// The first basis, in the order of the policy, on which the actor may do the operation in this trajectory; null
    /// when none allows it. For a read this is the basis she opens the dossier on.
    /// </summary>
    public async Task<string?> BasisForAsync(Actor actor, Guid trajectoryId, DossierOperation operation, CancellationToken ct = default)
    {
        await foreach (var grant in BasesAsync(actor, trajectoryId, ct))
        {
            if (Allows(grant.Basis, operation))
            {
                if (grant.Reason is not null)
                {
                    reasons.Emergency = grant.Reason;
                    reasons.EmergencyUntil = grant.Until;
                }

                return grant.Basis;
            }
        }

        return null;
    }

    /// <summary>Every basis the actor has for this trajectory, strongest first, computed only as far as asked.</summary>
    public async IAsyncEnumerable<Grant> BasesAsync(Actor actor, Guid trajectoryId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!actor.HasCareRole)
        {
            yield break;
        }

        var t = await OwnersQuery.For(db)(db, trajectoryId, ct);
        if (t is null)
        {
            yield break;
        }

        var now = time.GetUtcNow();
        var others = _grants.AsEnumerable();
        foreach (var rank in new[] { CoordinatorRank, CareTeamRank, DesignatedExpertRank, int.MaxValue })
        {
            foreach (var grant in others.TakeWhile(g => g.Rank < rank))
            {
                if (await grant.FindAsync(actor, trajectoryId, now, ct) is { } found)
                {
                    yield return found;
                }
            }

            others = others.SkipWhile(g => g.Rank < rank);
            if (rank == CoordinatorRank && t.CoordinatorId == actor.Id)
            {
                yield return new Grant(AccessBasis.Coordinator);
            }
            else if (rank == CareTeamRank && await MembershipBasisAsync(actor, trajectoryId, now, ct) is { } membership)
            {
                yield return new Grant(membership);
            }
            else if (rank == DesignatedExpertRank && actor.IsInRole(Roles.DesignatedExpert) && t.LeadOrganisationId == actor.OrganisationId)
            {
                yield return new Grant(AccessBasis.DesignatedExpert);
            }
        }
    }

    /// <summary>Care team, or the leaving team of an accepted hand-over when that is the only membership that holds.</summary>
    private async Task<string?> MembershipBasisAsync(Actor actor, Guid trajectoryId, DateTimeOffset now, CancellationToken ct)
    {
        var today = time.Today();
        var memberships = await db.CareTeamMemberships.Where(m => m.TrajectoryId == trajectoryId && m.From <= today
            && (m.To == null || m.To >= today) && (m.EndedAt == null || m.EndedAt > now)
            && (m.ProfessionalId == actor.Id || m.OrganisationId == actor.OrganisationId))
            .Select(m => m.EndsByHandoverId == null).ToListAsync(ct);
        return memberships.Count == 0 ? null : memberships.Contains(true) ? AccessBasis.CareTeam : AccessBasis.HandoverLeaving;
    }

    /// <summary>The strongest basis over all trajectories of a young person, or null.</summary>
    public async Task<string?> BasisForYoungPersonAsync(Actor actor, Guid youngPersonId, CancellationToken ct = default)
    {
        var ids = await db.Trajectories.AsNoTracking().Where(t => t.YoungPersonId == youngPersonId)
            .Select(t => t.Id).ToListAsync(ct);
        string? best = null;
        foreach (var id in ids)
        {
            var basis = await BasisForTrajectoryAsync(actor, id, ct);
            if (basis is AccessBasis.Coordinator or AccessBasis.CareTeam)
            {
                return basis;
            }

            best ??= basis;
        }

        return best;
    }

    /// <summary>
    /// Whether the actor may steer the trajectory (team, coordinator, status): its coordinator, or the designated
    /// expert of the lead organisation. For lists and forms that already hold the trajectory; use cases ask the door.
    /// </summary>
    public static bool CanManage(Actor actor, Trajectory trajectory) =>
        actor.HasCareRole && (trajectory.CoordinatorId == actor.Id
            || (actor.IsInRole(Roles.DesignatedExpert) && trajectory.LeadOrganisationId == actor.OrganisationId));

    private sealed record Owners(Guid CoordinatorId, Guid LeadOrganisationId);

    // Compiled once: every dossier read asks it first (the hot path, ADR 0028).
    private static readonly CompiledQuery<Func<TrajectDb, Guid, CancellationToken, Task<Owners?>>> OwnersQuery = new(() => EF.CompileAsyncQuery(
        (TrajectDb db, Guid id, CancellationToken ct) => db.Trajectories.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new Owners(x.CoordinatorId, x.LeadOrganisationId)).SingleOrDefault()));
}
