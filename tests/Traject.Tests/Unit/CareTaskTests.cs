using Microsoft.Extensions.Configuration;
using Traject.Web.Common;
using Traject.Web.Modules.Aftercare;
using Traject.Web.Modules.Continuity;
using Traject.Web.Modules.Network;
using Traject.Web.Modules.Registration;
using Traject.Web.Modules.ReportingCode;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Triage;

namespace Traject.Tests.Unit;

public class CareTaskTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Coordinator = Guid.NewGuid();
    private static readonly Guid Colleague = Guid.NewGuid();

    private static CareTask Task(DateOnly due) => new() { Kind = TasksTaskKinds.TalkWithYoungPerson, OwnerId = Coordinator, DueOn = due };

    [Fact]
    public void A_task_is_overdue_only_after_its_due_day_and_only_while_open()
    {
        var t = Task(Today);
        Assert.False(t.IsOverdue(Today));
        Assert.True(t.IsOverdue(Today.AddDays(1)));
        Assert.Null(t.Complete(Colleague, "  besproken  ", Now));
        Assert.False(t.IsOverdue(Today.AddDays(1)));
        Assert.Equal("besproken", t.CompletionNote);
        Assert.Equal(Colleague, t.CompletedById);
    }

    [Fact]
    public void A_task_is_done_once()
    {
        var t = Task(Today);
        Assert.Null(t.Complete(Coordinator, null, Now));
        Assert.Equal(ErrorKind.Conflict, t.Complete(Coordinator, null, Now.AddHours(1))?.Kind);
        Assert.Equal(Now, t.CompletedAt);
        Assert.Null(t.CompletionNote);
        Assert.Equal(ErrorKind.Conflict, t.Plan(Colleague, Today.AddDays(3), Today)?.Kind);
    }

    [Fact]
    public void Planning_moves_the_due_date_forward_but_not_into_the_past()
    {
        var t = Task(Today.AddDays(-3)); // already overdue
        Assert.Null(t.Plan(Colleague, Today.AddDays(-3), Today)); // a new owner, keeping the date, is fine
        Assert.Equal(Colleague, t.OwnerId);
        var error = t.Plan(Colleague, Today.AddDays(-1), Today);
        Assert.Equal(ErrorKind.Validation, error?.Kind);
        Assert.Equal(Today.AddDays(-3), t.DueOn);
        Assert.Null(t.Plan(Coordinator, Today.AddDays(5), Today));
        Assert.Equal(Today.AddDays(5), t.DueOn);
    }

    /// <summary>The step plan as the app composes it: each module that owns a step adds it.</summary>
    private static StepPlan AppStepPlan()
    {
        var config = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddTasks().AddSafety(config).AddNetwork(config).AddReportingCode().AddTriage()
            .BuildServiceProvider();
        return services.GetRequiredService<StepPlan>();
    }

    [Fact]
    public void The_step_plan_gathers_the_steps_of_their_owners_in_order()
    {
        Assert.Equal(
            [
                (TasksTaskKinds.TalkWithYoungPerson, 7), (SafetyTaskKinds.SafetyAssessment, 7), (TasksTaskKinds.InvolveParentsAndNetwork, 14),
                (ReportingCodeTaskKinds.ReportingCodeDecision, 14), (TasksTaskKinds.ConsultPoliceLiaison, 14),
                (NetworkTaskKinds.NetworkAnalysis, 28), (TriageTaskKinds.ReferralForTriage, 28),
            ],
            AppStepPlan().Steps.Select(s => (s.Kind, s.Days)));
    }

    [Fact]
    public void Every_task_kind_is_declared_once_by_its_owner_and_fits_its_column()
    {
        var all = CareTaskKinds.All;
        Assert.Equal(17, all.Count);
        Assert.All(all, k => Assert.InRange(k.Name.Length, 1, CareTaskKind.NameMaxLength));
        Assert.Equal(AftercareTaskKinds.FollowUpContact.DoneByRecording, CareTaskKinds.Named("FollowUpContact").DoneByRecording);
        Assert.Equal("/trajectories/00000000-0000-0000-0000-000000000000/safety", CareTaskKinds.Named("SafetyAssessment").Href(Guid.Empty));
        Assert.Equal("/trajectories/00000000-0000-0000-0000-000000000000/overview#continuity", ContinuityTaskKinds.PlanContinuityAtEighteen.Href(Guid.Empty));
        Assert.Null(CareTaskKinds.Named("NoLongerDeclared").Href(Guid.Empty)); // a stored name no module declares any more still reads
    }

    [Fact]
    public void The_step_plan_creates_each_step_once_for_the_coordinator()
    {
        var trajectory = Guid.NewGuid();
        var stepPlan = AppStepPlan();
        var tasks = stepPlan.Create(trajectory, Coordinator, Colleague, Today, Now, acute: false, []).ToList();
        Assert.Equal(7, tasks.Count);
        Assert.Equal(tasks.Count, tasks.Select(t => t.Kind).Distinct().Count());
        Assert.DoesNotContain(tasks, t => t.Kind == ScreeningTaskKinds.ScreenAtIntake);
        Assert.All(tasks, t => Assert.Equal(Coordinator, t.OwnerId));
        Assert.All(tasks, t => Assert.Equal(trajectory, t.TrajectoryId));
        Assert.Equal(Today.AddDays(7), tasks.Single(t => t.Kind == SafetyTaskKinds.SafetyAssessment).DueOn);
        Assert.DoesNotContain(tasks, t => t.Kind == RegistrationTaskKinds.RegistrationDecision); // due only for a confirmed suspicion

        var again = stepPlan.Create(trajectory, Coordinator, Colleague, Today, Now, acute: true,
            [TasksTaskKinds.TalkWithYoungPerson, NetworkTaskKinds.NetworkAnalysis]).ToList();
        Assert.Equal(5, again.Count);
        Assert.DoesNotContain(again, t => t.Kind == TasksTaskKinds.TalkWithYoungPerson || t.Kind == NetworkTaskKinds.NetworkAnalysis);
        Assert.Equal(Today.AddDays(1), again.Single(t => t.Kind == SafetyTaskKinds.SafetyAssessment).DueOn);
    }
}
