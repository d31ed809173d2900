using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Handovers;

/// <summary>
/// A proposed hand-over as a basis of the access policy: the receiving professional reads the dossier from the proposal
/// until it is accepted, refused or withdrawn (see <see cref="HandoverWindows"/>). It counts among her own young people.
/// </summary>
internal sealed class ReceivingGrant(TrajectDb db) : IAccessGrant
{
    public int Rank => 20;

    public bool IsPersonal => true;

    public IQueryable<Guid> TrajectoryIds(Actor actor, DateTimeOffset now)
    {
        var id = actor.Id;
        return db.Handovers.Where(h => h.ToProfessionalId == id && h.Status == HandoverStatus.Proposed).Select(h => h.TrajectoryId);
    }

    public async Task<Grant?> FindAsync(Actor actor, Guid trajectoryId, DateTimeOffset now, CancellationToken ct) =>
        await db.Handovers.AnyAsync(h => h.TrajectoryId == trajectoryId && h.ToProfessionalId == actor.Id && h.Status == HandoverStatus.Proposed, ct)
            ? new Grant(AccessBasis.HandoverReceiving)
            : null;
}
