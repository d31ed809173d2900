using System.Globalization;
using System.Text;

namespace Traject.Web.Modules.Network;

/// <summary>
/// The normal forms that make the same phone number, handle or place recognisable across networks, whoever typed it
/// and however. Pure code, no I/O; specified in docs/network-normalisation.md. Each returns null for input it cannot
/// read, which the caller refuses.
/// </summary>
internal static class NetworkNormalisation
{
    /// <summary>
    /// A phone number in international form (<c>+31612345678</c>): separators (space, -, ., /, parentheses) dropped, a
    /// trunk "(0)" after the country code dropped, <c>00</c> read as <c>+</c>, a leading single 0 read as Dutch (+31).
    /// Dutch numbers have 9 digits after 31 (service numbers 0800/0900/0906/0909: 7 to 10); others 8 to 15 digits in all.
    /// </summary>
    public static string? Phone(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }

        text = text.Replace("(0)", string.Empty, StringComparison.Ordinal);
        var digits = new StringBuilder(text.Length);
        var plus = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+' && digits.Length == 0 && !plus)
            {
                plus = true;
            }
            else if (c is not (' ' or '-' or '.' or '/' or '(' or ')' or '\u00A0'))
            {
                return null;
            }
        }

        var all = digits.ToString();
        string international;
        if (plus)
        {
            international = all;
        }
        else if (all.StartsWith("00", StringComparison.Ordinal))
        {
            international = all[2..];
        }
        else if (all.StartsWith('0'))
        {
            international = "31" + all[1..];
        }
        else
        {
            return null; // no 0, 00 or +: the country cannot be told
        }

        if (international.StartsWith("31", StringComparison.Ordinal))
        {
            var national = international[2..];
            if (national.StartsWith('0'))
            {
                national = national[1..]; // +31 06… written with the trunk 0
            }

            var service = national.StartsWith("800", StringComparison.Ordinal) || national.StartsWith("900", StringComparison.Ordinal)
                || national.StartsWith("906", StringComparison.Ordinal) || national.StartsWith("909", StringComparison.Ordinal);
            var valid = (national.Length == 9 && national[0] != '0') || (service && national.Length is >= 7 and <= 10);
            return valid ? "+31" + national : null;
        }

        return international.Length is >= 8 and <= 15 && international[0] != '0' ? "+" + international : null;
    }

    /// <summary>
    /// A handle on a platform: from a profile address the last path segment; one leading @ dropped; lower case; only the
    /// characters the platform allows (Facebook ignores dots, so they are dropped). WhatsApp accounts are phone numbers:
    /// use <see cref="Phone"/> for them. Other platforms: any text without white space, in lower case.
    /// </summary>
    public static string? Handle(Platform platform, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        if (text.Contains('/', StringComparison.Ordinal))
        {
            var end = text.IndexOfAny(['?', '#']);
            text = (end >= 0 ? text[..end] : text).Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;
        }

        if (text.StartsWith('@'))
        {
            text = text[1..];
        }

        text = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        if (text.Length == 0)
        {
            return null;
        }

        var allowed = platform switch
        {
            Platform.Instagram or Platform.TikTok or Platform.Discord => "._",
            Platform.Snapchat => "._-",
            Platform.X or Platform.Telegram => "_",
            Platform.Facebook => ".",
            _ => null,
        };
        foreach (var c in text)
        {
            var ok = allowed is null ? !char.IsWhiteSpace(c) && !char.IsControl(c) : char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || allowed.Contains(c);
            if (!ok)
            {
                return null;
            }
        }

        if (platform == Platform.Facebook)
        {
            text = text.Replace(".", string.Empty, StringComparison.Ordinal);
        }

        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// A place name or address: accents removed, lower case, every character that is not a letter or digit read as a
    /// space, a space between digits and letters (<c>1012AB</c> = <c>1012 AB</c>, <c>12a</c> = <c>12 a</c>), spaces collapsed.
    /// </summary>
    public static string? Place(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var sb = new StringBuilder(raw.Length);
        var pendingSpace = false;
        char previous = ' ';
        foreach (var c in raw.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (sb.Length > 0 && (pendingSpace || char.IsDigit(c) != char.IsDigit(previous)))
            {
                sb.Append(' ');
            }

            pendingSpace = false;
            sb.Append(char.ToLowerInvariant(c));
            previous = c;
        }

        return sb.Length == 0 ? null : sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The canonical text that is hashed for a platform's handle: platform and handle, so equal handles on different platforms differ.</summary>
    public static string HandleKey(Platform platform, string normalisedHandle, string? platformName) => platform == Platform.Other
        ? $"handle:other:{Place(platformName) ?? string.Empty}:{normalisedHandle}"
        : $"handle:{platform.ToString().ToLowerInvariant()}:{normalisedHandle}";

    public static string PhoneKey(string normalisedPhone) => "phone:" + normalisedPhone;

    /// <summary>Place names and addresses share one key space: one team's name can be another's address.</summary>
    public static string PlaceKey(string normalisedPlace) => "place:" + normalisedPlace;
}
