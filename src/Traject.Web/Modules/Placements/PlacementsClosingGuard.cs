using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Placements;

/// <summary>A trajectory does not close while a placement runs (or is planned): the placement ends first, with its reason.</summary>
internal sealed class PlacementsClosingGuard(TrajectDb db) : IClosingGuard
{
    public async Task<IReadOnlyList<ClosingObstacle>> ObstaclesAsync(Trajectory trajectory, CancellationToken ct) =>
        (await db.Placements.AsNoTracking().Where(p => p.TrajectoryId == trajectory.Id && p.EndedOn == null)
            .OrderBy(p => p.StartedOn).Select(p => p.Id).ToListAsync(ct))
        .Select(id => new ClosingObstacle("A placement has not ended.", $"/trajectories/{trajectory.Id}/placements/{id}"))
        .ToList();
}
