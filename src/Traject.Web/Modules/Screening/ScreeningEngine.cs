
namespace Traject.Web.Modules.Screening;

/// <summary>
/// What the engine suggests for one set of observed signals. <see cref="Explanation"/> holds stored messages
/// (<c>Text.Encode</c> templates with arguments), rendered in the reader's language with <c>Text.Render</c>.
/// <see cref="LegalElements"/> always has every element, each with the codes (in instrument order) that evidence it; a signal
/// of paid sexual acts of a minor is listed under the purpose too, and from 18 only there.
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
/// exploitation purpose for someone under 18 on the observation date; an act, a means and a purpose from 18. Under 18 a
/// signal of paid sexual acts with or for a third party (<see cref="LegalElement.PaidSexMinor"/>, art. 273f lid 1 sub 5 /
/// sub 8) is enough on its own: no act and no means are needed. From 18 such a signal counts as an exploitation purpose
/// only.</item>
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

    private static readonly LegalElement[] Elements = Enum.GetValues<LegalElement>();
    private static readonly RiskProfile[] Profiles = Enum.GetValues<RiskProfile>();

    // The explanation's messages, encoded once. A message whose last argument is the signal labels is stored encoded
    // with an empty last argument; appending the labels gives exactly Text.Encode(template, …, labels).
    private static readonly string AcuteLine = Text.Encode("Acute danger: {0}.", string.Empty);
    private static readonly string[] ElementLines = Elements.Select(e => Text.Encode("Legal element {0}: {1}.", e, string.Empty)).ToArray();
    private static readonly string[] ProfileLines = Profiles.Select(p => Text.Encode("Risk profile {0}: {1}.", p, string.Empty)).ToArray();
    private static readonly string PaidSexMinorConclusion = Text.Encode(
        "Suggestion: {0}. Under 18, paid sexual acts with or for a third party are trafficking without an act or a means ({1}).",
        Classification.Suspected, LegalTest.PaidSexMinorArticle);
    private static readonly string PaidSexAdultLine = Text.Encode(
        "From 18, signals of paid sexual acts count as an exploitation purpose only: {0} concerns minors.", LegalTest.PaidSexMinorArticle);
    private static readonly string[] NotEvidencedLines = Elements.Select(e => Text.Encode("Legal element not evidenced: {0}.", e)).ToArray();
    private static readonly string[] WithoutAcuteLines = Enum.GetValues<Classification>().Select(c => Text.Encode("Without the acute danger the suggestion would be: {0}.", c)).ToArray();
    private static readonly string AcuteConclusion = Text.Encode("Suggestion: {0}. Safety comes first; acute danger overrides every other outcome.", Classification.Acute);
    private static readonly string SuspectedConclusion = Text.Encode("Suggestion: {0}. The signals match every legal element the test requires.", Classification.Suspected);
    private static readonly string IncompleteConclusion = Text.Encode("Suggestion: {0}. Signals of legal elements without the complete legal test count as potential.", Classification.Potential);
    private static readonly string RiskConclusion = Text.Encode("Suggestion: {0}. There are risk factors and no signals of the legal elements of trafficking.", Classification.Potential);
    private static readonly string NoneConclusion = Text.Encode("Suggestion: {0}. No signals were observed.", Classification.None);
    private static readonly string[] AgeLines = Enumerable.Range(0, 120).Select(AgeLine).ToArray();

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

        // One pass over the instrument in its own order: that order is the order of every list in the outcome.
        List<int>? acute = null;
        var byElement = new List<int>?[Elements.Length];
        var byProfile = new List<int>?[Profiles.Length];
        for (var i = 0; i < seen.Length; i++)
        {
            if (!seen[i])
            {
                continue;
            }

            var s = signals[i];
            if (s.Acute)
            {
                (acute ??= []).Add(i);
            }

            foreach (var e in s.LegalElements)
            {
                (byElement[(int)e] ??= []).Add(i);
            }

            foreach (var p in s.RiskProfiles)
            {
                (byProfile[(int)p] ??= []).Add(i);
            }
        }

        var age = Clock.AgeOn(dateOfBirth, observedOn);
        var minor = age < AgeOfMajority;

        // Paid sexual acts with or for a third party are an exploitation purpose at any age; sub 5 and sub 8 make them
        // the whole legal test for a minor only, so from 18 they are listed as a purpose and nothing more.
        var paidSex = byElement[(int)LegalElement.PaidSexMinor];
        if (paidSex is not null)
        {
            byElement[(int)LegalElement.Purpose] = (byElement[(int)LegalElement.Purpose] ?? []).Union(paidSex).Order().ToList();
            if (!minor)
            {
                byElement[(int)LegalElement.PaidSexMinor] = null;
            }
        }

        bool Has(LegalElement e) => byElement[(int)e] is not null;
        var anyElement = Has(LegalElement.Act) || Has(LegalElement.Means) || Has(LegalElement.Purpose);
        var anyRiskFactor = Array.Exists(byProfile, found => found is not null);
        var paidSexMinor = Has(LegalElement.PaidSexMinor);
        var legalTestMet = paidSexMinor || (Has(LegalElement.Act) && Has(LegalElement.Purpose) && (minor || Has(LegalElement.Means)));
        var withoutAcute = legalTestMet ? Classification.Suspected : anyRiskFactor || anyElement ? Classification.Potential : Classification.None;
        var classification = acute is not null ? Classification.Acute : withoutAcute;

        var explanation = new List<string>(12) { age < AgeLines.Length ? AgeLines[age] : AgeLine(age) };
        if (acute is not null)
        {
            explanation.Add(AcuteLine + Labels(instrument, acute));
        }

        var elements = new Dictionary<LegalElement, IReadOnlyList<string>>(Elements.Length);
        foreach (var e in Elements)
        {
            var found = byElement[(int)e];
            elements[e] = found is null ? [] : Codes(signals, found);
            if (found is not null)
            {
                explanation.Add(ElementLines[(int)e] + Labels(instrument, found));
            }
        }

        var profiles = new List<RiskProfile>(Profiles.Length);
        foreach (var p in Profiles)
        {
            if (byProfile[(int)p] is { } found)
            {
                profiles.Add(p);
                explanation.Add(ProfileLines[(int)p] + Labels(instrument, found));
            }
        }

        if (paidSex is not null && !minor)
        {
            explanation.Add(PaidSexAdultLine);
        }

        if (anyElement && !legalTestMet)
        {
            foreach (var e in LegalTest.GeneralElements)
            {
                if (!Has(e) && (e != LegalElement.Means || !minor))
                {
                    explanation.Add(NotEvidencedLines[(int)e]);
                }
            }
        }

        explanation.Add(classification switch
        {
            Classification.Acute => AcuteConclusion,
            Classification.Suspected => paidSexMinor ? PaidSexMinorConclusion : SuspectedConclusion,
            Classification.Potential => anyElement ? IncompleteConclusion : RiskConclusion,
            _ => NoneConclusion,
        });
        if (classification == Classification.Acute && withoutAcute != Classification.None)
        {
            explanation.Add(WithoutAcuteLines[(int)withoutAcute]);
        }

        return new ScreeningOutcome(classification, profiles, elements, explanation, instrument.Version);
    }

    private static string AgeLine(int age) => age < AgeOfMajority
        ? Text.Encode("Age on the observation date: {0}. Under 18 the legal test needs an act and an exploitation purpose; no means is required.", age)
        : Text.Encode("Age on the observation date: {0}. From 18 the legal test needs an act, a means and an exploitation purpose.", age);

    private static string[] Codes(IReadOnlyList<SignalDefinition> signals, List<int> indexes)
    {
        var codes = new string[indexes.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = signals[indexes[i]].Code;
        }

        return codes;
    }

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
