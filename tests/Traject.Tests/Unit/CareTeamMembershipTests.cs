using Traject.Web.Common;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Unit;

public class CareTeamMembershipTests
{
    private static readonly DateOnly Today = new(2026, 5, 20);
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 9, 30, 0, TimeSpan.Zero);

    private static bool ActiveOn(CareTeamMembership m, DateOnly day) => m.IsActiveAt(day, Now.AddDays(day.DayNumber - Today.DayNumber));

    [Fact]
    public void The_period_counts_on_both_end_days()
    {
        var m = new CareTeamMembership { From = Today, To = Today.AddDays(3) };
        Assert.False(ActiveOn(m, Today.AddDays(-1)));
        Assert.True(ActiveOn(m, Today));
        Assert.True(ActiveOn(m, Today.AddDays(3)));
        Assert.False(ActiveOn(m, Today.AddDays(4)));
    }

    [Fact]
    public void Without_an_end_date_a_membership_runs_on()
    {
        var m = new CareTeamMembership { From = Today };
        Assert.True(ActiveOn(m, Today.AddYears(10)));
        Assert.False(ActiveOn(m, Today.AddDays(-1)));
    }

    [Fact]
    public void Ending_today_revokes_at_that_moment()
    {
        var m = new CareTeamMembership { From = Today.AddDays(-10) };
        Assert.True(m.IsActiveAt(Today, Now));
        Assert.Null(m.End(Today, Today, Now));
        Assert.Equal(Today, m.To);
        Assert.Equal(Now, m.EndedAt);
        Assert.True(m.IsActiveAt(Today, Now.AddSeconds(-1)));
        Assert.False(m.IsActiveAt(Today, Now));
        Assert.False(m.IsActiveAt(Today, Now.AddMinutes(1)));
    }

    [Fact]
    public void Ending_on_a_later_day_keeps_the_membership_until_that_day_ends()
    {
        var n = new CareTeamMembership { From = Today.AddDays(-10) };
        Assert.Null(n.End(Today.AddDays(14), Today, Now));
        Assert.Equal(Today.AddDays(14), n.To);
        Assert.Null(n.EndedAt);
        Assert.True(ActiveOn(n, Today.AddDays(14)));
        Assert.False(ActiveOn(n, Today.AddDays(15)));
    }

    [Fact]
    public void Ending_yesterday_is_allowed_but_not_earlier()
    {
        var m = new CareTeamMembership { From = Today.AddDays(-10) };
        Assert.Null(m.End(Today.AddDays(-1), Today, Now));

        var n = new CareTeamMembership { From = Today.AddDays(-10) };
        var error = n.End(Today.AddDays(-2), Today, Now);
        Assert.Equal(ErrorKind.Validation, error?.Kind);
        Assert.Contains("endDate", error!.Fields!.Keys);
        Assert.Null(n.To);
    }

    [Fact]
    public void Ending_before_the_start_is_refused()
    {
        var m = new CareTeamMembership { From = Today.AddDays(5) };
        var error = m.End(Today.AddDays(4), Today, Now);
        Assert.Equal(ErrorKind.Validation, error?.Kind);
        Assert.Null(m.To);
    }

    [Fact]
    public void A_membership_ended_today_cannot_be_ended_again()
    {
        var today = new CareTeamMembership { From = Today.AddDays(-10) };
        Assert.Null(today.End(Today, Today, Now));
        Assert.Equal(ErrorKind.Conflict, today.End(Today, Today, Now.AddMinutes(5))?.Kind);
        Assert.Equal(Now, today.EndedAt);
    }

    [Fact]
    public void An_ended_membership_cannot_be_ended_again()
    {
        var m = new CareTeamMembership { From = Today.AddDays(-10), To = Today.AddDays(-3) };
        var error = m.End(Today, Today, Now);
        Assert.Equal(ErrorKind.Conflict, error?.Kind);
        Assert.Equal(Today.AddDays(-3), m.To);
    }

    [Fact]
    public void Ending_never_extends_a_membership_beyond_its_end_date()
    {
        // A member may end her own membership; that must not let her stay longer than the coordinator decided.
        var m = new CareTeamMembership { From = Today.AddDays(-10), To = Today.AddDays(3) };
        var error = m.End(Today.AddYears(5), Today, Now);
        Assert.NotNull(error);
        Assert.Equal(Today.AddDays(3), m.To);
    }
}
