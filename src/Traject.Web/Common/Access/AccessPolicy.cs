using Microsoft.EntityFrameworkCore;
using Traject.Web.Data;
using Traject.Web.Modules.Handovers;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Common.Access;

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
}

/// <summary>
/// The one place that decides who may see which young person. Pages, API endpoints, lists and searches all ask it;
/// it fails closed: no rule that grants means no access, and a record out of scope looks like one that does not exist.
/// </summary>
internal sealed class AccessPolicy(TrajectDb db, TimeProvider time)
{
    /// <summary>The reason of the emergency access last granted as a basis in this request, for the audit trail.</summary>
    public string? EmergencyReason { get; private set; }

    /// <summary>Emergency access is for care professionals of youth-care, child-protection and municipal organisations.</summary>
    public static bool MayUseEmergencyAccess(Actor actor) => actor.HasCareRole && actor.OrganisationKind is
        OrganisationKind.YouthCareProvider or OrganisationKind.ChildProtection or OrganisationKind.MunicipalTeam;

    /// <summary>All trajectories the actor may open, as a query to filter and page further.</summary>
    public IQueryable<Trajectory> VisibleTrajectories(Actor actor)
    {
        if (!actor.HasCareRole)
        {
            return db.Trajectories.Where(_ => false);
        }

        var id = actor.Id;
        var org = actor.OrganisationId;
        var expert = actor.IsInRole(Roles.DesignatedExpert);
        var member = MemberOf(actor);
        var now = time.GetUtcNow();
        var emergency = db.EmergencyAccesses.Where(e => e.ProfessionalId == id && e.ExpiresAt > now).Select(e => e.TrajectoryId);
        var receiving = Receiving(actor);
        return db.Trajectories.Where(t => t.CoordinatorId == id || member.Contains(t.Id) || (expert && t.LeadOrganisationId == org)
            || emergency.Contains(t.Id) || receiving.Contains(t.Id));
    }

    /// <summary>Trajectories where the actor personally works: coordinator, active team member, or receiving a hand-over.</summary>
    public IQueryable<Trajectory> MyTrajectories(Actor actor)
    {
        if (!actor.HasCareRole)
        {
            return db.Trajectories.Where(_ => false);
        }

        var id = actor.Id;
        var member = MemberOf(actor);
        var receiving = Receiving(actor);
        return db.Trajectories.Where(t => t.CoordinatorId == id || member.Contains(t.Id) || receiving.Contains(t.Id));
    }

    /// <summary>Ids of trajectories with a proposed hand-over to the actor (see <see cref="HandoverWindows"/>).</summary>
    private IQueryable<Guid> Receiving(Actor actor)
    {
        var id = actor.Id;
        return db.Handovers.Where(h => h.ToProfessionalId == id && h.Status == HandoverStatus.Proposed).Select(h => h.TrajectoryId);
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
    public async Task<string?> BasisForTrajectoryAsync(Actor actor, Guid trajectoryId, CancellationToken ct = default)
    {
        if (!actor.HasCareRole)
        {
            return null;
        }

        var t = await db.Trajectories.AsNoTracking().Where(x => x.Id == trajectoryId)
            .Select(x => new { x.CoordinatorId, x.LeadOrganisationId }).SingleOrDefaultAsync(ct);
        if (t is null)
        {
            return null;
        }

        if (t.CoordinatorId == actor.Id)
        {
            return AccessBasis.Coordinator;
        }

        var today = time.Today();
        var now = time.GetUtcNow();
        // A membership that ends by an accepted hand-over counts as the hand-over's grace period, unless another one holds.
        var memberships = await db.CareTeamMemberships.Where(m => m.TrajectoryId == trajectoryId && m.From <= today
            && (m.To == null || m.To >= today) && (m.EndedAt == null || m.EndedAt > now)
            && (m.ProfessionalId == actor.Id || m.OrganisationId == actor.OrganisationId))
            .Select(m => m.EndsByHandoverId == null).ToListAsync(ct);
        if (memberships.Count > 0)
        {
            return memberships.Contains(true) ? AccessBasis.CareTeam : AccessBasis.HandoverLeaving;
        }

        if (await db.Handovers.AnyAsync(h => h.TrajectoryId == trajectoryId && h.ToProfessionalId == actor.Id
                && h.Status == HandoverStatus.Proposed, ct))
        {
            return AccessBasis.HandoverReceiving;
        }

        if (actor.IsInRole(Roles.DesignatedExpert) && t.LeadOrganisationId == actor.OrganisationId)
        {
            return AccessBasis.DesignatedExpert;
        }

        var reason = MayUseEmergencyAccess(actor)
            ? await db.EmergencyAccesses.Where(e => e.ProfessionalId == actor.Id && e.TrajectoryId == trajectoryId && e.ExpiresAt > now)
                .OrderByDescending(e => e.ExpiresAt).Select(e => e.Reason).FirstOrDefaultAsync(ct)
            : null;
        if (reason is null)
        {
            return null;
        }

        EmergencyReason = reason;
        return AccessBasis.Emergency;
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
    /// expert of the lead organisation.
    /// </summary>
    public static bool CanManage(Actor actor, Trajectory trajectory) =>
        actor.HasCareRole && (trajectory.CoordinatorId == actor.Id
            || (actor.IsInRole(Roles.DesignatedExpert) && trajectory.LeadOrganisationId == actor.OrganisationId));
}
