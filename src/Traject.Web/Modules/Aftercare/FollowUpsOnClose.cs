using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Aftercare;

/// <summary>Closing a trajectory after care plans the follow-up contacts (revictimisation monitoring), in the same transaction.</summary>
internal sealed class FollowUpsOnClose(Aftercares aftercare) : IDomainEventHandler<TrajectoryClosed>
{
    public Task HandleAsync(TrajectoryClosed e, CancellationToken ct)
    {
        aftercare.ScheduleFollowUps(e.Trajectory, e.From, e.Actor);
        return Task.CompletedTask;
    }
}
