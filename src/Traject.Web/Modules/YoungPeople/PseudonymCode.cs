using System.Security.Cryptography;

namespace Traject.Web.Modules.YoungPeople;

/// <summary>
/// Short pseudonymous codes such as <c>J-7KM4-R9XW</c>: an alphabet without look-alike characters
/// (no 0/O, 1/I/L, 5/S, 2/Z, 8/B), grouped for reading aloud over the phone.
/// </summary>
internal static class PseudonymCode
{
    public const string Alphabet = "34679ACDEFGHJKMNPQRTUVWXY";
    private const int Length = 8;

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"J-{chars[..4]}-{chars[4..]}";
    }

    public static bool IsWellFormed(string? code) =>
        code is { Length: 11 } && code.StartsWith("J-", StringComparison.Ordinal) && code[6] == '-'
        && code.Remove(6, 1)[2..].All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
