using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Modules.YoungPeople;

/// <summary>
/// URLs name a young person by her pseudonym (<c>J-XXXX-XXXX</c>); the internal id is accepted too.
/// An unknown key resolves to <see cref="Guid.Empty"/>, which no access rule grants: it answers 404 like any record out of scope.
/// </summary>
internal static class YoungPersonKey
{
    public static async Task<Guid> ResolveAsync(TrajectDb db, string? key, CancellationToken ct)
    {
        if (Guid.TryParse(key, out var id))
        {
            return id;
        }

        var code = key?.Trim().ToUpperInvariant();
        return PseudonymCode.IsWellFormed(code)
            ? await db.YoungPeople.Where(y => y.PseudonymCode == code).Select(y => y.Id).SingleOrDefaultAsync(ct)
            : Guid.Empty;
    }
}
