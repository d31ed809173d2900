using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Screening;

// Screening publishes what its weighings decide; other modules (registration, …) subscribe.

/// <summary>A weighing made a classification of suspected or acute final: the screening confirms a suspicion.</summary>
internal sealed record SuspicionConfirmed(Trajectory Trajectory, Actor Actor, Classification Final, string Basis) : IDomainEvent;
