using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Placements;

/// <summary>A placement that starts brings a signalled trajectory into care.</summary>
internal sealed class ActiveOnPlacement(TrajectoryLifecycle lifecycle) : IDomainEventHandler<PlacementStarted>
{
    public Task HandleAsync(PlacementStarted e, CancellationToken ct)
    {
        lifecycle.Advance(e.Trajectory, TrajectoryStatus.Active, LifecycleCause.PlacementStarted, e.Actor, e.Basis);
        return Task.CompletedTask;
    }
}
