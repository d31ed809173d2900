using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Triage;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Tests.Unit;

/// <summary>The choice after the recommendation: how it relates to the ranking, when it needs a reason, and the figures.</summary>
public class CareChoiceRuleTests
{
    private static readonly MatchNeeds Her = new(15, Gender.Girl, SafetyLevel.Low, false, false, false, false, null);

    private static MatchProgramme Programme(string name, int? min = 10, int? waiting = 0) =>
        new(Guid.NewGuid(), name, TargetGender.Girls, min, 18, [PlacementSetting.Open], RequiredIndication.None, GroupComposition.Homogeneous, ProgrammeReach.National,
            null, true, 8, 4, waiting);

    [Fact]
    public void The_first_ranked_fitting_programme_is_followed_and_needs_no_reason()
    {
        var ranked = CareMatcher.Rank(Her, [Programme("A"), Programme("B", waiting: 6)]);
        var outcome = CareChoiceRule.Outcome(ranked, ranked[0].Programme.Id);
        Assert.Equal(ChoiceOutcome.Followed, outcome);
        Assert.False(CareChoiceRule.NeedsReason(outcome));
        Assert.True(CareChoiceRule.WasPossible(outcome));
        Assert.True(CareChoiceRule.WasChosen(outcome));
    }

    [Fact]
    public void Another_fitting_programme_is_against_the_recommendation_but_still_matched_care()
    {
        var ranked = CareMatcher.Rank(Her, [Programme("A"), Programme("B", waiting: 6)]);
        Assert.Equal("B", ranked[1].Programme.Name);
        var outcome = CareChoiceRule.Outcome(ranked, ranked[1].Programme.Id);
        Assert.Equal(ChoiceOutcome.OtherFitting, outcome);
        Assert.True(CareChoiceRule.NeedsReason(outcome));
        Assert.True(CareChoiceRule.WasChosen(outcome));
    }

    [Fact]
    public void A_programme_that_does_not_fit_while_one_does_is_not_matched_care()
    {
        var ranked = CareMatcher.Rank(Her, [Programme("A"), Programme("Ouder", min: 18)]);
        var outcome = CareChoiceRule.Outcome(ranked, ranked.Single(m => m.Programme.Name == "Ouder").Programme.Id);
        Assert.Equal(ChoiceOutcome.NotFitting, outcome);
        Assert.True(CareChoiceRule.NeedsReason(outcome));
        Assert.True(CareChoiceRule.WasPossible(outcome));
        Assert.False(CareChoiceRule.WasChosen(outcome));
    }

    [Fact]
    public void When_nothing_fits_even_the_first_ranked_choice_needs_a_reason_and_matched_care_was_not_possible()
    {
        var ranked = CareMatcher.Rank(Her, [Programme("Ouder", min: 18), Programme("Nog ouder", min: 21)]);
        var outcome = CareChoiceRule.Outcome(ranked, ranked[0].Programme.Id);
        Assert.Equal(ChoiceOutcome.NoneFitted, outcome);
        Assert.True(CareChoiceRule.NeedsReason(outcome));
        Assert.False(CareChoiceRule.WasPossible(outcome));
        Assert.False(CareChoiceRule.WasChosen(outcome));
    }

    [Fact]
    public void A_programme_on_conditions_counts_as_fitting()
    {
        var full = new MatchProgramme(Guid.NewGuid(), "Vol", TargetGender.All, 10, 18, [PlacementSetting.Open], RequiredIndication.None, GroupComposition.Homogeneous,
            ProgrammeReach.National, null, true, 8, 8, 12);
        var ranked = CareMatcher.Rank(Her, [full]);
        Assert.Equal(MatchVerdict.Condition, ranked[0].Verdict);
        Assert.Equal(ChoiceOutcome.Followed, CareChoiceRule.Outcome(ranked, full.Id));
    }

    [Fact]
    public void Figures_count_outcomes_and_reasons_with_rounded_percentages()
    {
        var figures = TriageQuality.Figures(
        [
            (ChoiceOutcome.Followed, null), (ChoiceOutcome.OtherFitting, DeviationReason.NoPlaceOrWaitingTime),
            (ChoiceOutcome.NotFitting, DeviationReason.CourtDecision), (ChoiceOutcome.NoneFitted, DeviationReason.NoPlaceOrWaitingTime),
            (ChoiceOutcome.Followed, null), (ChoiceOutcome.Followed, null),
        ]);
        Assert.Equal(6, figures.Choices);
        Assert.Equal((3, 1, 1, 1), (figures.Followed, figures.OtherFitting, figures.NotFitting, figures.NoneFitted));
        Assert.Equal(5, figures.MatchedCarePossible);
        Assert.Equal(4, figures.MatchedCareChosen);
        Assert.Equal(83, figures.PossiblePercent); // 5/6 = 83.3
        Assert.Equal(67, figures.ChosenPercent);   // 4/6 = 66.7
        Assert.Equal(2, figures.Reasons["NoPlaceOrWaitingTime"]);
        Assert.Equal(1, figures.Reasons["CourtDecision"]);
        Assert.Equal(0, figures.Reasons["YoungPersonWish"]);
        Assert.Equal(Enum.GetNames<DeviationReason>().Order(), figures.Reasons.Keys.Order());
    }

    [Fact]
    public void Without_choices_there_are_no_percentages()
    {
        var figures = TriageQuality.Figures([]);
        Assert.Equal(0, figures.Choices);
        Assert.Null(figures.PossiblePercent);
        Assert.Null(figures.ChosenPercent);
    }
}
