using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Registration;

/// <summary>
/// The de-duplication key of a national notification: HMAC-SHA256 with the configured secret over a normalised form of
/// the identifying fields, so the same young person notified twice (by two organisations, or with different spelling
/// of case, accents, spacing or name particles) gives the same key. Specified in docs/registration-export.md. Pure code.
/// </summary>
internal static class DeduplicationKey
{
    public const string Scheme = "v1";

    /// <summary>Name particles (tussenvoegsels and their foreign counterparts) left out of family names.</summary>
    public static readonly IReadOnlySet<string> Particles = new HashSet<string>(StringComparer.Ordinal)
    {
        "AAN", "AF", "AL", "AM", "AUF", "BIJ", "BIN", "D", "DA", "DAL", "DE", "DEL", "DELLA", "DEN", "DER", "DES", "DI",
        "DO", "DOS", "DU", "EL", "HET", "IN", "L", "LA", "LE", "LES", "OP", "OVER", "S", "T", "TE", "TEN", "TER", "TOT",
        "UIT", "UIJT", "VAN", "VD", "VER", "VOM", "VON", "ZU", "ZUM", "ZUR",
    };

    /// <summary>
    /// Words of a name: compatibility-decomposed, accents dropped, ß/æ/ø/ł/đ/þ spelled out, upper case; every
    /// character that is not a letter or digit separates words.
    /// </summary>
    public static IReadOnlyList<string> Words(string? value)
    {
        var sb = new StringBuilder();
        foreach (var c in (value ?? string.Empty).Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            var spelled = c switch
            {
                'ß' => "SS",
                'æ' or 'Æ' => "AE",
                'œ' or 'Œ' => "OE",
                'ø' or 'Ø' => "O",
                'ł' or 'Ł' => "L",
                'đ' or 'Đ' => "D",
                'þ' or 'Þ' => "TH",
                'ı' => "I",
                _ => char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c).ToString() : " ",
            };
            sb.Append(spelled);
        }

        return sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A given name or municipality: its words joined without spaces.</summary>
    public static string Plain(string? value) => string.Concat(Words(value));

    /// <summary>A family name: its words without particles, joined without spaces (all words when all are particles).</summary>
    public static string FamilyName(string? value)
    {
        var words = Words(value);
        var kept = words.Where(w => !Particles.Contains(w)).ToList();
        return string.Concat(kept.Count > 0 ? kept : words);
    }

    public static string GenderCode(Gender gender) => gender switch
    {
        Gender.Girl => "F",
        Gender.Boy => "M",
        Gender.Other => "X",
        _ => "U",
    };

    /// <summary>The normalised text the key is computed over, for a notification by name.</summary>
    public static string ByNameInput(string familyName, string givenName, DateOnly dateOfBirth) =>
        string.Join('|', Scheme, "N", FamilyName(familyName), Plain(givenName), Iso(dateOfBirth));

    /// <summary>The normalised text the key is computed over, for a notification with date of birth only.</summary>
    public static string DateOfBirthOnlyInput(DateOnly dateOfBirth, Gender gender, string municipality) =>
        string.Join('|', Scheme, "D", Iso(dateOfBirth), GenderCode(gender), Plain(municipality));

    /// <summary>Lower-case hexadecimal HMAC-SHA256 of the UTF-8 input under the UTF-8 secret.</summary>
    public static string Compute(string secret, string input) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(input)));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
