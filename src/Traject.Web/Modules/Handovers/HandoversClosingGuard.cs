using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Handovers;

/// <summary>A trajectory does not close during a proposed hand-over: the receiving side accepts or refuses, or it is withdrawn.</summary>
internal sealed class HandoversClosingGuard(TrajectDb db) : IClosingGuard
{
    public async Task<IReadOnlyList<ClosingObstacle>> ObstaclesAsync(Trajectory trajectory, CancellationToken ct) =>
        await db.Handovers.AsNoTracking().AnyAsync(h => h.TrajectoryId == trajectory.Id && h.Status == HandoverStatus.Proposed, ct)
            ? [new ClosingObstacle("A hand-over is proposed and not yet accepted, refused or withdrawn.", $"/trajectories/{trajectory.Id}/handovers")]
            : [];
}
