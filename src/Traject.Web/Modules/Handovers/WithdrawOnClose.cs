using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Handovers;

/// <summary>Closing a trajectory withdraws its proposed hand-over, in the same transaction.</summary>
internal sealed class WithdrawOnClose(WarmHandovers handovers) : IDomainEventHandler<TrajectoryClosed>
{
    public Task HandleAsync(TrajectoryClosed e, CancellationToken ct) => handovers.WithdrawOpenAsync(e.Trajectory, e.Actor, e.Basis, ct);
}
