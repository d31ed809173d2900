using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Safety;

/// <summary>A phase change of the trajectory brings the safety re-assessment forward (<see cref="SafetyFacts.PhaseChangedAsync"/>).</summary>
internal sealed class SafetyOnStatusChange(TrajectDb db, TimelineWriter timeline, TaskList tasks, TimeProvider time)
    : IDomainEventHandler<TrajectoryStatusChanged>
{
    public Task HandleAsync(TrajectoryStatusChanged e, CancellationToken ct) =>
        SafetyFacts.PhaseChangedAsync(db, timeline, tasks, e.Actor, e.Trajectory, time.Today(), ct);
}

/// <summary>A new placement, or a new phase of one, is a phase change too.</summary>
internal sealed class SafetyOnPlacement(TrajectDb db, TimelineWriter timeline, TaskList tasks, TimeProvider time)
    : IDomainEventHandler<Placements.PlacementStarted>, IDomainEventHandler<Placements.PlacementPhaseChanged>
{
    public Task HandleAsync(Placements.PlacementStarted e, CancellationToken ct) =>
        SafetyFacts.PhaseChangedAsync(db, timeline, tasks, e.Actor, e.Trajectory, time.Today(), ct);

    public Task HandleAsync(Placements.PlacementPhaseChanged e, CancellationToken ct) =>
        SafetyFacts.PhaseChangedAsync(db, timeline, tasks, e.Actor, e.Trajectory, time.Today(), ct);
}
