using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Tasks;

/// <summary>
/// A trajectory does not close while a task of a kind that must be finished is open (a registration decision, informing
/// about a missing episode, …; <see cref="CareTaskKind.MustFinishBeforeClosing"/>). Other open tasks end with the closing.
/// </summary>
internal sealed class TasksClosingGuard(TrajectDb db) : IClosingGuard
{
    public async Task<IReadOnlyList<ClosingObstacle>> ObstaclesAsync(Trajectory trajectory, CancellationToken ct)
    {
        var open = await db.CareTasks.AsNoTracking().Where(x => x.TrajectoryId == trajectory.Id && x.CompletedAt == null)
            .OrderBy(x => x.DueOn).Select(x => x.Kind).ToListAsync(ct);
        return open.Where(k => k.MustFinishBeforeClosing).Distinct()
            .Select(k => new ClosingObstacle(Text.Encode("A task is open that must be finished first: {0}", k), k.Href(trajectory.Id) ?? TaskList.Link(trajectory.Id)))
            .ToList();
    }
}
