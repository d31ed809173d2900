using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Continuity;

/// <summary>A trajectory of someone turning 18 does not close before her continuity checklist is complete.</summary>
internal sealed class ContinuityClosingGuard(ContinuityChecklists continuity) : IClosingGuard
{
    public Task<Error?> RefuseClosingAsync(Trajectory trajectory, CancellationToken ct) =>
        continuity.RefuseClosingAsync(trajectory, trajectory.YoungPerson!.DateOfBirth, ct);
}
