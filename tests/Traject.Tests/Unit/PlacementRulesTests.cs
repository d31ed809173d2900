using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Placements;

namespace Traject.Tests.Unit;

/// <summary>The pure rules of placements: duration warnings, the next-step deadline, phase moves and time-outs, on a fake clock.</summary>
public class PlacementRulesTests
{
    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly Start = new(2026, 3, 2);

    private static PlacementFacts Facts(DateOnly? plannedEnd = null, DateOnly? ended = null, int? maxWeeks = 12, DateOnly? nextDue = null,
        bool named = false, int age = 15) => new(Start, plannedEnd, ended, maxWeeks, nextDue, named, age, 12, 18);

    [Fact]
    public void A_residential_placement_must_name_its_next_step_within_the_configured_days_an_outpatient_one_not()
    {
        Assert.Equal(Start.AddDays(28), PlacementRules.NextStepDue(PlacementSetting.Open, Start, 28));
        Assert.Equal(Start.AddDays(14), PlacementRules.NextStepDue(PlacementSetting.Closed, Start, 14));
        Assert.Equal(Start.AddDays(28), PlacementRules.NextStepDue(PlacementSetting.FosterFamily, Start, 28));
        Assert.Null(PlacementRules.NextStepDue(PlacementSetting.Outpatient, Start, 28));
    }

    [Fact]
    public void The_next_step_is_overdue_only_after_the_deadline_and_only_while_unnamed_and_not_ended()
    {
        var due = PlacementRules.NextStepDue(PlacementSetting.Open, Start, 28);
        _clock.Set(new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.Zero)); // the deadline itself
        Assert.DoesNotContain(PlacementWarning.NextStepOverdue, PlacementRules.Warnings(Facts(nextDue: due), _clock.Today()));
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Contains(PlacementWarning.NextStepOverdue, PlacementRules.Warnings(Facts(nextDue: due), _clock.Today()));
        Assert.DoesNotContain(PlacementWarning.NextStepOverdue, PlacementRules.Warnings(Facts(nextDue: due, named: true), _clock.Today()));
        Assert.DoesNotContain(PlacementWarning.NextStepOverdue, PlacementRules.Warnings(Facts(nextDue: due, ended: Start.AddDays(20)), _clock.Today()));
        Assert.DoesNotContain(PlacementWarning.NextStepOverdue, PlacementRules.Warnings(Facts(nextDue: null), _clock.Today()));
    }

    [Fact]
    public void A_placement_longer_than_the_maximum_duration_is_warned_about_and_so_is_a_planned_end_beyond_it()
    {
        Assert.Equal(Start.AddDays(84), PlacementRules.MaximumEnd(Start, 12));
        Assert.Null(PlacementRules.MaximumEnd(Start, null));

        _clock.Set(new DateTimeOffset(2026, 5, 25, 10, 0, 0, TimeSpan.Zero)); // start + 84 days: the last day within the maximum
        Assert.Empty(PlacementRules.Warnings(Facts(), _clock.Today()));
        Assert.Equal([PlacementWarning.PlannedEndBeyondMaximum], PlacementRules.Warnings(Facts(plannedEnd: Start.AddDays(100)), _clock.Today()));
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal([PlacementWarning.ExceedsMaximumDuration], PlacementRules.Warnings(Facts(plannedEnd: Start.AddDays(100)), _clock.Today()));

        // An ended placement is judged by its end date; a programme without a maximum never warns.
        Assert.Empty(PlacementRules.Warnings(Facts(ended: Start.AddDays(80)), _clock.Today()));
        Assert.Equal([PlacementWarning.ExceedsMaximumDuration], PlacementRules.Warnings(Facts(ended: Start.AddDays(90)), _clock.Today()));
        Assert.Empty(PlacementRules.Warnings(Facts(maxWeeks: null), _clock.Today().AddYears(2)));
    }

    [Fact]
    public void Her_age_at_the_start_outside_the_target_ages_is_warned_about()
    {
        Assert.Empty(PlacementRules.Warnings(Facts(age: 12), Start));
        Assert.Empty(PlacementRules.Warnings(Facts(age: 18), Start));
        Assert.Contains(PlacementWarning.AgeOutsideTargetGroup, PlacementRules.Warnings(Facts(age: 11), Start));
        Assert.Contains(PlacementWarning.AgeOutsideTargetGroup, PlacementRules.Warnings(Facts(age: 19), Start));
    }

    [Fact]
    public void Phases_move_to_an_existing_other_phase_from_a_date_not_in_the_future_and_going_back_needs_a_note()
    {
        var today = Start.AddDays(30);
        var since = Start.AddDays(10);
        Assert.Null(PlacementRules.CheckPhaseMove(1, since, 2, 4, today, null, today));
        Assert.Null(PlacementRules.CheckPhaseMove(1, since, 3, 4, since, null, today));
        Assert.Equal(ErrorKind.Validation, PlacementRules.CheckPhaseMove(1, since, 5, 4, today, null, today)!.Kind);
        Assert.Equal(ErrorKind.Validation, PlacementRules.CheckPhaseMove(1, since, 0, 4, today, null, today)!.Kind);
        Assert.Equal(ErrorKind.Conflict, PlacementRules.CheckPhaseMove(2, since, 2, 4, today, null, today)!.Kind);
        Assert.Contains("startedOn", PlacementRules.CheckPhaseMove(1, since, 2, 4, today.AddDays(1), null, today)!.Fields!.Keys);
        Assert.Contains("startedOn", PlacementRules.CheckPhaseMove(1, since, 2, 4, since.AddDays(-1), null, today)!.Fields!.Keys);
        Assert.Contains("note", PlacementRules.CheckPhaseMove(3, since, 2, 4, today, " ", today)!.Fields!.Keys);
        Assert.Null(PlacementRules.CheckPhaseMove(3, since, 2, 4, today, "Terugval na weglopen", today));
    }

    [Fact]
    public void A_time_out_fits_inside_an_open_placement_is_short_and_does_not_overlap_another()
    {
        (DateOnly, DateOnly)[] none = [];
        Assert.Null(PlacementRules.CheckTimeOut(PlacementSetting.Open, Start, Start.AddDays(10), Start.AddDays(23), none, 14));
        Assert.Contains("endsOn", PlacementRules.CheckTimeOut(PlacementSetting.Open, Start, Start.AddDays(10), Start.AddDays(24), none, 14)!.Fields!.Keys);
        Assert.Contains("endsOn", PlacementRules.CheckTimeOut(PlacementSetting.Open, Start, Start.AddDays(10), Start.AddDays(9), none, 14)!.Fields!.Keys);
        Assert.Contains("startsOn", PlacementRules.CheckTimeOut(PlacementSetting.Open, Start, Start.AddDays(-1), Start.AddDays(3), none, 14)!.Fields!.Keys);
        Assert.Equal(ErrorKind.Conflict, PlacementRules.CheckTimeOut(PlacementSetting.Closed, Start, Start.AddDays(1), Start.AddDays(3), none, 14)!.Kind);
        Assert.Equal(ErrorKind.Conflict, PlacementRules.CheckTimeOut(PlacementSetting.Outpatient, Start, Start.AddDays(1), Start.AddDays(3), none, 14)!.Kind);
        Assert.Equal(ErrorKind.Conflict, PlacementRules.CheckTimeOut(PlacementSetting.SemiClosed, Start, Start.AddDays(5), Start.AddDays(8),
            [(Start.AddDays(8), Start.AddDays(12))], 14)!.Kind);
        Assert.Null(PlacementRules.CheckTimeOut(PlacementSetting.FamilyHome, Start, Start.AddDays(13), Start.AddDays(15), [(Start.AddDays(8), Start.AddDays(12))], 14));
    }

    [Fact]
    public void A_placement_ends_on_or_after_its_start_and_not_in_the_future()
    {
        Assert.Null(PlacementRules.CheckEnd(Start, Start, Start));
        Assert.Contains("endedOn", PlacementRules.CheckEnd(Start, Start.AddDays(-1), Start)!.Fields!.Keys);
        Assert.Contains("endedOn", PlacementRules.CheckEnd(Start, Start.AddDays(1), Start)!.Fields!.Keys);
    }
}
