using BenchmarkDotNet.Attributes;
using Traject.Web.Modules.Screening;

namespace Traject.Bench;

/// <summary>
/// The screening engine on the built-in instrument, one evaluation per call on one thread: a typical screening (a few
/// risk factors and legal elements, one code twice), a large one (every third signal of the list) and an empty one.
/// The goal is at least 100,000 evaluations a second on one core, that is at most 10 µs per call.
/// </summary>
[MemoryDiagnoser]
[InProcess] // the generated project cannot restore ASP.NET framework packages from this registry
public class ScreeningEngineEvaluations
{
    private static readonly DateOnly Born = new(2010, 3, 14);
    private static readonly DateOnly Observed = new(2026, 11, 1);

    private Instrument _instrument = null!;
    private string[] _typical = null!;
    private string[] _large = null!;

    [GlobalSetup]
    public void Setup()
    {
        _instrument = BuiltInInstrument.Instance;
        var signals = _instrument.Signals;
        string First(Func<SignalDefinition, bool> kind) => signals.First(kind).Code;
        var risk = First(s => s.RiskProfiles.Count > 0 && s.LegalElements.Count == 0);
        _typical =
        [
            risk, First(s => s.RiskProfiles.Contains(RiskProfile.Traumatised)), First(s => s.LegalElements.Contains(LegalElement.Act)),
            First(s => s.LegalElements.Contains(LegalElement.Purpose)), First(s => s.LegalElements.Contains(LegalElement.Means)), risk,
        ];
        _large = signals.Where((_, i) => i % 3 == 0).Select(s => s.Code).ToArray();
    }

    [Benchmark(Baseline = true)]
    public object? Typical() => ScreeningEngine.Evaluate(_instrument, Born, Observed, _typical, out _);

    [Benchmark]
    public object? Large() => ScreeningEngine.Evaluate(_instrument, Born, Observed, _large, out _);

    [Benchmark]
    public object? NoSignals() => ScreeningEngine.Evaluate(_instrument, Born, Observed, [], out _);
}
