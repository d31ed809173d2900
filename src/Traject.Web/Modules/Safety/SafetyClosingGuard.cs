using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Safety;

/// <summary>A trajectory does not close while she is missing: an open missing episode is closed first, when she is back.</summary>
internal sealed class SafetyClosingGuard(TrajectDb db) : IClosingGuard
{
    public async Task<IReadOnlyList<ClosingObstacle>> ObstaclesAsync(Trajectory trajectory, CancellationToken ct) =>
        (await db.MissingEpisodes.AsNoTracking().Where(e => e.TrajectoryId == trajectory.Id && e.ClosedAt == null)
            .OrderBy(e => e.ReportedAt).Select(e => e.Id).ToListAsync(ct))
        .Select(id => new ClosingObstacle("A missing episode is open.", $"/trajectories/{trajectory.Id}/missing/{id}"))
        .ToList();
}
