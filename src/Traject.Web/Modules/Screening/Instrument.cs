namespace Traject.Web.Modules.Screening;

/// <summary>The screening outcome the engine suggests; professionals decide in the weighing.</summary>
internal enum Classification
{
    None,
    Potential,
    Suspected,
    Acute,
}

/// <summary>The risk profiles a risk-factor signal can point to (wire names in <see cref="InstrumentNames"/>).</summary>
internal enum RiskProfile
{
    PhaseOfLife,
    Influenceable,
    Traumatised,
    MultiProblem,
    HonourRelated,
}

/// <summary>
/// The legal elements of trafficking (Criminal Code art. 273f): the act, the means and the purpose of exploitation, and
/// paid sexual acts of a minor with or for a third party (art. 273f lid 1 sub 5 and sub 8), which for someone under 18
/// is trafficking without an act or a means. Wire names in <see cref="InstrumentNames"/>.
/// </summary>
internal enum LegalElement
{
    Act,
    Means,
    Purpose,

    /// <summary>
    /// Bringing a minor to make herself available for sexual acts with or for a third party against payment, or profiting
    /// from such acts (sub 5 / sub 8): alone the legal test for someone under 18; from 18 an exploitation purpose only.
    /// </summary>
    PaidSexMinor,
}

/// <summary>The legal test of art. 273f lid 1 Sr as the instrument and the engine use it.</summary>
internal static class LegalTest
{
    /// <summary>The sub-paragraphs on paid sexual acts of a minor, as explanations name them.</summary>
    public const string PaidSexMinorArticle = "art. 273f lid 1 sub 5 / sub 8 Sr";

    /// <summary>The elements of the general test (sub 1 and sub 2): every instrument needs signals of each of them.</summary>
    public static readonly IReadOnlyList<LegalElement> GeneralElements = [LegalElement.Act, LegalElement.Means, LegalElement.Purpose];
}

/// <summary>One signal of an instrument version, with its group, labels and tags.</summary>
internal sealed record SignalDefinition(
    string Code,
    string Group,
    string LabelNl,
    string LabelEn,
    IReadOnlyList<RiskProfile> RiskProfiles,
    IReadOnlyList<LegalElement> LegalElements,
    bool Acute);

/// <summary>One immutable version of the signal list.</summary>
internal sealed class Instrument
{
    private readonly Dictionary<string, SignalDefinition> _byCode;
    private readonly Dictionary<string, int> _index;
    private readonly string[] _labels;

    public Instrument(string version, IReadOnlyList<SignalDefinition> signals)
    {
        Version = version;
        Signals = signals;
        _byCode = signals.ToDictionary(s => s.Code, StringComparer.Ordinal);
        _index = new Dictionary<string, int>(signals.Count, StringComparer.Ordinal);
        _labels = new string[signals.Count];
        for (var i = 0; i < signals.Count; i++)
        {
            _index[signals[i].Code] = i;
            _labels[i] = Common.Text.Bilingual(signals[i].LabelNl, signals[i].LabelEn);
        }
    }

    public string Version { get; }

    public IReadOnlyList<SignalDefinition> Signals { get; }

    public SignalDefinition? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The position of a signal in <see cref="Signals"/>, or -1 when the instrument does not know the code.</summary>
    public int IndexOf(string code) => _index.GetValueOrDefault(code, -1);

    /// <summary>The signal's label in both languages, as a <c>Text.Encode</c> argument (see <c>Text.Bilingual</c>).</summary>
    internal string BilingualLabel(int index) => _labels[index];
}

/// <summary>The groups (domains) signals are listed under; the Dutch names are in docs/glossary.md and the resources.</summary>
internal static class InstrumentGroups
{
    public const string RelationshipAndNetwork = "relationship-and-network";
    public const string MoneyGoodsPhones = "money-goods-phones";
    public const string BehaviourAndSchool = "behaviour-and-school";
    public const string RunningAway = "running-away";
    public const string SexualAndPhysicalHealth = "sexual-and-physical-health";
    public const string Online = "online";
    public const string Substances = "substances";
    public const string CriminalExploitation = "criminal-exploitation";
    public const string Statements = "statements";

    /// <summary>In the order they are shown.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        RelationshipAndNetwork, MoneyGoodsPhones, BehaviourAndSchool, RunningAway, SexualAndPhysicalHealth, Online,
        Substances, CriminalExploitation, Statements,
    ];

    /// <summary>The resource key of a group's display name.</summary>
    public static string LabelKey(string group) => "SignalGroup." + group;
}

/// <summary>The lower-case names used on the wire and in the instrument data.</summary>
internal static class InstrumentNames
{
    public static string Of(Classification c) => c.ToString().ToLowerInvariant();

    public static string Of(LegalElement e) => e switch
    {
        LegalElement.PaidSexMinor => "paid-sex-minor",
        _ => e.ToString().ToLowerInvariant(),
    };

    public static string Of(RiskProfile p) => p switch
    {
        RiskProfile.PhaseOfLife => "phase-of-life",
        RiskProfile.Influenceable => "influenceable",
        RiskProfile.Traumatised => "traumatised",
        RiskProfile.MultiProblem => "multi-problem",
        RiskProfile.HonourRelated => "honour-related",
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };

    public static bool TryParse(string? name, out RiskProfile profile)
    {
        foreach (var p in Enum.GetValues<RiskProfile>())
        {
            if (string.Equals(Of(p), name, StringComparison.Ordinal))
            {
                profile = p;
                return true;
            }
        }

        profile = default;
        return false;
    }

    public static bool TryParse(string? name, out LegalElement element)
    {
        foreach (var e in Enum.GetValues<LegalElement>())
        {
            if (string.Equals(Of(e), name, StringComparison.Ordinal))
            {
                element = e;
                return true;
            }
        }

        element = default;
        return false;
    }
}
