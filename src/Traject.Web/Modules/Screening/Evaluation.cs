using Microsoft.Extensions.Localization;

namespace Traject.Web.Modules.Screening;

internal sealed record EvaluateRequest(DateOnly? DateOfBirth, DateOnly? ObservationDate, string[]? Signals, string? InstrumentVersion);

/// <summary>The signal codes per legal element; <c>PaidSexMinor</c> (art. 273f lid 1 sub 5 / sub 8) stays empty from 18.</summary>
internal sealed record LegalElementsView(IReadOnlyList<string> Act, IReadOnlyList<string> Means, IReadOnlyList<string> Purpose, IReadOnlyList<string> PaidSexMinor);

internal sealed record EvaluationResponse(
    string Classification,
    IReadOnlyList<string> RiskProfiles,
    LegalElementsView LegalElements,
    IReadOnlyList<string> Explanation,
    string InstrumentVersion);

/// <summary>
/// The stateless evaluation behind <c>POST /api/v1/screening/evaluate</c> and the <c>screen</c> verb: checks the
/// request, runs the engine and renders the explanation in the current culture. It stores nothing.
/// </summary>
internal static class Evaluation
{
    /// <summary>
    /// The instrument the request asks for: the named version, or <paramref name="current"/> without a name.
    /// Null when the named version does not exist.
    /// </summary>
    public static async Task<Instrument?> ResolveAsync(EvaluateRequest request, Func<CancellationToken, Task<Instrument>> current,
        IInstrumentStore store, CancellationToken ct) =>
        request.InstrumentVersion is null ? await current(ct)
        : InstrumentJson.IsVersionName(request.InstrumentVersion) ? await store.FindAsync(request.InstrumentVersion, ct)
        : null;

    /// <summary>Evaluates <paramref name="request"/> with <paramref name="instrument"/> (null: the version asked for does not exist).</summary>
    public static Result<EvaluationResponse> Evaluate(EvaluateRequest request, Instrument? instrument, IStringLocalizer l)
    {
        var v = new Validator();
        var dateOfBirth = v.Required("dateOfBirth", request.DateOfBirth);
        var observationDate = v.Required("observationDate", request.ObservationDate);
        if (v.IsValid && dateOfBirth > observationDate)
        {
            v.Add("dateOfBirth", "The date of birth cannot be after the observation date.");
        }

        if (instrument is null)
        {
            v.Add("instrumentVersion", "There is no instrument version with this name.");
        }

        var signals = request.Signals;
        if (signals is null)
        {
            v.Add("signals", "This field is required.");
        }
        else
        {
            // Each unknown code is named where it was given; only text shaped like a code is repeated back.
            for (var i = 0; i < signals.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(signals[i]))
                {
                    v.Add($"signals[{i}]", "This field is required.");
                }
                else if (instrument is not null && instrument.IndexOf(signals[i]) < 0)
                {
                    if (InstrumentJson.IsCode(signals[i]))
                    {
                        v.Add($"signals[{i}]", "Unknown signal code {0} in instrument version {1}.", signals[i], instrument.Version);
                    }
                    else
                    {
                        v.Add($"signals[{i}]", "This is not a signal code of instrument version {0}.", instrument.Version);
                    }
                }
            }
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        var outcome = ScreeningEngine.Evaluate(instrument!, dateOfBirth, observationDate, signals!, out _)
            ?? throw new InvalidOperationException("The engine found unknown codes the check let through.");
        return ToResponse(outcome, l);
    }

    public static EvaluationResponse ToResponse(ScreeningOutcome outcome, IStringLocalizer l) => new(
        InstrumentNames.Of(outcome.Classification),
        outcome.RiskProfiles.Select(InstrumentNames.Of).ToList(),
        new LegalElementsView(outcome.LegalElements[LegalElement.Act], outcome.LegalElements[LegalElement.Means], outcome.LegalElements[LegalElement.Purpose],
            outcome.LegalElements[LegalElement.PaidSexMinor]),
        outcome.Explanation.Select(l.Render).ToList(),
        outcome.InstrumentVersion);
}
