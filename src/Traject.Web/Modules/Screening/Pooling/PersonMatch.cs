using System.Globalization;
using System.Text;

namespace Traject.Web.Modules.Screening.Pooling;

/// <summary>
/// Exact matching of a pooled signal to a known young person: the same date of birth and the same given and family
/// name, compared without regard to letter case, accents and extra spaces. Nothing fuzzy: a different spelling, a
/// missing second given name or a typing error is no match. Pure code, no I/O.
/// </summary>
internal static class PersonMatch
{
    internal sealed record Candidate(Guid Id, string GivenName, string FamilyName);

    /// <summary>Upper case, accents removed, spaces trimmed and runs of white space made one space.</summary>
    public static string Normalise(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(char.ToUpperInvariant(c));
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The one candidate (all born on the given date) with exactly these names, or null when none or several match:
    /// a signal is never attached to someone who might be someone else.
    /// </summary>
    public static Guid? Single(IEnumerable<Candidate> bornThatDay, string givenName, string familyName)
    {
        var given = Normalise(givenName);
        var family = Normalise(familyName);
        Guid? found = null;
        foreach (var c in bornThatDay)
        {
            if (Normalise(c.GivenName) != given || Normalise(c.FamilyName) != family)
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = c.Id;
        }

        return found;
    }
}
