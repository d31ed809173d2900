using Traject.Web.Common;
using Traject.Web.Modules.Screening;

namespace Traject.Tests.Unit;

public class WeighingRuleTests
{
    private static readonly Guid Mentor = Guid.NewGuid();
    private static readonly Guid Coordinator = Guid.NewGuid();
    private static readonly Guid Scientist = Guid.NewGuid();
    private static readonly Guid OtherScientist = Guid.NewGuid();

    private static WeighingVote Vote(Guid who, Classification conclusion) =>
        new(who, who == Scientist || who == OtherScientist, conclusion);

    private static WeighingState Evaluate(Classification suggestion, params WeighingVote[] votes) => WeighingRule.Evaluate(suggestion, votes);

    [Fact]
    public void Without_weighings_a_screening_waits_for_the_first()
    {
        Assert.Equal(new WeighingState(null, WeighingNeed.Weighing, false), Evaluate(Classification.Suspected));
        Assert.Equal(new WeighingState(null, WeighingNeed.Weighing, false), Evaluate(Classification.None));
    }

    [Theory]
    [InlineData("Potential")]
    [InlineData("Suspected")]
    [InlineData("Acute")]
    public void Two_professionals_one_a_behavioural_scientist_who_agree_make_it_final(string name)
    {
        var c = Enum.Parse<Classification>(name);
        Assert.Equal(new WeighingState(c, WeighingNeed.Nothing, false), Evaluate(c, Vote(Mentor, c), Vote(Scientist, c)));
        Assert.Equal(c, Evaluate(c, Vote(Scientist, c), Vote(OtherScientist, c)).Final);
    }

    [Fact]
    public void One_weighing_is_not_enough_for_potential_even_from_a_behavioural_scientist()
    {
        Assert.Equal(new WeighingState(null, WeighingNeed.SecondProfessional, false), Evaluate(Classification.Potential, Vote(Scientist, Classification.Potential)));
        Assert.Equal(new WeighingState(null, WeighingNeed.BehaviouralScientist, false), Evaluate(Classification.Potential, Vote(Mentor, Classification.Potential)));
    }

    [Fact]
    public void Two_professionals_without_a_behavioural_scientist_do_not_decide()
    {
        var state = Evaluate(Classification.Suspected, Vote(Mentor, Classification.Suspected), Vote(Coordinator, Classification.Suspected));
        Assert.Equal(new WeighingState(null, WeighingNeed.BehaviouralScientist, false), state);
    }

    [Fact]
    public void The_same_professional_counts_once()
    {
        var state = Evaluate(Classification.Potential, Vote(Scientist, Classification.Potential), Vote(Scientist, Classification.Potential));
        Assert.Null(state.Final);
        Assert.Equal(WeighingNeed.SecondProfessional, state.Needs);
    }

    [Fact]
    public void Differing_conclusions_keep_it_open_until_two_agree_with_a_behavioural_scientist_among_them()
    {
        var differ = Evaluate(Classification.Potential, Vote(Coordinator, Classification.Suspected), Vote(Scientist, Classification.Potential));
        Assert.Equal(new WeighingState(null, WeighingNeed.Agreement, true), differ);

        // A third agrees with the coordinator, but neither is a behavioural scientist: still open.
        var stillOpen = Evaluate(Classification.Potential, Vote(Coordinator, Classification.Suspected), Vote(Scientist, Classification.Potential),
            Vote(Mentor, Classification.Suspected));
        Assert.Equal(new WeighingState(null, WeighingNeed.Agreement, true), stillOpen);

        var agreed = Evaluate(Classification.Potential, Vote(Coordinator, Classification.Suspected), Vote(Scientist, Classification.Potential),
            Vote(Mentor, Classification.Potential));
        Assert.Equal(new WeighingState(Classification.Potential, WeighingNeed.Nothing, true), agreed);
    }

    [Fact]
    public void A_suggestion_of_none_is_closed_by_one_agreeing_weighing_of_anyone()
    {
        Assert.Equal(Classification.None, Evaluate(Classification.None, Vote(Mentor, Classification.None)).Final);
    }

    [Fact]
    public void Concluding_none_against_another_suggestion_or_against_a_colleague_needs_the_full_weighing()
    {
        Assert.Equal(WeighingNeed.BehaviouralScientist, Evaluate(Classification.Potential, Vote(Mentor, Classification.None)).Needs);
        Assert.Equal(WeighingNeed.SecondProfessional, Evaluate(Classification.Suspected, Vote(Scientist, Classification.None)).Needs);
        var dissent = Evaluate(Classification.None, Vote(Mentor, Classification.Potential), Vote(Coordinator, Classification.None));
        Assert.Equal(new WeighingState(null, WeighingNeed.Agreement, true), dissent);
        Assert.Equal(Classification.None, Evaluate(Classification.Potential, Vote(Mentor, Classification.None), Vote(Scientist, Classification.None)).Final);
    }

    [Fact]
    public void The_first_agreement_reached_decides()
    {
        // Potential was agreed by the second weighing; what follows (which the service refuses anyway) changes nothing.
        var state = Evaluate(Classification.Potential, Vote(Mentor, Classification.Potential), Vote(Scientist, Classification.Potential),
            Vote(Coordinator, Classification.Suspected), Vote(OtherScientist, Classification.Suspected));
        Assert.Equal(Classification.Potential, state.Final);
    }

    [Fact]
    public void A_weighing_is_refused_on_a_final_screening_and_from_a_professional_who_already_weighed()
    {
        var open = new[] { Vote(Mentor, Classification.Potential) };
        Assert.Null(WeighingRule.CanAdd(WeighingRule.Evaluate(Classification.Potential, open), open, Scientist));
        var twice = WeighingRule.CanAdd(WeighingRule.Evaluate(Classification.Potential, open), open, Mentor);
        Assert.Equal(ErrorKind.Conflict, twice?.Kind);

        var done = new[] { Vote(Mentor, Classification.Potential), Vote(Scientist, Classification.Potential) };
        var final = WeighingRule.CanAdd(WeighingRule.Evaluate(Classification.Potential, done), done, Coordinator);
        Assert.Equal(ErrorKind.Conflict, final?.Kind);
        Assert.NotEqual(twice!.Message, final!.Message);
    }

    [Theory]
    [InlineData("None", "None", false)]
    [InlineData("Potential", "Potential", false)]
    [InlineData("Potential", "Suspected", true)]
    [InlineData("Acute", "Suspected", true)]
    [InlineData("None", "Potential", true)]
    public void A_conclusion_other_than_the_suggestion_needs_a_reason(string suggestion, string conclusion, bool needed) =>
        Assert.Equal(needed, WeighingRule.NeedsReason(Enum.Parse<Classification>(suggestion), Enum.Parse<Classification>(conclusion)));
}
