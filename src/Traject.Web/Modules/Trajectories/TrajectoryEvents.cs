
namespace Traject.Web.Modules.Trajectories;

// The hub publishes; satellites subscribe (IDomainEventHandler<T>, registered in their module's Add… method). Handlers
// run before the change that raised the event is saved, in the same transaction, and never save themselves.

/// <summary>A trajectory was opened (tracked, not saved yet), by the actor, led by her organisation.</summary>
internal sealed record TrajectoryStarted(Trajectory Trajectory, Actor Actor, OrganisationKind LeadOrganisationKind) : IDomainEvent;

/// <summary>The status moved (also to closed: then <see cref="TrajectoryClosed"/> follows).</summary>
internal sealed record TrajectoryStatusChanged(Trajectory Trajectory, Actor Actor, TrajectoryStatus From, string Basis) : IDomainEvent;

/// <summary>The trajectory closed: its open hand-over ends, its follow-up contacts are planned.</summary>
internal sealed record TrajectoryClosed(Trajectory Trajectory, Actor Actor, TrajectoryStatus From, string Basis) : IDomainEvent;

/// <summary>Another organisation leads the trajectory now (a direct move or an accepted hand-over).</summary>
internal sealed record LeadOrganisationChanged(Trajectory Trajectory, Actor Actor, Guid From, Guid To) : IDomainEvent;

/// <summary>
/// Something that keeps a trajectory from closing (a message template, see <see cref="Text"/>), with the page where it is
/// dealt with. An argued early close, co-signed by the designated expert, may pass those marked
/// <see cref="EarlyCloseMayPass"/>: an aftercare plan still running and follow-up contacts not yet made.
/// </summary>
internal sealed record ClosingObstacle(string Message, string? Link, bool EarlyCloseMayPass = false);

/// <summary>
/// What keeps a trajectory from closing, contributed by the module that owns it (an open missing episode, a current
/// placement, the 18-plus continuity checklist, …). The hub asks every registered guard and refuses with all reasons.
/// </summary>
internal interface IClosingGuard
{
    Task<IReadOnlyList<ClosingObstacle>> ObstaclesAsync(Trajectory trajectory, CancellationToken ct);
}
