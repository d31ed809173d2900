using Traject.Web.Common;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Unit;

public class CareTeamMembershipTests
{
    private static readonly DateOnly Today = new(2026, 5, 20);

    [Fact]
    public void The_period_counts_on_both_end_days()
    {
        var m = new CareTeamMembership { From = Today, To = Today.AddDays(3) };
        Assert.False(m.IsActiveOn(Today.AddDays(-1)));
        Assert.True(m.IsActiveOn(Today));
        Assert.True(m.IsActiveOn(Today.AddDays(3)));
        Assert.False(m.IsActiveOn(Today.AddDays(4)));
    }

    [Fact]
    public void Without_an_end_date_a_membership_runs_on()
    {
        var m = new CareTeamMembership { From = Today };
        Assert.True(m.IsActiveOn(Today.AddYears(10)));
        Assert.False(m.IsActiveOn(Today.AddDays(-1)));
    }

    [Fact]
    public void Ending_today_or_later_sets_the_end_date()
    {
        var m = new CareTeamMembership { From = Today.AddDays(-10) };
        Assert.Null(m.End(Today, Today));
        Assert.Equal(Today, m.To);
        Assert.True(m.IsActiveOn(Today));
        Assert.False(m.IsActiveOn(Today.AddDays(1)));

        var n = new CareTeamMembership { From = Today.AddDays(-10) };
        Assert.Null(n.End(Today.AddDays(14), Today));
        Assert.Equal(Today.AddDays(14), n.To);
    }

    [Fact]
    public void Ending_yesterday_is_allowed_but_not_earlier()
    {
        var m = new CareTeamMembership { From = Today.AddDays(-10) };
        Assert.Null(m.End(Today.AddDays(-1), Today));

        var n = new CareTeamMembership { From = Today.AddDays(-10) };
        var error = n.End(Today.AddDays(-2), Today);
        Assert.Equal(ErrorKind.Validation, error?.Kind);
        Assert.Contains("endDate", error!.Fields!.Keys);
        Assert.Null(n.To);
    }

    [Fact]
    public void Ending_before_the_start_is_refused()
    {
        var m = new CareTeamMembership { From = Today.AddDays(5) };
        var error = m.End(Today.AddDays(4), Today);
        Assert.Equal(ErrorKind.Validation, error?.Kind);
        Assert.Null(m.To);
    }

    [Fact]
    public void An_ended_membership_cannot_be_ended_again()
    {
        var m = new CareTeamMembership { From = Today.AddDays(-10), To = Today.AddDays(-3) };
        var error = m.End(Today, Today);
        Assert.Equal(ErrorKind.Conflict, error?.Kind);
        Assert.Equal(Today.AddDays(-3), m.To);
    }

    [Fact]
    public void Ending_never_extends_a_membership_beyond_its_end_date()
    {
        // A member may end her own membership; that must not let her stay longer than the coordinator decided.
        var m = new CareTeamMembership { From = Today.AddDays(-10), To = Today.AddDays(3) };
        var error = m.End(Today.AddYears(5), Today);
        Assert.NotNull(error);
        Assert.Equal(Today.AddDays(3), m.To);
    }
}
