using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Tests.Unit;

/// <summary>
/// The pure rules of placements: duration warnings, ages and turning 18, target gender, the indication, the next-step
/// deadline, phase moves and time-outs, on a fake clock.
/// </summary>
public class PlacementRulesTests
{
    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly Start = new(2026, 3, 2);

    /// <summary>Her date of birth when she is <paramref name="age"/> at the start (her birthday ten days before it).</summary>
    private static DateOnly BornAged(int age) => Start.AddYears(-age).AddDays(-10);

    private static PlacementFacts Facts(DateOnly? plannedEnd = null, DateOnly? ended = null, int? maxWeeks = 12, DateOnly? nextDue = null,
        bool named = false, int age = 15, DateOnly? born = null, int? maxAge = 18, int? aboutWeeks = null) =>
        new(Start, plannedEnd, ended, maxWeeks, nextDue, named, born ?? BornAged(age), 12, maxAge, aboutWeeks);

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
    public void Her_age_at_the_start_outside_the_target_ages_is_warned_about_and_an_18_year_old_is_outside_12_to_18()
    {
        Assert.Empty(PlacementRules.Warnings(Facts(age: 12), Start));
        Assert.Empty(PlacementRules.Warnings(Facts(age: 17), Start));
        Assert.Contains(PlacementWarning.AgeOutsideTargetGroup, PlacementRules.Warnings(Facts(age: 18), Start)); // "12 to 18" ends at 18
        Assert.Contains(PlacementWarning.AgeOutsideTargetGroup, PlacementRules.Warnings(Facts(age: 11), Start));
        Assert.Contains(PlacementWarning.AgeOutsideTargetGroup, PlacementRules.Warnings(Facts(age: 19), Start));
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(17, true)]
    [InlineData(18, false)]
    public void Ages_from_10_to_18_include_10_and_end_before_18(int age, bool fits)
    {
        Assert.Equal(fits, PlacementRules.AgeFits(age, 10, 18));
        Assert.True(PlacementRules.AgeFits(age, null, null));
    }

    [Fact]
    public void A_placement_in_a_programme_that_ends_at_18_warns_when_it_runs_into_her_18th_birthday()
    {
        var born = Start.AddYears(-18).AddDays(100); // she turns 18 a hundred days after the start
        Assert.Equal(Start.AddDays(100), PlacementRules.EighteenthBirthday(born));
        Assert.Contains(PlacementWarning.PassesEighteenthBirthday, PlacementRules.Warnings(Facts(born: born, plannedEnd: Start.AddDays(120)), Start));
        Assert.Contains(PlacementWarning.PassesEighteenthBirthday, PlacementRules.Warnings(Facts(born: born, plannedEnd: Start.AddDays(100)), Start));
        Assert.DoesNotContain(PlacementWarning.PassesEighteenthBirthday, PlacementRules.Warnings(Facts(born: born, plannedEnd: Start.AddDays(99)), Start));

        // Without a planned end the programme's duration counts: 12 weeks end before her birthday, 20 weeks after it.
        Assert.DoesNotContain(PlacementWarning.PassesEighteenthBirthday, PlacementRules.Warnings(Facts(born: born, maxWeeks: 12), Start));
        Assert.Contains(PlacementWarning.PassesEighteenthBirthday, PlacementRules.Warnings(Facts(born: born, maxWeeks: 20), Start));
        Assert.Contains(PlacementWarning.PassesEighteenthBirthday, PlacementRules.Warnings(Facts(born: born, maxWeeks: null, aboutWeeks: 52), Start));

        // Still there on her birthday: the warning stays while the placement runs; an ended one is history.
        Assert.Contains(PlacementWarning.PassesEighteenthBirthday, PlacementRules.Warnings(Facts(born: born, maxWeeks: null), Start.AddDays(100)));
        Assert.DoesNotContain(PlacementWarning.PassesEighteenthBirthday, PlacementRules.Warnings(Facts(born: born, maxWeeks: null), Start.AddDays(99)));
        Assert.DoesNotContain(PlacementWarning.PassesEighteenthBirthday,
            PlacementRules.Warnings(Facts(born: born, plannedEnd: Start.AddDays(120), ended: Start.AddDays(110)), Start.AddDays(111)));

        // A programme that goes on after 18 (Veilig Lima: 14 to 24) gives no such warning.
        Assert.DoesNotContain(PlacementWarning.PassesEighteenthBirthday, PlacementRules.Warnings(Facts(born: born, plannedEnd: Start.AddDays(120), maxAge: 24), Start));
    }

    [Fact]
    public void An_indicative_duration_only_warns_and_is_no_maximum()
    {
        Assert.Equal(Start.AddDays(364), PlacementRules.IndicativeEnd(Start, 52));
        var about = Facts(maxWeeks: null, aboutWeeks: 52);
        Assert.Empty(PlacementRules.Warnings(about, Start.AddDays(364)));
        Assert.Equal([PlacementWarning.BeyondIndicativeDuration], PlacementRules.Warnings(about, Start.AddDays(365)));
        Assert.Equal([PlacementWarning.BeyondIndicativeDuration], PlacementRules.Warnings(Facts(maxWeeks: null, aboutWeeks: 52, plannedEnd: Start.AddDays(400)), Start));
        Assert.Empty(PlacementRules.Warnings(Facts(maxWeeks: null, aboutWeeks: 52, plannedEnd: Start.AddDays(400), ended: Start.AddDays(300)), Start.AddDays(500)));
    }

    [Fact]
    public void A_programme_serves_a_gender_or_all_and_other_or_unknown_is_unclear()
    {
        Assert.Equal(GenderFit.Serves, PlacementRules.Serves(TargetGender.Girls, Gender.Girl));
        Assert.Equal(GenderFit.Serves, PlacementRules.Serves(TargetGender.Boys, Gender.Boy));
        Assert.Equal(GenderFit.NotServed, PlacementRules.Serves(TargetGender.Girls, Gender.Boy));
        Assert.Equal(GenderFit.NotServed, PlacementRules.Serves(TargetGender.Boys, Gender.Girl));
        Assert.Equal(GenderFit.Unclear, PlacementRules.Serves(TargetGender.Girls, Gender.Other));
        Assert.Equal(GenderFit.Unclear, PlacementRules.Serves(TargetGender.Boys, Gender.Unknown));
        Assert.All(Enum.GetValues<Gender>(), g => Assert.Equal(GenderFit.Serves, PlacementRules.Serves(TargetGender.All, g)));
    }

    [Fact]
    public void A_closed_setting_needs_the_JeugdzorgPlus_indication_in_the_catalogue_and_on_the_placement()
    {
        Assert.True(PlacementRules.NeedsIndication(RequiredIndication.None, PlacementSetting.Closed));
        Assert.True(PlacementRules.NeedsIndication(RequiredIndication.JeugdzorgPlus, PlacementSetting.Closed));
        Assert.False(PlacementRules.NeedsIndication(RequiredIndication.JeugdzorgPlus, PlacementSetting.Open));
        Assert.False(PlacementRules.NeedsIndication(RequiredIndication.None, PlacementSetting.SemiClosed));

        Assert.Null(PlacementRules.CheckIndication([PlacementSetting.Closed], RequiredIndication.JeugdzorgPlus));
        Assert.Null(PlacementRules.CheckIndication([PlacementSetting.Open, PlacementSetting.Closed], RequiredIndication.JeugdzorgPlus));
        Assert.Null(PlacementRules.CheckIndication([PlacementSetting.Open], RequiredIndication.None));
        Assert.Contains("requiredIndication", PlacementRules.CheckIndication([PlacementSetting.Closed], RequiredIndication.None)!.Fields!.Keys);
        Assert.Contains("requiredIndication", PlacementRules.CheckIndication([PlacementSetting.Open], RequiredIndication.JeugdzorgPlus)!.Fields!.Keys);
    }

    [Fact]
    public void The_built_in_catalogue_keeps_the_facts_of_its_sources()
    {
        var all = BuiltInProgrammes.All.Select(b => b.Request).ToDictionary(r => r.Code!);
        Assert.All(all.Values, r => Assert.Null(PlacementRules.CheckIndication(r.Settings!, r.RequiredIndication ?? RequiredIndication.None)));
        Assert.All(all.Values.Where(r => !r.Code!.StartsWith("generic-", StringComparison.Ordinal)), r => Assert.Equal(TargetGender.Girls, r.TargetGender));
        Assert.Equal(TargetGender.All, all["generic-outpatient"].TargetGender);
        Assert.Equal(TargetGender.All, all["generic-foster-care"].TargetGender);
        Assert.Equal(RequiredIndication.JeugdzorgPlus, all["pinq-closed"].RequiredIndication);
        Assert.Equal(RequiredIndication.JeugdzorgPlus, all["hoenderloo-loverboy"].RequiredIndication);

        // "About one year" is an indicative duration, "at most nine months" a maximum.
        Assert.Null(all["ego-strengthening-jzplus"].MaxDurationWeeks);
        Assert.Equal(52, all["ego-strengthening-jzplus"].IndicativeDurationWeeks);
        Assert.Equal(39, all["intermetzo-trafficking"].MaxDurationWeeks);
        Assert.Equal(18, all["intermetzo-trafficking"].MaxAge);
    }

    [Fact]
    public void A_time_out_without_an_end_lasts_two_weeks_and_the_default_cannot_exceed_the_maximum()
    {
        var ends = PlacementRules.TimeOutEnd(Start, null, 14);
        Assert.Equal(Start.AddDays(13), ends);
        Assert.Null(PlacementRules.CheckTimeOut(PlacementSetting.Open, Start, Start, ends, [], 14));
        Assert.Equal(Start.AddDays(3), PlacementRules.TimeOutEnd(Start, Start.AddDays(3), 14));

        // Repeated: the next two weeks start the day after.
        Assert.Null(PlacementRules.CheckTimeOut(PlacementSetting.Open, Start, ends.AddDays(1), PlacementRules.TimeOutEnd(ends.AddDays(1), null, 14),
            [(Start, ends)], 28));

        Assert.Empty(new PlacementOptions().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new PlacementOptions())));
        var wrong = new PlacementOptions { TimeOutDefaultDays = 30, TimeOutMaxDays = 28 };
        Assert.NotEmpty(wrong.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(wrong)));
        Assert.Equal(14, new PlacementOptions().TimeOutDefaultDays);
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
