using Traject.Web.Common;
using Traject.Web.Modules.Continuity;
using Traject.Web.Modules.FuturePlans;

namespace Traject.Tests.Unit;

/// <summary>The 18-plus schedule: her 18th birthday, when the checklist starts, whether a trajectory shows it, and the task's due date.</summary>
public class TurningEighteenTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", null);

    [Theory]
    [InlineData("2009-06-15", "2027-06-15")]
    [InlineData("2009-02-28", "2027-02-28")]
    [InlineData("2008-02-29", "2026-02-28")] // 2026 is not a leap year: 28 February, the day Clock.AgeOn counts her as 18
    [InlineData("2012-02-29", "2030-02-28")]
    [InlineData("2000-02-29", "2018-02-28")]
    [InlineData("2010-03-01", "2028-03-01")] // 2028 is a leap year; nothing moves
    public void Her_18th_birthday_is_the_day_she_counts_as_18(string born, string birthday)
    {
        var dob = D(born);
        var day = TurningEighteen.Birthday(dob);
        Assert.Equal(D(birthday), day);
        Assert.Equal(18, Clock.AgeOn(dob, day));
        Assert.Equal(17, Clock.AgeOn(dob, day.AddDays(-1)));
    }

    [Fact]
    public void Born_on_29_February_she_turns_18_on_28_February_because_18_years_later_is_never_a_leap_year()
    {
        foreach (var year in new[] { 2000, 2004, 2008, 2012, 2016 })
        {
            var dob = new DateOnly(year, 2, 29);
            Assert.Equal(new DateOnly(year + 18, 2, 28), TurningEighteen.Birthday(dob));
            Assert.False(DateTime.IsLeapYear(year + 18));
        }
    }

    [Theory]
    [InlineData("2009-06-15", 9, "2026-09-15")]
    [InlineData("2009-06-15", 1, "2027-05-15")]
    [InlineData("2009-11-30", 9, "2027-02-28")] // 30 November 2027 minus nine months: no 30 February, so the 28th
    [InlineData("2009-05-31", 9, "2026-08-31")]
    [InlineData("2008-02-29", 9, "2025-05-28")] // birthday 28 February 2026, nine months earlier
    [InlineData("2010-05-31", 3, "2028-02-29")] // birthday 31 May 2028 minus 3 months: 29 February in a leap year
    public void The_checklist_starts_the_configured_months_before_the_birthday(string born, int months, string from)
    {
        Assert.Equal(D(from), TurningEighteen.ChecklistFrom(D(born), months));
    }

    [Fact]
    public void A_trajectory_shows_the_checklist_from_its_first_day_until_it_closes_when_it_started_before_her_birthday()
    {
        var dob = D("2008-02-29"); // 18 on 2026-02-28; checklist from 2025-05-28 with nine months
        var started = D("2024-01-10");
        Assert.False(TurningEighteen.Applies(dob, started, D("2025-05-27"), 9));
        Assert.True(TurningEighteen.Applies(dob, started, D("2025-05-28"), 9));
        Assert.True(TurningEighteen.Applies(dob, started, D("2026-02-28"), 9));
        Assert.True(TurningEighteen.Applies(dob, started, D("2027-06-01"), 9)); // past 18, never settled: still there
        // A shorter lead time starts later.
        Assert.False(TurningEighteen.Applies(dob, started, D("2025-10-01"), 3));
        Assert.True(TurningEighteen.Applies(dob, started, D("2025-11-28"), 3));
        // A trajectory that starts on or after her 18th birthday is not about turning 18.
        Assert.False(TurningEighteen.Applies(dob, D("2026-02-28"), D("2026-03-01"), 9));
        Assert.True(TurningEighteen.Applies(dob, D("2026-02-27"), D("2026-03-01"), 9));
    }

    [Fact]
    public void The_task_is_due_three_months_before_the_birthday_or_two_weeks_after_it_starts_when_that_is_later()
    {
        var dob = D("2009-06-15"); // 18 on 2027-06-15
        Assert.Equal(D("2027-03-15"), TurningEighteen.TaskDueOn(dob, D("2026-09-15")));
        Assert.Equal(D("2027-03-15"), TurningEighteen.TaskDueOn(dob, D("2027-03-01")));
        Assert.Equal(D("2027-03-16"), TurningEighteen.TaskDueOn(dob, D("2027-03-02")));
        Assert.Equal(D("2027-07-15"), TurningEighteen.TaskDueOn(dob, D("2027-07-01")));
        // 29 February: birthday 28 February 2026, three months earlier is 28 November 2025.
        Assert.Equal(D("2025-11-28"), TurningEighteen.TaskDueOn(D("2008-02-29"), D("2025-05-28")));
    }
}

/// <summary>How far a future plan is: steps done out of the steps that count.</summary>
public class PlanProgressTests
{
    [Fact]
    public void Dropped_steps_do_not_count_and_an_empty_plan_is_at_zero()
    {
        Assert.Equal(new PlanProgress(0, 0), PlanProgress.Of([]));
        Assert.Equal(0, PlanProgress.Of([]).Percent);
        var p = PlanProgress.Of([StepStatus.Done, StepStatus.Doing, StepStatus.Planned, StepStatus.Dropped, StepStatus.Done]);
        Assert.Equal(new PlanProgress(2, 4), p);
        Assert.Equal(50, p.Percent);
        Assert.Equal(new PlanProgress(0, 0), PlanProgress.Of([StepStatus.Dropped]));
    }

    [Theory]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(1, 8, 13)] // 12.5 rounds up
    [InlineData(3, 3, 100)]
    public void Percent_rounds_half_away_from_zero(int done, int total, int percent) =>
        Assert.Equal(percent, new PlanProgress(done, total).Percent);
}
