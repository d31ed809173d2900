using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Continuity;

/// <summary>A trajectory of someone turning 18 does not close before her continuity checklist is complete.</summary>
internal sealed class ContinuityClosingGuard(ContinuityChecklists continuity) : IClosingGuard
{
    public async Task<IReadOnlyList<ClosingObstacle>> ObstaclesAsync(Trajectory trajectory, CancellationToken ct) =>
        await continuity.RefuseClosingAsync(trajectory, trajectory.YoungPerson!.DateOfBirth, ct) is { } notYet
            ? [new ClosingObstacle(notYet.Message, $"/trajectories/{trajectory.Id}/overview#continuity")]
            : [];
}
