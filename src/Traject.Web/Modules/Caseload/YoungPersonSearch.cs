using System.Globalization;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Caseload;

/// <summary>
/// What a professional types to find a young person in her scope: a pseudonym (<c>J-XXXX-XXXX</c>), a date of birth
/// (<c>dd-mm-yyyy</c>, as shown everywhere, or <c>yyyy-mm-dd</c>), or else a name — every word must be part of her given
/// or family name, whatever the case. It only narrows a query that is already limited to her scope.
/// </summary>
internal sealed class YoungPersonSearch
{
    private static readonly string[] DateFormats = ["dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd"];

    private string? _pseudonym;
    private DateOnly? _born;
    private string[] _words = [];

    public static YoungPersonSearch Parse(string text)
    {
        var search = new YoungPersonSearch();
        if (PseudonymCode.IsWellFormed(text.ToUpperInvariant()))
        {
            search._pseudonym = text.ToUpperInvariant();
        }
        else if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
        {
            search._born = born;
        }
        else
        {
            search._words = text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return search;
    }

    public IQueryable<Trajectory> Apply(IQueryable<Trajectory> query)
    {
        if (_pseudonym is { } code)
        {
            return query.Where(t => t.YoungPerson!.PseudonymCode == code);
        }

        if (_born is { } born)
        {
            return query.Where(t => t.YoungPerson!.DateOfBirth == born);
        }

        foreach (var word in _words)
        {
            // Translated to SQL (lower() and a substring test on both engines): a StringComparison has no translation.
#pragma warning disable CA1862
            query = query.Where(t => t.YoungPerson!.GivenName.ToLower().Contains(word) || t.YoungPerson.FamilyName.ToLower().Contains(word));
#pragma warning restore CA1862
        }

        return query;
    }
}
