
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
/// A condition that keeps a trajectory from closing, contributed by the module that owns it (the 18-plus continuity
/// checklist, …). The hub asks every registered guard before it closes and refuses with the first reason.
/// </summary>
internal interface IClosingGuard
{
    Task<Error?> RefuseClosingAsync(Trajectory trajectory, CancellationToken ct);
}
