using Traject.Web.Common;
using Traject.Web.Modules.Tasks;

namespace Traject.Tests.Unit;

public class CareTaskTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Coordinator = Guid.NewGuid();
    private static readonly Guid Colleague = Guid.NewGuid();

    private static CareTask Task(DateOnly due) => new() { Kind = CareTaskKind.TalkWithYoungPerson, OwnerId = Coordinator, DueOn = due };

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

    [Fact]
    public void The_step_plan_creates_each_step_once_for_the_coordinator()
    {
        var trajectory = Guid.NewGuid();
        var tasks = StepPlan.Create(trajectory, Coordinator, Colleague, Today, Now, acute: false, []).ToList();
        Assert.Equal(7, tasks.Count);
        Assert.Equal(tasks.Count, tasks.Select(t => t.Kind).Distinct().Count());
        Assert.DoesNotContain(tasks, t => t.Kind == CareTaskKind.ScreenAtIntake);
        Assert.All(tasks, t => Assert.Equal(Coordinator, t.OwnerId));
        Assert.All(tasks, t => Assert.Equal(trajectory, t.TrajectoryId));
        Assert.Equal(Today.AddDays(7), tasks.Single(t => t.Kind == CareTaskKind.SafetyAssessment).DueOn);
        Assert.DoesNotContain(tasks, t => t.Kind == CareTaskKind.RegistrationDecision); // due only for a confirmed suspicion
        var registration = StepPlan.RegistrationDecision(trajectory, Coordinator, Colleague, Today, Now, days: 30);
        Assert.Equal((CareTaskKind.RegistrationDecision, Today.AddDays(30), Coordinator), (registration.Kind, registration.DueOn, registration.OwnerId));

        var again = StepPlan.Create(trajectory, Coordinator, Colleague, Today, Now, acute: true,
            [CareTaskKind.TalkWithYoungPerson, CareTaskKind.NetworkAnalysis]).ToList();
        Assert.Equal(5, again.Count);
        Assert.DoesNotContain(again, t => t.Kind is CareTaskKind.TalkWithYoungPerson or CareTaskKind.NetworkAnalysis);
        Assert.Equal(Today.AddDays(1), again.Single(t => t.Kind == CareTaskKind.SafetyAssessment).DueOn);
    }
}
