using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Emergency;

/// <summary>
/// Emergency access as a basis of the access policy: the professional who broke the glass reads the dossier until her
/// access expires. Ranked last, so that any other basis she has comes first.
/// </summary>
internal sealed class EmergencyGrant(TrajectDb db) : IAccessGrant
{
    public int Rank => 40;

    public bool IsPersonal => false;

    public IQueryable<Guid> TrajectoryIds(Actor actor, DateTimeOffset now)
    {
        var id = actor.Id;
        return db.EmergencyAccesses.Where(e => e.ProfessionalId == id && e.ExpiresAt > now).Select(e => e.TrajectoryId);
    }

    public async Task<Grant?> FindAsync(Actor actor, Guid trajectoryId, DateTimeOffset now, CancellationToken ct)
    {
        if (!AccessPolicy.MayUseEmergencyAccess(actor))
        {
            return null;
        }

        var access = await db.EmergencyAccesses.Where(e => e.ProfessionalId == actor.Id && e.TrajectoryId == trajectoryId && e.ExpiresAt > now)
            .OrderByDescending(e => e.ExpiresAt).Select(e => new { e.Reason, e.ExpiresAt }).FirstOrDefaultAsync(ct);
        return access is null ? null : new Grant(AccessBasis.Emergency, access.Reason, access.ExpiresAt);
    }
}
