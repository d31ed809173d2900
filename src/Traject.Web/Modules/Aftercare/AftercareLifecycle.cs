using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Aftercare;

/// <summary>
/// The end of care, whichever way it comes: moving into aftercare (by hand or by itself) or closing from care plans the
/// follow-up contacts, in the same transaction.
/// </summary>
internal sealed class FollowUpsAtEndOfCare(Aftercares aftercare) : IDomainEventHandler<TrajectoryStatusChanged>
{
    public Task HandleAsync(TrajectoryStatusChanged e, CancellationToken ct) =>
        e.Trajectory.Status == TrajectoryStatus.Aftercare
        || (e.Trajectory.Status == TrajectoryStatus.Closed && e.From is TrajectoryStatus.Active or TrajectoryStatus.Aftercare)
            ? aftercare.PlanFollowUpsAsync(e.Trajectory, e.Actor, ct)
            : Task.CompletedTask;
}

/// <summary>The last placement ends while an aftercare plan exists: the trajectory moves into aftercare by itself.</summary>
internal sealed class AftercareWhenCareEnds(TrajectDb db, Aftercares aftercare, TrajectoryLifecycle lifecycle) : IDomainEventHandler<PlacementEnded>
{
    public async Task HandleAsync(PlacementEnded e, CancellationToken ct)
    {
        if (e.Trajectory.Status == TrajectoryStatus.Active
            && await db.AftercarePlans.AnyAsync(p => p.TrajectoryId == e.Trajectory.Id, ct)
            && await aftercare.CareEndedAsync(e.Trajectory.Id, e.Placement.Id, ct))
        {
            lifecycle.Advance(e.Trajectory, TrajectoryStatus.Aftercare, LifecycleCause.CareEnded, e.Actor, e.Basis);
        }
    }
}

/// <summary>
/// Aftercare keeps a trajectory open while its plan runs and its follow-up contacts are not all made; an argued early
/// close, co-signed by the designated expert, may pass both (the follow-ups then stay planned).
/// </summary>
internal sealed class AftercareClosingGuard(TrajectDb db, TimeProvider time) : IClosingGuard
{
    public async Task<IReadOnlyList<ClosingObstacle>> ObstaclesAsync(Trajectory trajectory, CancellationToken ct)
    {
        var obstacles = new List<ClosingObstacle>();
        var link = $"/trajectories/{trajectory.Id}/aftercare";
        var plan = await db.AftercarePlans.AsNoTracking().Where(p => p.TrajectoryId == trajectory.Id)
            .Select(p => new { p.StartsOn, p.Months }).SingleOrDefaultAsync(ct);
        if (plan is not null && plan.StartsOn.AddMonths(plan.Months) > time.Today())
        {
            obstacles.Add(new ClosingObstacle(Text.Encode("The aftercare plan runs until {0}.",
                plan.StartsOn.AddMonths(plan.Months).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture)), link, EarlyCloseMayPass: true));
        }

        var open = await db.FollowUpContacts.AsNoTracking().CountAsync(f => f.TrajectoryId == trajectory.Id && f.RecordedAt == null, ct);
        if (open > 0)
        {
            obstacles.Add(new ClosingObstacle(Text.Encode("{0} follow-up contacts are not made yet.", open), link + "#follow-ups", EarlyCloseMayPass: true));
        }

        return obstacles;
    }
}
