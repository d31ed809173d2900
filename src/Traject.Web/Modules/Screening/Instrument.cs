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

/// <summary>The legal elements of trafficking: the act, the means and the purpose of exploitation.</summary>
internal enum LegalElement
{
    Act,
    Means,
    Purpose,
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

    public Instrument(string version, IReadOnlyList<SignalDefinition> signals)
    {
        Version = version;
        Signals = signals;
        _byCode = signals.ToDictionary(s => s.Code, StringComparer.Ordinal);
    }

    public string Version { get; }

    public IReadOnlyList<SignalDefinition> Signals { get; }

    public SignalDefinition? Find(string code) => _byCode.GetValueOrDefault(code);
}

/// <summary>The lower-case names used on the wire and in the instrument data.</summary>
internal static class InstrumentNames
{
    public static string Of(Classification c) => c.ToString().ToLowerInvariant();

    public static string Of(LegalElement e) => e.ToString().ToLowerInvariant();

    public static string Of(RiskProfile p) => p switch
    {
        RiskProfile.PhaseOfLife => "phase-of-life",
        RiskProfile.Influenceable => "influenceable",
        RiskProfile.Traumatised => "traumatised",
        RiskProfile.MultiProblem => "multi-problem",
        RiskProfile.HonourRelated => "honour-related",
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };
}
