using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Safety;

namespace Traject.Tests.Unit;

public class SafetyRulesTests
{
    private static Dictionary<SafetyItem, Concern> Ratings(params (SafetyItem Item, Concern Concern)[] set)
    {
        var all = Enum.GetValues<SafetyItem>().ToDictionary(i => i, _ => Concern.None);
        foreach (var (item, concern) in set)
        {
            all[item] = concern;
        }

        return all;
    }

    private static SafetyLevel Level(int episodes, params (SafetyItem, Concern)[] set) => SafetyLevelRule.Suggest(Ratings(set), episodes).Level;

    [Fact]
    public void The_phase_change_filter_of_the_compiled_summary_counts_exactly_the_phase_change_kinds()
    {
        var isPhaseChange = SafetyFacts.IsPhaseChange.Compile();
        var kinds = typeof(SafetyFacts).Assembly.GetTypes().Where(t => t.Name.EndsWith("TimelineKinds", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields()).Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.True(kinds.Count > SafetyFacts.PhaseChangeKinds.Count);
        foreach (var kind in kinds)
        {
            Assert.Equal(SafetyFacts.PhaseChangeKinds.Contains(kind), isPhaseChange(new Traject.Web.Modules.Timeline.TimelineEvent { Kind = kind }));
        }
    }

    [Fact]
    public void Without_any_concern_or_episode_the_level_is_low_with_a_reason()
    {
        var s = SafetyLevelRule.Suggest(Ratings(), 0);
        Assert.Equal(SafetyLevel.Low, s.Level);
        Assert.Equal(["No concern on any item"], s.Reasons);
    }

    [Theory]
    [InlineData("ExploiterAndNetwork")]
    [InlineData("OnlineThreatsAndImages")]
    [InlineData("RunningAway")]
    [InlineData("DangerAtHome")]
    [InlineData("DangerInGroup")]
    [InlineData("AcuteMedicalNeed")]
    public void Immediate_danger_on_any_item_is_acute_and_a_serious_concern_is_high(string name)
    {
        var item = Enum.Parse<SafetyItem>(name);
        Assert.Equal(SafetyLevel.Acute, Level(0, (item, Concern.Immediate)));
        Assert.Equal(SafetyLevel.High, Level(0, (item, Concern.Serious)));
        Assert.Equal(SafetyLevel.Elevated, Level(0, (item, Concern.Some)));
        Assert.Contains(Text.Encode("Immediate danger: {0}", item), SafetyLevelRule.Suggest(Ratings((item, Concern.Immediate)), 0).Reasons);
    }

    [Fact]
    public void The_exploiters_serious_pull_with_a_serious_risk_of_running_away_is_acute()
    {
        Assert.Equal(SafetyLevel.Acute, Level(0, (SafetyItem.ExploiterAndNetwork, Concern.Serious), (SafetyItem.RunningAway, Concern.Serious)));
        Assert.Equal(SafetyLevel.High, Level(0, (SafetyItem.ExploiterAndNetwork, Concern.Serious), (SafetyItem.RunningAway, Concern.Some)));
        Assert.Equal(SafetyLevel.High, Level(0, (SafetyItem.DangerAtHome, Concern.Serious), (SafetyItem.RunningAway, Concern.Serious)));
    }

    [Fact]
    public void Concern_on_three_items_together_is_high_on_fewer_elevated()
    {
        Assert.Equal(SafetyLevel.Elevated, Level(0, (SafetyItem.DangerAtHome, Concern.Some), (SafetyItem.DangerInGroup, Concern.Some)));
        Assert.Equal(SafetyLevel.High, Level(0, (SafetyItem.DangerAtHome, Concern.Some), (SafetyItem.DangerInGroup, Concern.Some),
            (SafetyItem.OnlineThreatsAndImages, Concern.Some)));
    }

    [Fact]
    public void Recent_missing_episodes_raise_the_level_but_never_lower_it()
    {
        Assert.Equal(SafetyLevel.Elevated, Level(1));
        Assert.Equal(SafetyLevel.High, Level(2));
        Assert.Equal(SafetyLevel.High, Level(5, (SafetyItem.DangerAtHome, Concern.Some)));
        Assert.Equal(SafetyLevel.Acute, Level(3, (SafetyItem.RunningAway, Concern.Immediate)));
        Assert.Equal(2, SafetyLevelRule.Suggest(Ratings((SafetyItem.RunningAway, Concern.Some)), 1).Reasons.Count);
    }

    [Fact]
    public void A_level_other_than_the_suggestion_needs_a_reason()
    {
        Assert.False(SafetyLevelRule.NeedsReason(SafetyLevel.High, SafetyLevel.High));
        Assert.True(SafetyLevelRule.NeedsReason(SafetyLevel.High, SafetyLevel.Elevated));
        Assert.True(SafetyLevelRule.NeedsReason(SafetyLevel.Low, SafetyLevel.Acute));
    }

    [Fact]
    public void The_first_assessment_is_due_a_week_after_the_start_and_then_every_three_months()
    {
        var start = new DateOnly(2026, 1, 10);
        Assert.Equal(new DateOnly(2026, 1, 17), ReassessmentSchedule.DueOn(null, start, null));
        Assert.Equal(new DateOnly(2026, 5, 20), ReassessmentSchedule.DueOn(new DateOnly(2026, 2, 20), start, null));
        Assert.Equal(new DateOnly(2026, 2, 28), ReassessmentSchedule.DueOn(new DateOnly(2025, 11, 30), start, null));
    }

    [Fact]
    public void A_phase_change_after_the_last_assessment_brings_it_forward_to_a_week_later()
    {
        var start = new DateOnly(2026, 1, 10);
        var last = new DateOnly(2026, 2, 1);
        Assert.Equal(new DateOnly(2026, 3, 8), ReassessmentSchedule.DueOn(last, start, new DateOnly(2026, 3, 1)));
        // A phase change before the last assessment is already taken into account.
        Assert.Equal(new DateOnly(2026, 5, 1), ReassessmentSchedule.DueOn(last, start, new DateOnly(2026, 1, 20)));
        // A phase change late in the three months does not push the date beyond them.
        Assert.Equal(new DateOnly(2026, 5, 1), ReassessmentSchedule.DueOn(last, start, new DateOnly(2026, 4, 29)));
    }

    [Fact]
    public void The_state_follows_the_fake_clock_from_not_due_to_due_to_overdue()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var due = ReassessmentSchedule.DueOn(new DateOnly(2026, 3, 1), new DateOnly(2026, 1, 1), null);
        Assert.Equal(ReassessmentState.NotDue, ReassessmentSchedule.State(due, clock.Today()));
        clock.Advance(TimeSpan.FromDays(92 - ReassessmentSchedule.DueWindowDays));
        Assert.Equal(ReassessmentState.Due, ReassessmentSchedule.State(due, clock.Today()));
        clock.Advance(TimeSpan.FromDays(ReassessmentSchedule.DueWindowDays));
        Assert.Equal(ReassessmentState.Due, ReassessmentSchedule.State(due, clock.Today()));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(ReassessmentState.Overdue, ReassessmentSchedule.State(due, clock.Today()));
    }

    [Fact]
    public void Whom_to_inform_both_police_regions_parents_unless_involved_coordinator_and_guardians()
    {
        var north = new RegionPolice(Guid.NewGuid(), "Noord", ["Politie Noord"]);
        var south = new RegionPolice(Guid.NewGuid(), "Zuid", []);
        var list = InformList.For(north, south, parentMayBeInvolved: false, "Rik", ["Gea"]);
        Assert.Equal([InformParty.PoliceCurrentRegion, InformParty.PoliceHomeRegion, InformParty.ParentsOrGuardian, InformParty.Coordinator,
            InformParty.FamilyGuardian], list.Select(x => x.Party));
        Assert.Equal(Text.Encode("{0} (region {1})", "Politie Noord", "Noord"), list[0].Name);
        Assert.Equal(Text.Encode("Police in region {0}", "Zuid"), list[1].Name);

        var involved = InformList.For(north, north, parentMayBeInvolved: true, "Rik", []);
        Assert.Equal([InformParty.PoliceCurrentRegion, InformParty.Coordinator], involved.Select(x => x.Party));
    }
}
