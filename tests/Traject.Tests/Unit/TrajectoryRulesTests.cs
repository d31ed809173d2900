using Traject.Web.Common;
using Traject.Web.Modules.Trajectories;
using static Traject.Web.Modules.Trajectories.TrajectoryStatus;

namespace Traject.Tests.Unit;

public class TrajectoryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly Guid Rik = Guid.CreateVersion7();
    private static readonly Guid Mira = Guid.CreateVersion7();

    private static Trajectory NewTrajectory(TrajectoryStatus status = Active)
    {
        var t = new Trajectory { Status = status, CoordinatorId = Rik, StartedOn = Today.AddDays(-30), OpenedAt = Now.AddDays(-30) };
        t.CoordinatorHistory.Add(new CoordinatorAssignment { TrajectoryId = t.Id, ProfessionalId = Rik, Since = Now.AddDays(-30), AssignedById = Rik });
        return t;
    }

    [Theory]
    [InlineData("Signalled", "Active")]
    [InlineData("Active", "Aftercare")]
    [InlineData("Aftercare", "Active")]
    [InlineData("Signalled", "Closed")]
    [InlineData("Active", "Closed")]
    [InlineData("Aftercare", "Closed")]
    public void Allowed_moves(string from, string to) => Assert.True(Trajectory.CanMove(Enum.Parse<TrajectoryStatus>(from), Enum.Parse<TrajectoryStatus>(to)));

    [Theory]
    [InlineData("Signalled", "Signalled")]
    [InlineData("Signalled", "Aftercare")]
    [InlineData("Active", "Signalled")]
    [InlineData("Active", "Active")]
    [InlineData("Aftercare", "Signalled")]
    [InlineData("Aftercare", "Aftercare")]
    [InlineData("Closed", "Signalled")]
    [InlineData("Closed", "Active")]
    [InlineData("Closed", "Aftercare")]
    [InlineData("Closed", "Closed")]
    public void Refused_moves(string from, string to) => Assert.False(Trajectory.CanMove(Enum.Parse<TrajectoryStatus>(from), Enum.Parse<TrajectoryStatus>(to)));

    [Fact]
    public void Every_pair_of_statuses_has_a_decision_and_closed_is_final()
    {
        foreach (var from in Enum.GetValues<TrajectoryStatus>())
        {
            foreach (var to in Enum.GetValues<TrajectoryStatus>())
            {
                var allowed = Trajectory.CanMove(from, to);
                if (from == Closed)
                {
                    Assert.False(allowed, $"{from} -> {to}");
                }

                if (from == to)
                {
                    Assert.False(allowed, $"{from} -> {to} is no move");
                }
            }
        }
    }

    [Fact]
    public void A_refused_move_is_a_conflict_and_changes_nothing()
    {
        var t = NewTrajectory(Active);
        var error = t.ChangeStatus(Signalled, null, Now);
        Assert.NotNull(error);
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal(Active, t.Status);
    }

    [Fact]
    public void Closing_ends_the_team_on_the_day_but_not_a_hand_overs_grace_period()
    {
        var t = NewTrajectory(Active);
        var member = new CareTeamMembership { TrajectoryId = t.Id, ProfessionalId = Guid.NewGuid(), Role = CareTeamRole.Mentor, From = Today.AddDays(-20) };
        var leaving = new CareTeamMembership
        {
            TrajectoryId = t.Id, ProfessionalId = Guid.NewGuid(), Role = CareTeamRole.Mentor, From = Today.AddDays(-20), To = Today.AddDays(10),
            EndsByHandoverId = Guid.NewGuid(),
        };
        t.CareTeam.AddRange([member, leaving]);
        Assert.Equal([member], t.EndingWithClosing(Today));
        Assert.Null(t.ChangeStatus(Closed, "Verhuisd.", Now));
        Assert.Equal(Today, member.To);
        Assert.NotNull(member.EndedAt);
        Assert.Equal(Today.AddDays(10), leaving.To);
        Assert.Null(leaving.EndedAt);
    }

    [Theory]
    [InlineData("Signalled", "Active", true)]
    [InlineData("Active", "Aftercare", true)]
    [InlineData("Aftercare", "Active", false)]
    [InlineData("Signalled", "Aftercare", false)]
    [InlineData("Active", "Closed", false)]
    [InlineData("Closed", "Active", false)]
    public void Only_the_moves_into_care_and_into_aftercare_happen_by_themselves(string from, string to, bool moves)
    {
        var t = NewTrajectory(Enum.Parse<TrajectoryStatus>(from));
        Assert.Equal(moves, t.MoveByFact(Enum.Parse<TrajectoryStatus>(to)));
        Assert.Equal(moves ? Enum.Parse<TrajectoryStatus>(to) : Enum.Parse<TrajectoryStatus>(from), t.Status);
    }

    [Fact]
    public void An_allowed_move_changes_the_status_only()
    {
        var t = NewTrajectory(Signalled);
        Assert.Equal(ErrorKind.Validation, t.ChangeStatus(Active, null, Now)?.Kind); // every move by hand has a reason
        Assert.Null(t.ChangeStatus(Active, "Hulp gestart.", Now));
        Assert.Equal(Active, t.Status);
        Assert.Null(t.ClosedAt);
        Assert.Null(t.CoordinatorHistory.Single().Until);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Closing_needs_a_reason(string? reason)
    {
        var t = NewTrajectory(Active);
        var error = t.ChangeStatus(Closed, reason, Now);
        Assert.NotNull(error);
        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Contains("reason", error.Fields!.Keys);
        Assert.Equal(Active, t.Status);
        Assert.Null(t.ClosedAt);
    }

    [Fact]
    public void Closing_ends_open_memberships_and_the_coordinator_period()
    {
        var t = NewTrajectory(Aftercare);
        var open = new CareTeamMembership { TrajectoryId = t.Id, ProfessionalId = Mira, From = Today.AddDays(-20) };
        var ended = new CareTeamMembership { TrajectoryId = t.Id, ProfessionalId = Rik, From = Today.AddDays(-20), To = Today.AddDays(-5) };
        t.CareTeam.AddRange([open, ended]);

        Assert.Null(t.ChangeStatus(Closed, "Goals reached", Now));

        Assert.Equal(Closed, t.Status);
        Assert.True(t.IsClosed);
        Assert.Equal(Now, t.ClosedAt);
        Assert.Equal("Goals reached", t.ClosingReason);
        Assert.Equal(Today, open.To);
        Assert.Equal(Today.AddDays(-5), ended.To);
        Assert.Equal(Now, open.EndedAt);
        Assert.False(open.IsActiveAt(Today, Now), "access ends when the trajectory closes, not at midnight");
        Assert.Null(ended.EndedAt);
        Assert.Equal(Now, t.CoordinatorHistory.Single().Until);
    }

    [Fact]
    public void Closing_also_ends_memberships_planned_to_run_past_the_closing_date()
    {
        var t = NewTrajectory(Active);
        var planned = new CareTeamMembership { TrajectoryId = t.Id, ProfessionalId = Mira, From = Today.AddDays(-20), To = Today.AddMonths(3) };
        t.CareTeam.Add(planned);

        Assert.Null(t.ChangeStatus(Closed, "Moved abroad", Now));

        Assert.Equal(Today, planned.To);
        Assert.False(planned.IsActiveAt(Today, Now), "nobody keeps access to a closed trajectory through a membership that was planned to run on");
    }

    [Fact]
    public void Closing_uses_the_Amsterdam_date_for_the_end_of_memberships()
    {
        // 23:30 UTC on 10 March is already 11 March in Amsterdam.
        var late = new DateTimeOffset(2026, 3, 10, 23, 30, 0, TimeSpan.Zero);
        var t = NewTrajectory(Active);
        var member = new CareTeamMembership { TrajectoryId = t.Id, ProfessionalId = Mira, From = Today.AddDays(-20) };
        t.CareTeam.Add(member);
        Assert.Null(t.ChangeStatus(Closed, "Done", late));
        Assert.Equal(new DateOnly(2026, 3, 11), member.To);
    }

    [Fact]
    public void Changing_the_coordinator_keeps_the_history()
    {
        var t = NewTrajectory(Active);
        var later = Now.AddHours(2);

        Assert.Null(t.ChangeCoordinator(Mira, Rik, later));

        Assert.Equal(Mira, t.CoordinatorId);
        Assert.Equal(2, t.CoordinatorHistory.Count);
        var first = t.CoordinatorHistory.Single(c => c.ProfessionalId == Rik);
        var second = t.CoordinatorHistory.Single(c => c.ProfessionalId == Mira);
        Assert.Equal(later, first.Until);
        Assert.Equal(later, second.Since);
        Assert.Null(second.Until);
        Assert.Equal(Rik, second.AssignedById);
        Assert.Equal(t.Id, second.TrajectoryId);

        Assert.Null(t.ChangeCoordinator(Rik, Mira, later.AddHours(1)));
        Assert.Equal(3, t.CoordinatorHistory.Count);
        Assert.Single(t.CoordinatorHistory, c => c.Until is null);
    }

    [Fact]
    public void The_same_coordinator_again_is_refused()
    {
        var t = NewTrajectory(Active);
        var error = t.ChangeCoordinator(Rik, Rik, Now);
        Assert.Equal(ErrorKind.Conflict, error?.Kind);
        Assert.Single(t.CoordinatorHistory);
        Assert.Null(t.CoordinatorHistory[0].Until);
    }

    [Fact]
    public void A_closed_trajectory_keeps_its_coordinator()
    {
        var t = NewTrajectory(Active);
        Assert.Null(t.ChangeStatus(Closed, "Done", Now));
        var error = t.ChangeCoordinator(Mira, Rik, Now.AddDays(1));
        Assert.Equal(ErrorKind.Conflict, error?.Kind);
        Assert.Equal(Rik, t.CoordinatorId);
        Assert.Single(t.CoordinatorHistory);
    }
}
