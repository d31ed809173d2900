using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Timeline;

namespace Traject.Web.Modules.Registration;

/// <summary>
/// A confirmed suspicion makes the registration decision due for the coordinator ("registration unless"), unless its
/// task is open or a decision was already taken.
/// </summary>
internal sealed class DecisionDueOnSuspicion(TrajectDb db, TimeProvider time, TaskList tasks, TimelineWriter timeline,
    IOptions<RegistrationOptions> options) : IDomainEventHandler<SuspicionConfirmed>
{
    public async Task HandleAsync(SuspicionConfirmed e, CancellationToken ct)
    {
        var t = e.Trajectory;
        if (await tasks.HasOpenAsync(t.Id, RegistrationTaskKinds.RegistrationDecision, ct)
            || await db.RegistrationDecisions.AnyAsync(d => d.TrajectoryId == t.Id, ct))
        {
            return;
        }

        var task = tasks.Add(t.Id, RegistrationTaskKinds.RegistrationDecision, t.CoordinatorId, time.Today().AddDays(options.Value.DecisionDays), e.Actor,
            onTimeline: false);
        timeline.Add(t.Id, e.Actor, TasksTimelineKinds.TaskCreated, TaskList.Link(t.Id), "Suspicion confirmed: the registration decision is due on {0}",
            task.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
