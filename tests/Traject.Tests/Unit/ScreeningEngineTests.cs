using System.Globalization;
using Traject.Web.Common;
using Traject.Web.Modules.Screening;

namespace Traject.Tests.Unit;

public class ScreeningEngineTests
{
    // A small instrument with one signal per kind, so each test shows exactly what it observes.
    private static readonly Instrument Test = new("test.1",
    [
        new("risk-phase", InstrumentGroups.RelationshipAndNetwork, "Oudere vriend", "Older partner", [RiskProfile.PhaseOfLife], [], false),
        new("risk-trauma", InstrumentGroups.SexualAndPhysicalHealth, "Misbruik eerder", "Abuse before", [RiskProfile.Traumatised, RiskProfile.Influenceable], [], false),
        new("act", InstrumentGroups.RunningAway, "Opgehaald", "Picked up", [], [LegalElement.Act], false),
        new("means", InstrumentGroups.Statements, "Bedreigd", "Threatened", [], [LegalElement.Means], false),
        new("purpose", InstrumentGroups.Statements, "Moet geld verdienen", "Must earn money", [], [LegalElement.Purpose], false),
        new("risk-and-means", InstrumentGroups.RelationshipAndNetwork, "Afgezonderd", "Cut off", [RiskProfile.Influenceable], [LegalElement.Means], false),
        new("acute", InstrumentGroups.Statements, "Nu in gevaar", "In danger now", [], [], true),
        new("paid-sex", InstrumentGroups.SexualAndPhysicalHealth, "Seks tegen betaling", "Sex for money", [], [LegalElement.PaidSexMinor], false),
        new("profits", InstrumentGroups.MoneyGoodsPhones, "Ander verdient eraan", "Someone profits", [], [LegalElement.Purpose, LegalElement.PaidSexMinor], false),
    ]);

    private static readonly string PaidSexMinorConclusion = Text.Encode(
        "Suggestion: {0}. Under 18, paid sexual acts with or for a third party are trafficking without an act or a means ({1}).",
        Classification.Suspected, "art. 273f lid 1 sub 5 / sub 8 Sr");

    private static readonly DateOnly Observed = new(2026, 11, 1);
    private static readonly DateOnly Minor = new(2011, 5, 1);   // 15 on the observation date
    private static readonly DateOnly Adult = new(2004, 5, 1);   // 22 on the observation date

    private static ScreeningOutcome Evaluate(DateOnly dateOfBirth, params string[] codes) => Evaluate(dateOfBirth, Observed, codes);

    private static ScreeningOutcome Evaluate(DateOnly dateOfBirth, DateOnly observed, params string[] codes)
    {
        var outcome = ScreeningEngine.Evaluate(Test, dateOfBirth, observed, codes, out var unknown);
        Assert.Empty(unknown);
        return Assert.IsType<ScreeningOutcome>(outcome);
    }

    [Fact]
    public void No_signals_is_none()
    {
        var outcome = Evaluate(Minor);
        Assert.Equal(Classification.None, outcome.Classification);
        Assert.Empty(outcome.RiskProfiles);
        Assert.All(Enum.GetValues<LegalElement>(), e => Assert.Empty(outcome.LegalElements[e]));
        Assert.Equal("test.1", outcome.InstrumentVersion);
        Assert.StartsWith("Suggestion: {0}. No signals were observed.", outcome.Explanation[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_factors_alone_are_potential_with_their_profiles_in_a_fixed_order()
    {
        var outcome = Evaluate(Minor, "risk-trauma", "risk-phase");
        Assert.Equal(Classification.Potential, outcome.Classification);
        Assert.Equal([RiskProfile.PhaseOfLife, RiskProfile.Influenceable, RiskProfile.Traumatised], outcome.RiskProfiles);
        Assert.All(Enum.GetValues<LegalElement>(), e => Assert.Empty(outcome.LegalElements[e]));
        Assert.Contains(outcome.Explanation, line => line.StartsWith("Suggestion: {0}. There are risk factors", StringComparison.Ordinal));
    }

    [Fact]
    public void Under_18_an_act_and_a_purpose_make_a_suspected_victim_without_a_means()
    {
        var outcome = Evaluate(Minor, "purpose", "act");
        Assert.Equal(Classification.Suspected, outcome.Classification);
        Assert.Equal(["act"], outcome.LegalElements[LegalElement.Act]);
        Assert.Empty(outcome.LegalElements[LegalElement.Means]);
        Assert.Equal(["purpose"], outcome.LegalElements[LegalElement.Purpose]);
        Assert.Empty(outcome.RiskProfiles);
    }

    [Fact]
    public void From_18_the_means_is_needed_too()
    {
        Assert.Equal(Classification.Potential, Evaluate(Adult, "act", "purpose").Classification);
        Assert.Equal(Classification.Suspected, Evaluate(Adult, "act", "means", "purpose").Classification);
    }

    [Theory]
    [InlineData("2008-11-02", 17, "Suspected")] // turns 18 the day after the observation
    [InlineData("2008-11-01", 18, "Potential")] // birthday on the observation day: 18 that day
    [InlineData("2008-10-31", 18, "Potential")]
    public void The_age_on_the_observation_date_decides_the_legal_test(string dateOfBirth, int age, string expected)
    {
        var outcome = Evaluate(DateOnly.Parse(dateOfBirth, CultureInfo.InvariantCulture), "act", "purpose");
        Assert.Equal(expected, outcome.Classification.ToString());
        Assert.Equal(Text.Encode(age < 18
            ? "Age on the observation date: {0}. Under 18 the legal test needs an act and an exploitation purpose; no means is required."
            : "Age on the observation date: {0}. From 18 the legal test needs an act, a means and an exploitation purpose.", age), outcome.Explanation[0]);
    }

    [Fact]
    public void The_same_signals_seen_at_17_and_again_at_18_change_the_suggestion()
    {
        var born = new DateOnly(2008, 6, 15);
        Assert.Equal(Classification.Suspected, Evaluate(born, new DateOnly(2026, 6, 14), "act", "purpose").Classification);
        Assert.Equal(Classification.Potential, Evaluate(born, new DateOnly(2026, 6, 15), "act", "purpose").Classification);
    }

    [Fact]
    public void Someone_born_on_29_February_turns_a_year_older_on_28_February_in_common_years()
    {
        var born = new DateOnly(2008, 2, 29);
        Assert.Equal(Classification.Suspected, Evaluate(born, new DateOnly(2026, 2, 27), "act", "purpose").Classification);
        Assert.Equal(Classification.Potential, Evaluate(born, new DateOnly(2026, 2, 28), "act", "purpose").Classification);
    }

    [Fact]
    public void Acute_danger_overrides_and_says_what_the_suggestion_would_be_without_it()
    {
        var outcome = Evaluate(Minor, "act", "purpose", "acute", "risk-phase");
        Assert.Equal(Classification.Acute, outcome.Classification);
        Assert.Equal([RiskProfile.PhaseOfLife], outcome.RiskProfiles);
        Assert.Equal(["act"], outcome.LegalElements[LegalElement.Act]);
        Assert.Contains(Text.Encode("Without the acute danger the suggestion would be: {0}.", Classification.Suspected), outcome.Explanation);

        var alone = Evaluate(Adult, "acute");
        Assert.Equal(Classification.Acute, alone.Classification);
        Assert.DoesNotContain(alone.Explanation, line => line.StartsWith("Without the acute danger", StringComparison.Ordinal));
    }

    [Fact]
    public void Legal_elements_without_the_complete_test_are_potential_and_name_what_is_missing()
    {
        var minor = Evaluate(Minor, "act", "means");
        Assert.Equal(Classification.Potential, minor.Classification);
        Assert.Contains(Text.Encode("Legal element not evidenced: {0}.", LegalElement.Purpose), minor.Explanation);
        Assert.DoesNotContain(minor.Explanation, line => line.StartsWith("Legal element not evidenced", StringComparison.Ordinal) && line.Contains("Means", StringComparison.Ordinal));
        Assert.Contains(minor.Explanation, line => line.StartsWith("Suggestion: {0}. Signals of legal elements without the complete legal test", StringComparison.Ordinal));

        var adult = Evaluate(Adult, "purpose");
        Assert.Equal(Classification.Potential, adult.Classification);
        Assert.Contains(Text.Encode("Legal element not evidenced: {0}.", LegalElement.Act), adult.Explanation);
        Assert.Contains(Text.Encode("Legal element not evidenced: {0}.", LegalElement.Means), adult.Explanation);
    }

    [Fact]
    public void A_signal_that_is_both_a_risk_factor_and_a_legal_element_counts_as_both()
    {
        var outcome = Evaluate(Adult, "act", "risk-and-means", "purpose");
        Assert.Equal(Classification.Suspected, outcome.Classification);
        Assert.Equal([RiskProfile.Influenceable], outcome.RiskProfiles);
        Assert.Equal(["risk-and-means"], outcome.LegalElements[LegalElement.Means]);
    }

    [Fact]
    public void Duplicates_and_order_do_not_matter()
    {
        var once = Evaluate(Adult, "means", "risk-and-means", "act", "purpose");
        var twice = Evaluate(Adult, "purpose", "act", "means", "act", "risk-and-means", "means");
        Assert.Equal(once.Classification, twice.Classification);
        Assert.Equal(once.RiskProfiles, twice.RiskProfiles);
        Assert.Equal(["means", "risk-and-means"], twice.LegalElements[LegalElement.Means]); // instrument order
        Assert.Equal(once.Explanation, twice.Explanation);
    }

    [Fact]
    public void Unknown_codes_give_no_outcome_and_are_listed_once_in_the_order_given()
    {
        var outcome = ScreeningEngine.Evaluate(Test, Minor, Observed, ["act", "nope", "Act", "nope", "purpose"], out var unknown);
        Assert.Null(outcome);
        Assert.Equal(["nope", "Act"], unknown);
    }

    [Fact]
    public void A_date_of_birth_after_the_observation_date_is_the_callers_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScreeningEngine.Evaluate(Test, Observed.AddDays(1), Observed, ["act"], out _));
        Assert.Equal(Classification.Suspected, Evaluate(Observed, "act", "purpose").Classification); // born that day: 0 years old
    }

    [Fact]
    public void The_explanation_renders_in_Dutch_and_English_with_the_signal_labels_of_that_language()
    {
        var outcome = Evaluate(Minor, "act", "purpose", "risk-phase", "risk-trauma");
        var l = new ModuleTexts();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
            var dutch = outcome.Explanation.Select(l.Render).ToList();
            Assert.Contains("Handeling (juridisch element): Opgehaald.", dutch);
            Assert.Contains("Getraumatiseerd (risicoprofiel): Misbruik eerder.", dutch);
            Assert.Contains("Sterk beïnvloedbaar (risicoprofiel): Misbruik eerder.", dutch);
            Assert.Equal("Voorstel: Vermoedelijk slachtoffer. De signalen dekken elk juridisch element dat de toets vraagt.", dutch[^1]);

            CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
            var english = outcome.Explanation.Select(l.Render).ToList();
            Assert.Contains("Act (legal element): Picked up.", english);
            Assert.Contains("Phase-of-life problems (risk profile): Older partner.", english);
            Assert.Equal("Suggestion: Suspected victim. The signals match every legal element the test requires.", english[^1]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Several_signals_of_one_element_are_listed_together_in_instrument_order()
    {
        var outcome = Evaluate(Adult, "risk-and-means", "means");
        Assert.Contains(Text.Encode("Legal element {0}: {1}.", LegalElement.Means, Text.Bilingual("Bedreigd; Afgezonderd", "Threatened; Cut off")), outcome.Explanation);
    }

    [Fact]
    public void Under_18_a_signal_of_paid_sexual_acts_alone_makes_a_suspected_victim_under_sub_5_and_sub_8()
    {
        var outcome = Evaluate(Minor, "paid-sex");
        Assert.Equal(Classification.Suspected, outcome.Classification);
        Assert.Equal(["paid-sex"], outcome.LegalElements[LegalElement.PaidSexMinor]);
        Assert.Equal(["paid-sex"], outcome.LegalElements[LegalElement.Purpose]); // an exploitation purpose as well
        Assert.Empty(outcome.LegalElements[LegalElement.Act]);
        Assert.Empty(outcome.LegalElements[LegalElement.Means]);
        Assert.Equal(PaidSexMinorConclusion, outcome.Explanation[^1]);
        Assert.DoesNotContain(outcome.Explanation, line => line.StartsWith("Legal element not evidenced", StringComparison.Ordinal));

        // Profiting from them (sub 8) is enough too, and a signal of both is listed once per element in instrument order.
        var profits = Evaluate(Minor, "profits", "paid-sex", "purpose");
        Assert.Equal(Classification.Suspected, profits.Classification);
        Assert.Equal(["paid-sex", "profits"], profits.LegalElements[LegalElement.PaidSexMinor]);
        Assert.Equal(["purpose", "paid-sex", "profits"], profits.LegalElements[LegalElement.Purpose]);
    }

    [Fact]
    public void From_18_a_signal_of_paid_sexual_acts_counts_as_an_exploitation_purpose_only()
    {
        var outcome = Evaluate(Adult, "paid-sex");
        Assert.Equal(Classification.Potential, outcome.Classification);
        Assert.Equal(["paid-sex"], outcome.LegalElements[LegalElement.Purpose]);
        Assert.Empty(outcome.LegalElements[LegalElement.PaidSexMinor]);
        Assert.Contains(Text.Encode("From 18, signals of paid sexual acts count as an exploitation purpose only: {0} concerns minors.", "art. 273f lid 1 sub 5 / sub 8 Sr"),
            outcome.Explanation);
        Assert.Contains(Text.Encode("Legal element not evidenced: {0}.", LegalElement.Act), outcome.Explanation);
        Assert.Contains(Text.Encode("Legal element not evidenced: {0}.", LegalElement.Means), outcome.Explanation);
        Assert.DoesNotContain(Text.Encode("Legal element not evidenced: {0}.", LegalElement.PaidSexMinor), outcome.Explanation);

        // With an act and a means it completes the general test like any other purpose.
        var complete = Evaluate(Adult, "act", "means", "paid-sex");
        Assert.Equal(Classification.Suspected, complete.Classification);
        Assert.StartsWith("Suggestion: {0}. The signals match every legal element the test requires.", complete.Explanation[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2008-11-02", "Suspected")] // 17: turns 18 the day after the observation
    [InlineData("2008-11-01", "Potential")] // the 18th birthday on the observation day: 18 that day
    [InlineData("2008-10-31", "Potential")]
    public void The_18th_birthday_ends_the_paid_sex_test_on_the_day_itself(string dateOfBirth, string expected) =>
        Assert.Equal(expected, Evaluate(DateOnly.Parse(dateOfBirth, CultureInfo.InvariantCulture), "paid-sex").Classification.ToString());

    [Fact]
    public void Acute_danger_still_overrides_paid_sexual_acts_of_a_minor()
    {
        var outcome = Evaluate(Minor, "paid-sex", "acute");
        Assert.Equal(Classification.Acute, outcome.Classification);
        Assert.Contains(Text.Encode("Without the acute danger the suggestion would be: {0}.", Classification.Suspected), outcome.Explanation);
    }

    [Fact]
    public void The_paid_sex_explanation_names_the_sub_paragraphs_in_Dutch_and_English()
    {
        var l = new ModuleTexts();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
            var dutch = Evaluate(Minor, "paid-sex").Explanation.Select(l.Render).ToList();
            Assert.Contains("Betaalde seksuele handelingen van een minderjarige (juridisch element): Seks tegen betaling.", dutch);
            Assert.Equal("Voorstel: Vermoedelijk slachtoffer. Onder de 18 zijn betaalde seksuele handelingen met of voor een derde mensenhandel, "
                + "zonder handeling of middel (art. 273f lid 1 sub 5 / sub 8 Sr).", dutch[^1]);
            Assert.Contains("Vanaf 18 tellen signalen van betaalde seksuele handelingen alleen als uitbuitingsoogmerk: art. 273f lid 1 sub 5 / sub 8 Sr gaat over minderjarigen.",
                Evaluate(Adult, "paid-sex").Explanation.Select(l.Render));

            CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
            var english = Evaluate(Minor, "paid-sex").Explanation.Select(l.Render).ToList();
            Assert.Contains("Paid sexual acts of a minor (legal element): Sex for money.", english);
            Assert.Equal("Suggestion: Suspected victim. Under 18, paid sexual acts with or for a third party are trafficking without an act or a means "
                + "(art. 273f lid 1 sub 5 / sub 8 Sr).", english[^1]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
