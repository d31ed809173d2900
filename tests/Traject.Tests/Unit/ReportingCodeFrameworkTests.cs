using Traject.Web.Modules.ReportingCode;

namespace Traject.Tests.Unit;

public class ReportingCodeFrameworkTests
{
    [Theory]
    [InlineData(new[] { false }, "NoSuspicion")]
    [InlineData(new[] { true, true }, "Report")]
    [InlineData(new[] { true, false, false }, "Report")]
    [InlineData(new[] { true, false, true, false }, "Report")]
    [InlineData(new[] { true, false, true, true, false }, "Report")]
    [InlineData(new[] { true, false, true, true, true }, "ProvideHelp")]
    public void Each_path_ends_where_the_framework_says(bool[] answers, string expected)
    {
        var (outcome, missing, superfluous) = ReportingCodeFramework.Decide(answers.Select(a => (bool?)a).ToList());
        Assert.Equal(expected, outcome.ToString());
        Assert.Null(missing);
        Assert.Null(superfluous);
    }

    [Fact]
    public void A_path_that_stops_too_early_names_the_first_missing_question()
    {
        Assert.Equal((null, 0, null), ReportingCodeFramework.Decide([]));
        Assert.Equal((null, 1, null), ReportingCodeFramework.Decide([true]));
        Assert.Equal((null, 3, null), ReportingCodeFramework.Decide([true, false, true]));
        Assert.Equal((null, 2, null), ReportingCodeFramework.Decide([true, false, null, true]));
    }

    [Fact]
    public void An_answer_after_the_end_is_refused_but_empty_places_after_it_are_fine()
    {
        Assert.Equal((null, null, 1), ReportingCodeFramework.Decide([false, true]));
        Assert.Equal((null, null, 4), ReportingCodeFramework.Decide([true, true, null, null, false]));
        Assert.Equal(((ReportingCodeOutcome?)ReportingCodeOutcome.Report, (int?)null, (int?)null), ReportingCodeFramework.Decide([true, true, null, null, null]));
    }

    [Fact]
    public void There_is_a_question_text_for_each_question()
    {
        Assert.Equal(ReportingCodeFramework.Questions, ReportingCodeFramework.Texts.Count);
        Assert.Equal(ReportingCodeFramework.Questions, ReportingCodeFramework.Texts.Distinct().Count());
    }
}
