using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;

namespace Traject.Web.Common;

/// <summary>Localisation helpers: enum labels and stored, language-neutral messages.</summary>
internal static class Text
{
    /// <summary>Separates a stored message template from its arguments; never valid in user input.</summary>
    public const char Separator = '\u001F';

    /// <summary>Stores a message as template plus arguments, rendered later in the reader's language.</summary>
    public static string Encode(string template, params object[] args) =>
        string.Join(Separator, [template, .. args.Select(a => a switch
        {
            Enum e => "enum:" + e.GetType().Name + "." + e,
            ILabelled x => "enum:" + x.LabelKey,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => a.ToString() ?? string.Empty,
        })]);

    /// <summary>Separates the Dutch from the English text inside one <see cref="Bilingual"/> argument.</summary>
    private const char LanguageSeparator = '\u001E';

    private const string BilingualPrefix = "nl-en:";

    /// <summary>
    /// An argument for <see cref="Encode"/> that carries its own Dutch and English text (data with both languages,
    /// such as signal labels, rather than a resource key). It renders in English for English readers, else in Dutch.
    /// </summary>
    public static string Bilingual(string nl, string en) => BilingualPrefix + nl + LanguageSeparator + en;

    public static string Render(this IStringLocalizer l, string stored)
    {
        var parts = stored.Split(Separator);
        if (parts.Length == 1)
        {
            return l[stored].Value;
        }

        var args = parts.Skip(1).Select(p => p switch
        {
            _ when p.StartsWith("enum:", StringComparison.Ordinal) => l.Label(p[5..]),
            _ when p.StartsWith(BilingualPrefix, StringComparison.Ordinal) => InReadersLanguage(p[BilingualPrefix.Length..]),
            _ => p,
        }).ToArray<object>();
        return string.Format(CultureInfo.CurrentCulture, l[parts[0]].Value, args);
    }

    private static string InReadersLanguage(string both)
    {
        var split = both.IndexOf(LanguageSeparator, StringComparison.Ordinal);
        if (split < 0)
        {
            return both;
        }

        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? both[(split + 1)..] : both[..split];
    }

    public static string Label<TEnum>(this IStringLocalizer l, TEnum value)
        where TEnum : struct, Enum => l.Label(typeof(TEnum).Name + "." + value);

    /// <summary>The label of a value labelled like an enum.</summary>
    public static string Label(this IStringLocalizer l, ILabelled value) => l.Label(value.LabelKey);

    /// <summary>Looks up <c>Type.Value</c>; falls back to the value's name in words (the English label).</summary>
    public static string Label(this IStringLocalizer l, string key)
    {
        var found = l[key];
        if (!found.ResourceNotFound)
        {
            return found.Value;
        }

        var name = key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                sb.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                sb.Append(name[i]);
            }
        }

        return sb.ToString();
    }
}
