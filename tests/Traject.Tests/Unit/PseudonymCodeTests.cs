using System.Text.RegularExpressions;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Tests.Unit;

public partial class PseudonymCodeTests
{
    [GeneratedRegex("^J-[0-9A-Z]{4}-[0-9A-Z]{4}$")]
    private static partial Regex Format();

    [Fact]
    public void New_codes_are_well_formed_and_use_only_the_alphabet()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 2000; i++)
        {
            var code = PseudonymCode.New();
            Assert.Matches(Format(), code);
            Assert.True(PseudonymCode.IsWellFormed(code), code);
            Assert.All(code.Replace("-", "", StringComparison.Ordinal)[1..], c => Assert.Contains(c, PseudonymCode.Alphabet));
            seen.Add(code);
        }

        // 25^8 possible codes: 2000 draws colliding would mean the randomness is broken.
        Assert.True(seen.Count >= 1990, $"only {seen.Count} distinct codes in 2000");
    }

    [Fact]
    public void The_alphabet_has_no_look_alikes_and_no_repeats()
    {
        foreach (var c in "0O1IL5S2Z8B")
        {
            Assert.DoesNotContain(c, PseudonymCode.Alphabet);
        }

        Assert.Equal(PseudonymCode.Alphabet.Length, PseudonymCode.Alphabet.Distinct().Count());
        Assert.All(PseudonymCode.Alphabet, c => Assert.True(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)));
    }

    [Fact]
    public void Every_character_of_the_alphabet_is_used()
    {
        var used = new HashSet<char>();
        for (var i = 0; i < 500 && used.Count < PseudonymCode.Alphabet.Length; i++)
        {
            used.UnionWith(PseudonymCode.New()[2..].Replace("-", "", StringComparison.Ordinal));
        }

        Assert.Equal(PseudonymCode.Alphabet.Length, used.Count);
    }

    [Theory]
    [InlineData("J-7KM4-R9XW", true)]
    [InlineData("J-3333-YYYY", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("J-7KM4R9XW", false)]
    [InlineData("J-7KM4-R9XWX", false)]
    [InlineData("J-7KM-R9XW", false)]
    [InlineData("j-7KM4-R9XW", false)]
    [InlineData("J-7km4-R9XW", false)]
    [InlineData("K-7KM4-R9XW", false)]
    [InlineData("J_7KM4-R9XW", false)]
    [InlineData("J-7KM4_R9XW", false)]
    [InlineData("J-0KM4-R9XW", false)]
    [InlineData("J-7KM4-R9XO", false)]
    [InlineData("J-1KM4-R9XW", false)]
    [InlineData("J-7KM4-R9XI", false)]
    [InlineData("J-LKM4-R9XW", false)]
    [InlineData("J-5KM4-R9XW", false)]
    [InlineData("J-SKM4-R9XW", false)]
    [InlineData("J-2KM4-R9XW", false)]
    [InlineData("J-ZKM4-R9XW", false)]
    [InlineData("J-8KM4-R9XW", false)]
    [InlineData("J-BKM4-R9XW", false)]
    [InlineData("J-7KM4--9XW", false)]
    [InlineData("J-7KM4-R9X ", false)]
    public void Well_formed_codes(string? code, bool expected) => Assert.Equal(expected, PseudonymCode.IsWellFormed(code));
}
