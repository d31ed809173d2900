using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Safety;
using Traject.Web.Common;
using Traject.Web.Modules.Triage;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Tests.Unit;

/// <summary>Matched care: each rule on its own, and the ranking.</summary>
public class CareMatcherTests
{
    private static readonly Guid North = Guid.NewGuid();
    private static readonly Guid South = Guid.NewGuid();

    private static MatchNeeds Her(int age = 15, SafetyLevel? level = SafetyLevel.Low, bool disability = false, bool mixedArgued = false,
        bool riskToGroup = false, bool threat = false, Guid? exploiterRegion = null, Gender gender = Gender.Girl) =>
        new(age, gender, level, disability, mixedArgued, riskToGroup, threat, exploiterRegion);

    private static MatchProgramme Programme(string name = "P", int? min = 10, int? max = 18, PlacementSetting[]? settings = null,
        RequiredIndication indication = RequiredIndication.None, GroupComposition group = GroupComposition.Homogeneous,
        ProgrammeReach reach = ProgrammeReach.National, Guid? region = null, bool? disability = true, int? places = 8, int? occupied = 4, int? waiting = 0,
        TargetGender serves = TargetGender.Girls) =>
        new(Guid.NewGuid(), name, serves, min, max, settings ?? [PlacementSetting.Open], indication, group, reach, region, disability, places, occupied, waiting);

    private static MatchReason Reason(MatchNeeds n, MatchProgramme p, MatchRule rule) => CareMatcher.Judge(n, p).Single(r => r.Rule == rule);

    private static MatchVerdict Verdict(MatchNeeds n, MatchProgramme p, MatchRule rule) => Reason(n, p, rule).Verdict;

    /// <summary>The template of a stored message (<see cref="Text.Encode"/>), without its arguments.</summary>
    private static string Template(string stored) => stored.Split(Text.Separator)[0];

    [Theory]
    [InlineData(13, "DoesNotFit")]
    [InlineData(14, "Fits")]
    [InlineData(23, "Fits")]
    [InlineData(24, "DoesNotFit")]
    [InlineData(25, "DoesNotFit")]
    public void Age_must_be_within_the_programmes_ages_and_the_upper_age_is_not_included(int age, string expected) =>
        Assert.Equal(Enum.Parse<MatchVerdict>(expected), Verdict(Her(age), Programme(min: 14, max: 24), MatchRule.Age));

    [Fact]
    public void An_eighteen_year_old_does_not_fit_a_programme_from_12_to_18_and_the_reason_says_so()
    {
        var programme = Programme(min: 12, max: 18);
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(17), programme, MatchRule.Age));
        var reason = Reason(Her(18), programme, MatchRule.Age);
        Assert.Equal(MatchVerdict.DoesNotFit, reason.Verdict);
        Assert.Equal("She is {0}; the programme ends at age {1}, which is not included.", Template(reason.Message));
        Assert.Equal(Text.Encode("She is {0}; the programme ends at age {1}, which is not included.", 18, 18), reason.Message);
        Assert.Equal(MatchVerdict.DoesNotFit, CareMatcher.Rank(Her(18), [programme])[0].Verdict);

        // Below the lowest age the reason names the ages.
        Assert.Equal("She is {0}; the programme takes ages {1} to {2}.", Template(Reason(Her(11), programme, MatchRule.Age).Message));
    }

    [Fact]
    public void A_programme_that_does_not_serve_her_gender_does_not_fit_and_other_or_unknown_is_weighed()
    {
        var girls = Programme(serves: TargetGender.Girls);
        var boys = Programme(serves: TargetGender.Boys);
        var all = Programme(serves: TargetGender.All);
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(gender: Gender.Girl), girls, MatchRule.Gender));
        Assert.Equal(MatchVerdict.DoesNotFit, Verdict(Her(gender: Gender.Boy), girls, MatchRule.Gender));
        Assert.Equal(MatchVerdict.DoesNotFit, Verdict(Her(gender: Gender.Girl), boys, MatchRule.Gender));
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(gender: Gender.Boy), boys, MatchRule.Gender));
        Assert.Equal(MatchVerdict.Condition, Verdict(Her(gender: Gender.Other), girls, MatchRule.Gender));
        Assert.Equal(MatchVerdict.Condition, Verdict(Her(gender: Gender.Unknown), boys, MatchRule.Gender));
        foreach (var gender in Enum.GetValues<Gender>())
        {
            Assert.Equal(MatchVerdict.Fits, Verdict(Her(gender: gender), all, MatchRule.Gender));
        }

        var reason = Reason(Her(gender: Gender.Boy), girls, MatchRule.Gender);
        Assert.Equal(Text.Encode("The programme serves {0}, and the recorded gender is {1}: only as an argued exception.", TargetGender.Girls, Gender.Boy),
            reason.Message);
        var ranked = CareMatcher.Rank(Her(gender: Gender.Boy), [girls, all]);
        Assert.Equal([all.Id, girls.Id], ranked.Select(m => m.Programme.Id));
        Assert.Equal(MatchVerdict.DoesNotFit, ranked[1].Verdict);
    }

    [Fact]
    public void The_safety_level_asks_for_a_setting()
    {
        var open = Programme(settings: [PlacementSetting.Open]);
        var closed = Programme(settings: [PlacementSetting.Closed]);
        var outpatient = Programme(settings: [PlacementSetting.Outpatient]);
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(level: SafetyLevel.Low), outpatient, MatchRule.Setting));
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(level: null), outpatient, MatchRule.Setting));
        Assert.Equal(MatchVerdict.DoesNotFit, Verdict(Her(level: SafetyLevel.Elevated), outpatient, MatchRule.Setting));
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(level: SafetyLevel.Elevated), open, MatchRule.Setting));
        Assert.Equal(MatchVerdict.DoesNotFit, Verdict(Her(level: SafetyLevel.High), open, MatchRule.Setting));
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(level: SafetyLevel.High), Programme(settings: [PlacementSetting.SemiClosed]), MatchRule.Setting));
        Assert.Equal(MatchVerdict.DoesNotFit, Verdict(Her(level: SafetyLevel.Acute), Programme(settings: [PlacementSetting.SemiClosed]), MatchRule.Setting));
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(level: SafetyLevel.Acute), closed, MatchRule.Setting));
    }

    [Fact]
    public void At_safety_level_acute_an_open_setting_does_not_fit()
    {
        Assert.Equal(MatchVerdict.DoesNotFit, Verdict(Her(level: SafetyLevel.Acute), Programme(settings: [PlacementSetting.Open]), MatchRule.Setting));
        Assert.Equal(MatchVerdict.DoesNotFit, CareMatcher.Rank(Her(level: SafetyLevel.Acute), [Programme(settings: [PlacementSetting.Open])])[0].Verdict);

        // A programme also offered open (such as one followed open, semi-closed or closed) fits only in its closed setting.
        var mixed = Programme(settings: [PlacementSetting.Open, PlacementSetting.SemiClosed, PlacementSetting.Closed]);
        var acute = Reason(Her(level: SafetyLevel.Acute), mixed, MatchRule.Setting);
        Assert.Equal(MatchVerdict.Condition, acute.Verdict);
        Assert.Equal("Safety level {0}: an open setting does not fit; only the programme's crisis or closed setting.", Template(acute.Message));
        Assert.Equal(MatchVerdict.Condition, Verdict(Her(level: SafetyLevel.High), mixed, MatchRule.Setting));
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(level: SafetyLevel.Elevated), mixed, MatchRule.Setting));
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(level: SafetyLevel.Low), mixed, MatchRule.Setting));
        Assert.Equal(MatchVerdict.Condition,
            Verdict(Her(level: SafetyLevel.Elevated), Programme(settings: [PlacementSetting.Open, PlacementSetting.Outpatient]), MatchRule.Setting));
    }

    [Fact]
    public void A_required_indication_is_a_condition()
    {
        Assert.Equal(MatchVerdict.Condition, Verdict(Her(), Programme(indication: RequiredIndication.JeugdzorgPlus), MatchRule.Indication));
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(), Programme(), MatchRule.Indication));
    }

    [Fact]
    public void An_intellectual_disability_needs_a_suitable_programme()
    {
        Assert.Equal(MatchVerdict.DoesNotFit, Verdict(Her(disability: true), Programme(disability: false), MatchRule.IntellectualDisability));
        Assert.Equal(MatchVerdict.Condition, Verdict(Her(disability: true), Programme(disability: null), MatchRule.IntellectualDisability));
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(disability: true), Programme(disability: true), MatchRule.IntellectualDisability));
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(disability: false), Programme(disability: false), MatchRule.IntellectualDisability));
    }

    [Fact]
    public void Homogeneous_unless_a_mixed_group_is_argued()
    {
        Assert.Equal(MatchVerdict.DoesNotFit, Verdict(Her(mixedArgued: false), Programme(group: GroupComposition.Mixed), MatchRule.Group));
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(mixedArgued: true), Programme(group: GroupComposition.Mixed), MatchRule.Group));
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(), Programme(group: GroupComposition.Homogeneous), MatchRule.Group));
        Assert.Equal(MatchVerdict.Condition, Verdict(Her(riskToGroup: true), Programme(group: GroupComposition.Homogeneous), MatchRule.Group));
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(riskToGroup: true), Programme(group: GroupComposition.NoGroup), MatchRule.Group));
    }

    [Fact]
    public void A_placement_away_from_the_exploiters_region_when_he_threatens_her()
    {
        var inHisRegion = Programme(reach: ProgrammeReach.Regional, region: North);
        Assert.Equal(MatchVerdict.DoesNotFit, Verdict(Her(threat: true, exploiterRegion: North), inHisRegion, MatchRule.Region));
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(threat: false, exploiterRegion: North), inHisRegion, MatchRule.Region));
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(threat: true, exploiterRegion: South), inHisRegion, MatchRule.Region));
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(threat: true, exploiterRegion: North), Programme(reach: ProgrammeReach.National), MatchRule.Region));
    }

    [Fact]
    public void A_full_programme_or_one_without_figures_is_a_condition()
    {
        Assert.Equal(MatchVerdict.Fits, Verdict(Her(), Programme(places: 8, occupied: 7), MatchRule.Capacity));
        Assert.Equal(MatchVerdict.Condition, Verdict(Her(), Programme(places: 8, occupied: 8, waiting: 6), MatchRule.Capacity));
        Assert.Equal(MatchVerdict.Condition, Verdict(Her(), Programme(places: null, occupied: null), MatchRule.Capacity));
    }

    [Fact]
    public void Programmes_that_fit_come_first_then_conditions_then_waiting_time_and_those_that_do_not_fit_last()
    {
        var tooYoung = Programme("Alleen ouder", min: 16);
        var fullLongWait = Programme("Vol, lang wachten", places: 4, occupied: 4, waiting: 10);
        var fullShortWait = Programme("Vol, kort wachten", places: 4, occupied: 4, waiting: 2);
        var fits = Programme("Past");
        var twoConditions = Programme("Twee voorwaarden", indication: RequiredIndication.JeugdzorgPlus, places: null);
        var ranked = CareMatcher.Rank(Her(age: 15), [tooYoung, fullLongWait, twoConditions, fits, fullShortWait]);
        Assert.Equal(["Past", "Vol, kort wachten", "Vol, lang wachten", "Twee voorwaarden", "Alleen ouder"], ranked.Select(m => m.Programme.Name));
        Assert.Equal([1, 2, 3, 4, 5], ranked.Select(m => m.Rank));
        Assert.Equal(MatchVerdict.Fits, ranked[0].Verdict);
        Assert.Equal(MatchVerdict.DoesNotFit, ranked[^1].Verdict);
        Assert.Equal(8, ranked[0].Reasons.Count);
        Assert.Equal(Enum.GetValues<MatchRule>(), ranked[0].Reasons.Select(r => r.Rule));
    }
}
