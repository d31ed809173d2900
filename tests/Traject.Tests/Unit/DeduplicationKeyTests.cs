using Traject.Web.Modules.Registration;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Tests.Unit;

/// <summary>The normalisation behind the de-duplication key (docs/registration-export.md) and the key itself.</summary>
public class DeduplicationKeyTests
{
    private const string Secret = "unit-test-secret-0123456789abcdef0123";
    private static readonly DateOnly Born = new(2010, 3, 4);

    [Theory]
    [InlineData("van der Berg", "BERG")]
    [InlineData("Van Der Berg", "BERG")]
    [InlineData("  van   der\tBerg ", "BERG")]
    [InlineData("Berg, van der", "BERG")]
    [InlineData("de Vries-van den Heuvel", "VRIESHEUVEL")]
    [InlineData("van 't Hof", "HOF")]
    [InlineData("d'Ancona", "ANCONA")]
    [InlineData("Çelik", "CELIK")]
    [InlineData("Ødegård", "ODEGARD")]
    [InlineData("Straße", "STRASSE")]
    [InlineData("Łukasiewicz", "LUKASIEWICZ")]
    [InlineData("IJzerman", "IJZERMAN")]
    [InlineData("ĳzerman", "IJZERMAN")] // the single-letter ij decomposes to two letters
    [InlineData("De", "DE")] // a name that is only particles keeps them
    [InlineData("van der", "VANDER")]
    public void Family_names_lose_case_accents_spacing_punctuation_and_particles(string name, string normalised) =>
        Assert.Equal(normalised, DeduplicationKey.FamilyName(name));

    [Theory]
    [InlineData("Anne-Marie", "ANNEMARIE")]
    [InlineData("anne marie", "ANNEMARIE")]
    [InlineData("Zoë", "ZOE")]
    [InlineData("  Noor ", "NOOR")]
    [InlineData("De'Andra", "DEANDRA")] // no particles are taken out of given names
    public void Given_names_and_municipalities_lose_case_accents_and_spacing(string name, string normalised) =>
        Assert.Equal(normalised, DeduplicationKey.Plain(name));

    [Fact]
    public void The_input_is_versioned_and_names_its_kind()
    {
        Assert.Equal("v1|N|BERG|ANNEMARIE|2010-03-04", DeduplicationKey.ByNameInput("van der Berg", "Anne-Marie", Born));
        Assert.Equal("v1|D|2010-03-04|F|SHERTOGENBOSCH", DeduplicationKey.DateOfBirthOnlyInput(Born, Gender.Girl, "'s-Hertogenbosch"));
        Assert.Equal("v1|D|2010-03-04|U|DENHAAG", DeduplicationKey.DateOfBirthOnlyInput(Born, Gender.Unknown, "Den Haag"));
    }

    [Fact]
    public void Spellings_of_the_same_person_give_the_same_key_and_others_do_not()
    {
        var key = DeduplicationKey.Compute(Secret, DeduplicationKey.ByNameInput("van der Berg", "Anne-Marie", Born));
        Assert.Equal(64, key.Length);
        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.Equal(key, DeduplicationKey.Compute(Secret, DeduplicationKey.ByNameInput("VAN DER BERG", "anne marie", Born)));
        Assert.Equal(key, DeduplicationKey.Compute(Secret, DeduplicationKey.ByNameInput("Berg", "Anne Marie", Born)));
        Assert.NotEqual(key, DeduplicationKey.Compute(Secret, DeduplicationKey.ByNameInput("van der Berg", "Anne-Marie", Born.AddDays(1))));
        Assert.NotEqual(key, DeduplicationKey.Compute(Secret, DeduplicationKey.ByNameInput("van der Berg", "Anna", Born)));
        Assert.NotEqual(key, DeduplicationKey.Compute("another-secret-0123456789abcdef0123456", DeduplicationKey.ByNameInput("van der Berg", "Anne-Marie", Born)));
        // A notification with date of birth only never collides with one by name.
        Assert.NotEqual(key, DeduplicationKey.Compute(Secret, DeduplicationKey.DateOfBirthOnlyInput(Born, Gender.Girl, "Berg")));
    }

    [Fact]
    public void The_key_is_HMAC_SHA256_in_lower_case_hex()
    {
        // RFC 4231 test case 2.
        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            DeduplicationKey.Compute("Jefe", "what do ya want for nothing?"));
    }
}
