namespace Traject.Web.Modules.Screening;

/// <summary>
/// What the engine suggests for one set of observed signals. <see cref="Explanation"/> holds stored messages
/// (<c>Text.Encode</c> templates with arguments), rendered in the reader's language with <c>Text.Render</c>.
/// </summary>
internal sealed record ScreeningOutcome(
    Classification Classification,
    IReadOnlyList<RiskProfile> RiskProfiles,
    IReadOnlyDictionary<LegalElement, IReadOnlyList<string>> LegalElements,
    IReadOnlyList<string> Explanation,
    string InstrumentVersion);

/// <summary>The screening engine: pure code, no I/O. It suggests; professionals decide.</summary>
internal static class ScreeningEngine
{
    /// <summary>
    /// Evaluates observed signal codes (duplicates allowed, order irrelevant) for a young person born on
    /// <paramref name="dateOfBirth"/>, observed on <paramref name="observedOn"/>. Codes the instrument does not know
    /// are returned in <paramref name="unknownCodes"/> and the outcome is then null.
    /// </summary>
    public static ScreeningOutcome? Evaluate(Instrument instrument, DateOnly dateOfBirth, DateOnly observedOn,
        IEnumerable<string> codes, out IReadOnlyList<string> unknownCodes)
    {
        // Placeholder until the engine lands: unknown codes are reported, everything else is "none".
        var list = codes.Distinct(StringComparer.Ordinal).ToList();
        unknownCodes = list.Where(c => instrument.Find(c) is null).ToList();
        if (unknownCodes.Count > 0)
        {
            return null;
        }

        return new ScreeningOutcome(Classification.None, [], new Dictionary<LegalElement, IReadOnlyList<string>>(), [], instrument.Version);
    }
}
