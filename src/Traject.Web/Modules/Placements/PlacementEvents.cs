using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Placements;

// A placement's life is part of the trajectory's: other modules (safety, aftercare, the lifecycle) subscribe. Each event
// carries the access basis on which the professional made the change.

/// <summary>A placement started (a phase change of the trajectory).</summary>
internal sealed record PlacementStarted(Placement Placement, Trajectory Trajectory, Actor Actor, string Basis) : IDomainEvent;

/// <summary>A placement moved to another phase of its programme.</summary>
internal sealed record PlacementPhaseChanged(Placement Placement, Trajectory Trajectory, Actor Actor, string Basis) : IDomainEvent;

/// <summary>A placement ended.</summary>
internal sealed record PlacementEnded(Placement Placement, Trajectory Trajectory, Actor Actor, string Basis) : IDomainEvent;
