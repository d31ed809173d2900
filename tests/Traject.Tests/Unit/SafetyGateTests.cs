using Traject.Web.Common;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Triage;

namespace Traject.Tests.Unit;

/// <summary>Matched care respects safety: a suspected or acute classification waits for a current safety assessment.</summary>
public class SafetyGateTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Theory]
    [InlineData(null, false)]
    [InlineData("None", false)]
    [InlineData("Potential", false)]
    [InlineData("Suspected", true)]
    [InlineData("Acute", true)]
    public void Only_a_suspected_or_acute_classification_asks_for_safety_first(string? classification, bool asks) =>
        Assert.Equal(asks, SafetyGate.AsksForSafety(classification is null ? null : Enum.Parse<Classification>(classification)));

    [Fact]
    public void A_suspected_victim_without_a_safety_assessment_gets_no_recommendation_but_the_reason()
    {
        var waits = SafetyGate.Withheld(Classification.Suspected, null, ReassessmentState.Overdue, Today);
        Assert.Equal(Text.Encode("The screening concluded: {0}. Matched care waits for a safety assessment: assess her safety first.",
            Classification.Suspected), waits);
        Assert.NotNull(SafetyGate.Withheld(Classification.Acute, null, ReassessmentState.NotDue, Today));
        Assert.Null(SafetyGate.Withheld(Classification.Potential, null, ReassessmentState.Overdue, Today));
        Assert.Null(SafetyGate.Withheld(null, null, ReassessmentState.Overdue, Today));
    }

    [Fact]
    public void An_assessment_overdue_for_re_assessment_is_not_current_one_due_soon_still_is()
    {
        var assessed = Today.AddMonths(-4);
        var due = ReassessmentSchedule.DueOn(assessed, assessed, null);
        Assert.Equal(ReassessmentState.Overdue, ReassessmentSchedule.State(due, Today));
        Assert.False(ReassessmentSchedule.IsCurrent(ReassessmentState.Overdue));
        Assert.True(ReassessmentSchedule.IsCurrent(ReassessmentState.Due));
        Assert.True(ReassessmentSchedule.IsCurrent(ReassessmentState.NotDue));

        var overdue = SafetyGate.Withheld(Classification.Acute, assessed, ReassessmentState.Overdue, due);
        Assert.Equal(Text.Encode("The screening concluded: {0}. Matched care waits for a current safety assessment: the re-assessment was due on {1}.",
            Classification.Acute, due.ToString("dd-MM-yyyy", null)), overdue);
        Assert.Null(SafetyGate.Withheld(Classification.Acute, Today, ReassessmentState.NotDue, Today.AddMonths(3)));
        Assert.Null(SafetyGate.Withheld(Classification.Suspected, assessed, ReassessmentState.Due, Today.AddDays(5)));
    }
}
