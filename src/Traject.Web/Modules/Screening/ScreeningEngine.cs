using Traject.Web.Common;

namespace Traject.Web.Modules.Screening;

/// <summary>
/// What the engine suggests for one set of observed signals. <see cref="Explanation"/> holds stored messages
/// (<c>Text.Encode</c> templates with arguments), rendered in the reader's language with <c>Text.Render</c>.
/// <see cref="LegalElements"/> always has all three elements, each with the codes (in instrument order) that evidence it.
/// </summary>
internal sealed record ScreeningOutcome(
    Classification Classification,
    IReadOnlyList<RiskProfile> RiskProfiles,
    IReadOnlyDictionary<LegalElement, IReadOnlyList<string>> LegalElements,
    IReadOnlyList<string> Explanation,
    string InstrumentVersion);

/// <summary>
/// The screening engine: pure code, no I/O. It suggests; professionals decide in the multidisciplinary weighing.
/// <list type="bullet">
/// <item><c>acute</c>: any acute-danger signal; it overrides every other outcome.</item>
/// <item><c>suspected</c>: the legal test of trafficking (Criminal Code art. 273f) is met by the signals: an act and an
/// exploitation purpose for someone under 18 on the observation date; an act, a means and a purpose from 18.</item>
/// <item><c>potential</c>: risk factors, or signals of legal elements that do not complete the legal test.</item>
/// <item><c>none</c>: no signals.</item>
/// </list>
/// The age is counted on the observation date with <see cref="Clock.AgeOn"/>, as everywhere in the application: a
/// birthday on that day counts; someone born on 29 February is a year older on 28 February in common years.
/// </summary>
internal static class ScreeningEngine
{
    public const int AgeOfMajority = 18;

    private const string Separator = "; ";

    /// <summary>
    /// Evaluates observed signal codes (duplicates allowed, order irrelevant) for a young person born on
    /// <paramref name="dateOfBirth"/>, observed on <paramref name="observedOn"/>. Codes the instrument does not know
    /// are returned in <paramref name="unknownCodes"/> (each once, in the order given) and the outcome is then null.
    /// A date of birth after the observation date is the caller's error (<see cref="ArgumentOutOfRangeException"/>).
    /// </summary>
    public static ScreeningOutcome? Evaluate(Instrument instrument, DateOnly dateOfBirth, DateOnly observedOn,
        IEnumerable<string> codes, out IReadOnlyList<string> unknownCodes)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(codes);
        if (dateOfBirth > observedOn)
        {
            throw new ArgumentOutOfRangeException(nameof(dateOfBirth), "The date of birth is after the observation date.");
        }

        var signals = instrument.Signals;
        var seen = new bool[signals.Count];
        List<string>? unknown = null;
        foreach (var code in codes)
        {
            var index = code is null ? -1 : instrument.IndexOf(code);
            if (index >= 0)
            {
                seen[index] = true;
            }
            else if (unknown is null || !unknown.Contains(code ?? string.Empty, StringComparer.Ordinal))
            {
                (unknown ??= []).Add(code ?? string.Empty);
            }
        }

        if (unknown is not null)
        {
            unknownCodes = unknown;
            return null;
        }

        unknownCodes = [];
        var age = Clock.AgeOn(dateOfBirth, observedOn);
        var acute = new List<int>();
        var byElement = new[] { new List<int>(), new List<int>(), new List<int>() };
        var byProfile = new List<int>[Enum.GetValues<RiskProfile>().Length];
        var anyRiskFactor = false;
        for (var i = 0; i < seen.Length; i++)
        {
            if (!seen[i])
            {
                continue;
            }

            var s = signals[i];
            if (s.Acute)
            {
                acute.Add(i);
            }

            foreach (var e in s.LegalElements)
            {
                byElement[(int)e].Add(i);
            }

            foreach (var p in s.RiskProfiles)
            {
                (byProfile[(int)p] ??= []).Add(i);
                anyRiskFactor = true;
            }
        }

        bool Has(LegalElement e) => byElement[(int)e].Count > 0;
        var minor = age < AgeOfMajority;
        var anyElement = Has(LegalElement.Act) || Has(LegalElement.Means) || Has(LegalElement.Purpose);
        var legalTestMet = Has(LegalElement.Act) && Has(LegalElement.Purpose) && (minor || Has(LegalElement.Means));
        var withoutAcute = legalTestMet ? Classification.Suspected : anyRiskFactor || anyElement ? Classification.Potential : Classification.None;
        var classification = acute.Count > 0 ? Classification.Acute : withoutAcute;

        var explanation = new List<string>(8)
        {
            minor
                ? Text.Encode("Age on the observation date: {0}. Under 18 the legal test needs an act and an exploitation purpose; no means is required.", age)
                : Text.Encode("Age on the observation date: {0}. From 18 the legal test needs an act, a means and an exploitation purpose.", age),
        };
        if (acute.Count > 0)
        {
            explanation.Add(Text.Encode("Acute danger: {0}.", Labels(instrument, acute)));
        }

        var elements = new Dictionary<LegalElement, IReadOnlyList<string>>(3);
        foreach (var e in Enum.GetValues<LegalElement>())
        {
            var found = byElement[(int)e];
            elements[e] = found.Select(i => signals[i].Code).ToList();
            if (found.Count > 0)
            {
                explanation.Add(Text.Encode("Legal element {0}: {1}.", e, Labels(instrument, found)));
            }
        }

        var profiles = new List<RiskProfile>();
        foreach (var p in Enum.GetValues<RiskProfile>())
        {
            if (byProfile[(int)p] is { } found)
            {
                profiles.Add(p);
                explanation.Add(Text.Encode("Risk profile {0}: {1}.", p, Labels(instrument, found)));
            }
        }

        if (anyElement && !legalTestMet)
        {
            foreach (var e in Enum.GetValues<LegalElement>().Where(e => !Has(e) && (e != LegalElement.Means || !minor)))
            {
                explanation.Add(Text.Encode("Legal element not evidenced: {0}.", e));
            }
        }

        explanation.Add(Conclusion(classification, anyElement));
        if (classification == Classification.Acute && withoutAcute != Classification.None)
        {
            explanation.Add(Text.Encode("Without the acute danger the suggestion would be: {0}.", withoutAcute));
        }

        return new ScreeningOutcome(classification, profiles, elements, explanation, instrument.Version);
    }

    private static string Conclusion(Classification classification, bool anyElement) => classification switch
    {
        Classification.Acute => Text.Encode("Suggestion: {0}. Safety comes first; acute danger overrides every other outcome.", classification),
        Classification.Suspected => Text.Encode("Suggestion: {0}. The signals match every legal element the test requires.", classification),
        Classification.Potential when anyElement => Text.Encode("Suggestion: {0}. Signals of legal elements without the complete legal test count as potential.", classification),
        Classification.Potential => Text.Encode("Suggestion: {0}. There are risk factors and no signals of the legal elements of trafficking.", classification),
        _ => Text.Encode("Suggestion: {0}. No signals were observed.", classification),
    };

    /// <summary>The labels of the signals, in instrument order, as one argument that renders in Dutch or English.</summary>
    private static string Labels(Instrument instrument, List<int> indexes)
    {
        if (indexes.Count == 1)
        {
            return instrument.BilingualLabel(indexes[0]);
        }

        var signals = instrument.Signals;
        return Text.Bilingual(
            string.Join(Separator, indexes.Select(i => signals[i].LabelNl)),
            string.Join(Separator, indexes.Select(i => signals[i].LabelEn)));
    }
}
