using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Screening;

/// <summary>Uniform screening: every trajectory that starts at a youth-care provider starts with a screening task for its coordinator.</summary>
internal sealed class IntakeScreeningTask(TaskList tasks, TimeProvider time) : IDomainEventHandler<TrajectoryStarted>
{
    /// <summary>The days the screening at intake has from the start of the trajectory.</summary>
    public const int Days = 14;

    public Task HandleAsync(TrajectoryStarted e, CancellationToken ct)
    {
        if (e.LeadOrganisationKind == OrganisationKind.YouthCareProvider)
        {
            tasks.Add(e.Trajectory.Id, ScreeningTaskKinds.ScreenAtIntake, e.Trajectory.CoordinatorId, time.Today().AddDays(Days), e.Actor);
        }

        return Task.CompletedTask;
    }
}
