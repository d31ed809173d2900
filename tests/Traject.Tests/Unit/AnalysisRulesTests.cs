using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Triage;

namespace Traject.Tests.Unit;

/// <summary>The pure rules of the analysis: signatures, the three-monthly schedule, the parent-involvement block.</summary>
public class AnalysisRulesTests
{
    private static readonly Guid Mentor = Guid.NewGuid();
    private static readonly Guid Coordinator = Guid.NewGuid();
    private static readonly Guid Scientist = Guid.NewGuid();

    private static SignatureNeed Needs(params (Guid, bool)[] signatures) => SignatureRule.Needs(signatures);

    [Fact]
    public void Two_professionals_one_a_behavioural_scientist_sign_it()
    {
        Assert.Equal(SignatureNeed.TwoProfessionals, Needs());
        Assert.Equal(SignatureNeed.SecondProfessional, Needs((Scientist, true)));
        Assert.Equal(SignatureNeed.BehaviouralScientist, Needs((Mentor, false)));
        Assert.Equal(SignatureNeed.BehaviouralScientist, Needs((Mentor, false), (Coordinator, false)));
        Assert.Equal(SignatureNeed.Nothing, Needs((Mentor, false), (Scientist, true)));
        Assert.True(SignatureRule.IsComplete([(Scientist, true), (Coordinator, false)]));
    }

    [Fact]
    public void The_same_professional_twice_is_one_signature()
    {
        Assert.Equal(SignatureNeed.SecondProfessional, Needs((Scientist, true), (Scientist, true)));
    }

    [Fact]
    public void The_next_analysis_is_due_three_months_after_the_last_signed_one()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 1, 31, 10, 0, 0, TimeSpan.Zero));
        var started = new DateOnly(2025, 6, 1);
        var signed = clock.Today();
        Assert.Equal(new DateOnly(2026, 4, 30), AnalysisSchedule.NextDue(started, signed));

        Assert.Equal(AnalysisDue.Planned, AnalysisSchedule.State(started, signed, clock.Today()).State);
        clock.Advance(TimeSpan.FromDays(75)); // 16 April: within two weeks of the due date
        Assert.Equal(AnalysisDue.DueSoon, AnalysisSchedule.State(started, signed, clock.Today()).State);
        clock.Advance(TimeSpan.FromDays(14)); // 30 April: the due date itself
        Assert.Equal(AnalysisDue.DueSoon, AnalysisSchedule.State(started, signed, clock.Today()).State);
        clock.Advance(TimeSpan.FromDays(1));
        var late = AnalysisSchedule.State(started, signed, clock.Today());
        Assert.Equal(AnalysisDue.Overdue, late.State);
        Assert.Equal(new DateOnly(2026, 4, 30), late.DueOn);
        Assert.True(late.HasSignedAnalysis);
    }

    [Fact]
    public void Without_a_signed_analysis_the_first_is_due_four_weeks_after_the_start()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var started = clock.Today();
        var state = AnalysisSchedule.State(started, null, clock.Today());
        Assert.Equal(started.AddDays(28), state.DueOn);
        Assert.Equal(AnalysisDue.Planned, state.State);
        Assert.False(state.HasSignedAnalysis);
        clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(AnalysisDue.Overdue, AnalysisSchedule.State(started, null, clock.Today()).State);
    }

    private static AnalysisNetworkPerson Person(NetworkRelation relation, string name, bool involved) =>
        new() { Relation = relation, Name = name, MayBeInvolved = involved };

    [Fact]
    public void A_parent_who_may_be_involved_receives_no_information()
    {
        var involved = ParentBlock.Involved([Person(NetworkRelation.Father, "Piet", true), Person(NetworkRelation.Mother, "Anna", false)], null);
        Assert.Equal([new InvolvedPerson(NetworkRelation.Father, "Piet")], involved);
        Assert.False(ParentBlock.MayInform(involved, NetworkRelation.Father, "Piet"));
        Assert.False(ParentBlock.MayInform(involved, NetworkRelation.Father, " piet "));
        Assert.False(ParentBlock.MayInform(involved, NetworkRelation.Father, null)); // an unnamed father may be him
        Assert.True(ParentBlock.MayInform(involved, NetworkRelation.Mother, "Anna"));
        Assert.True(ParentBlock.MayInform(involved, NetworkRelation.Father, "Karel")); // another father (e.g. a foster home's)
    }

    [Fact]
    public void A_person_without_a_name_blocks_everyone_with_that_relation()
    {
        var involved = ParentBlock.Involved([Person(NetworkRelation.StepParent, "", true)], null);
        Assert.False(ParentBlock.MayInform(involved, NetworkRelation.StepParent, "Wim"));
        Assert.True(ParentBlock.MayInform(involved, NetworkRelation.Mother, "Anna"));
    }

    [Fact]
    public void A_draft_raises_the_block_at_once_but_only_a_signed_analysis_lifts_it()
    {
        var signedYes = new[] { Person(NetworkRelation.Father, "Piet", true) };
        var draftNo = new[] { Person(NetworkRelation.Father, "Piet", false) };
        var draftYes = new[] { Person(NetworkRelation.Mother, "Anna", true) };
        Assert.Single(ParentBlock.Involved(signedYes, draftNo)); // the draft's "no" does not lift the signed "yes"
        Assert.Single(ParentBlock.Involved(null, draftYes)); // a draft's "yes" counts at once
        Assert.Equal(2, ParentBlock.Involved(signedYes, draftYes).Count);
        Assert.Empty(ParentBlock.Involved(draftNo, null)); // a signed "no" lifts it
        Assert.Single(ParentBlock.Involved(signedYes, signedYes)); // no duplicates
    }

    [Fact]
    public void Sets_are_stored_in_a_fixed_order_and_unknown_names_are_dropped()
    {
        Assert.Equal("Behaviour,SubstanceUse", FlagSet.Join([UpperProblem.SubstanceUse, UpperProblem.Behaviour, UpperProblem.SubstanceUse]));
        Assert.Equal([UpperProblem.Behaviour, UpperProblem.SubstanceUse], FlagSet.Parse<UpperProblem>("SubstanceUse,Gone,Behaviour"));
        Assert.Empty(FlagSet.Parse<UpperProblem>(string.Empty));
        Assert.Equal(10, Enum.GetValues<AdverseExperience>().Length);
    }
}
