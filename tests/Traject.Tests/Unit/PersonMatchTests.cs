using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Screening.Pooling;

namespace Traject.Tests.Unit;

/// <summary>Exact matching for signal pooling, receipts, and the suggestion over the signals known for her.</summary>
public class PersonMatchTests
{
    private static readonly Guid A = Guid.CreateVersion7();
    private static readonly Guid B = Guid.CreateVersion7();

    [Theory]
    [InlineData("Zoë", "ZOE")]
    [InlineData("  anne   marie ", "ANNE MARIE")]
    [InlineData("de\tVries", "DE VRIES")]
    [InlineData("Çelik-Öztürk", "CELIK-OZTURK")]
    [InlineData("O'Neill", "O'NEILL")]
    public void Names_are_compared_without_case_accents_or_extra_spaces(string name, string normalised) =>
        Assert.Equal(normalised, PersonMatch.Normalise(name));

    [Fact]
    public void Exactly_one_candidate_with_the_same_names_matches()
    {
        PersonMatch.Candidate[] born = [new(A, "Zoë", "de Vries"), new(B, "Zoë", "Vries")];
        Assert.Equal(A, PersonMatch.Single(born, "zoe", "De  Vries"));
        Assert.Equal(B, PersonMatch.Single(born, "ZOË", "vries"));
    }

    [Theory]
    [InlineData("Zoey", "de Vries")]   // another spelling
    [InlineData("Zoë Anna", "de Vries")] // a second given name
    [InlineData("Zoë", "Vries de")]
    [InlineData("Vries", "Zoë")]       // names swapped
    public void Nothing_fuzzy_matches(string given, string family) =>
        Assert.Null(PersonMatch.Single([new PersonMatch.Candidate(A, "Zoë", "de Vries")], given, family));

    [Fact]
    public void Several_candidates_with_the_same_names_are_no_match()
    {
        PersonMatch.Candidate[] born = [new(A, "Sanne", "Fictief"), new(B, "sanne", "FICTIEF")];
        Assert.Null(PersonMatch.Single(born, "Sanne", "Fictief"));
        Assert.Null(PersonMatch.Single([], "Sanne", "Fictief"));
    }

    [Fact]
    public void Receipts_are_random_and_well_formed()
    {
        var receipts = Enumerable.Range(0, 50).Select(_ => PoolingReceipt.New()).ToList();
        Assert.All(receipts, r => Assert.True(PoolingReceipt.IsWellFormed(r), r));
        Assert.Equal(receipts.Count, receipts.Distinct().Count());
        Assert.False(PoolingReceipt.IsWellFormed("J-7KM4-R9XW"));
        Assert.False(PoolingReceipt.IsWellFormed("R-7KM4-R9X0"));
        Assert.False(PoolingReceipt.IsWellFormed(null));
    }

    [Fact]
    public void No_signals_or_only_codes_the_instrument_no_longer_knows_suggest_nothing()
    {
        var instrument = new Instrument("test", [new SignalDefinition("test-acute", "test", "Test", "Test", [], [], true)]);
        var dob = new DateOnly(2010, 3, 1);
        Assert.Equal(Classification.None, SignalPicture.Suggest(instrument, dob, []));
        Assert.Equal(Classification.None, SignalPicture.Suggest(instrument, dob, [new ObservedSignal("withdrawn-in-an-older-version", new DateOnly(2026, 1, 1))]));

        // A withdrawn code next to known ones is left out: the suggestion is the engine's for the known ones alone.
        var code = instrument.Signals[0].Code;
        var expected = ScreeningEngine.Evaluate(instrument, dob, new DateOnly(2026, 2, 1), [code], out _)!.Classification;
        Assert.Equal(expected, SignalPicture.Suggest(instrument, dob,
            [new ObservedSignal(code, new DateOnly(2026, 2, 1)), new ObservedSignal("withdrawn-in-an-older-version", new DateOnly(2026, 1, 1))]));
    }
}
