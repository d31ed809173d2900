using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Tasks;

/// <summary>Closing ends the open tasks that no longer apply (all but the follow-up contacts after care), each on the timeline.</summary>
internal sealed class EndTasksOnClose(TaskList tasks) : IDomainEventHandler<TrajectoryClosed>
{
    public Task HandleAsync(TrajectoryClosed e, CancellationToken ct) => tasks.EndWithClosingAsync(e.Trajectory.Id, e.Actor, ct);
}
