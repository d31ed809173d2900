using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Tasks;

/// <summary>Uniform screening: every trajectory that starts at a youth-care provider starts with a screening task for its coordinator.</summary>
internal sealed class IntakeScreeningTask(TaskList tasks, TimeProvider time) : IDomainEventHandler<TrajectoryStarted>
{
    public Task HandleAsync(TrajectoryStarted e, CancellationToken ct)
    {
        if (e.LeadOrganisationKind == OrganisationKind.YouthCareProvider)
        {
            tasks.Add(e.Trajectory.Id, CareTaskKind.ScreenAtIntake, e.Trajectory.CoordinatorId,
                time.Today().AddDays(StepPlan.IntakeScreening.Days), e.Actor);
        }

        return Task.CompletedTask;
    }
}
