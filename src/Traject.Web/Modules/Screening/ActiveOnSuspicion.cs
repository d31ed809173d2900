using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Screening;

/// <summary>A confirmed suspicion (a final classification of suspected or acute) brings a signalled trajectory into care.</summary>
internal sealed class ActiveOnSuspicion(TrajectoryLifecycle lifecycle) : IDomainEventHandler<SuspicionConfirmed>
{
    public Task HandleAsync(SuspicionConfirmed e, CancellationToken ct)
    {
        lifecycle.Advance(e.Trajectory, TrajectoryStatus.Active,
            e.Final == Classification.Acute ? LifecycleCause.AcuteConfirmed : LifecycleCause.SuspectedConfirmed, e.Actor, e.Basis);
        return Task.CompletedTask;
    }
}
