using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Aftercare;

/// <summary>
/// The aftercare plan's trusted professional keeps the follow-up part of the dossier (the plan and the follow-up
/// contacts) until the last follow-up contact is recorded, also after the trajectory closed; nothing else of it.
/// </summary>
internal sealed class AftercareTrustedGrant(TrajectDb db) : IAccessGrant
{
    public int Rank => 50;

    public bool IsPersonal => true;

    public bool OpensDossier => false;

    public IQueryable<Guid> TrajectoryIds(Actor actor, DateTimeOffset now) => Kept(db, actor.Id);

    /// <summary>The trajectories whose follow-ups this professional keeps: she is the plan's trusted professional and one is still to record.</summary>
    public static IQueryable<Guid> Kept(TrajectDb db, Guid professionalId) =>
        db.AftercarePlans.Where(p => p.TrustedProfessionalId == professionalId
                && db.FollowUpContacts.Any(f => f.TrajectoryId == p.TrajectoryId && f.RecordedAt == null))
            .Select(p => p.TrajectoryId);

    public async Task<Grant?> FindAsync(Actor actor, Guid trajectoryId, DateTimeOffset now, CancellationToken ct) =>
        await TrajectoryIds(actor, now).AnyAsync(t => t == trajectoryId, ct) ? new Grant(AccessBasis.AftercareTrusted) : null;
}
