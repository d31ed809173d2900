using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Modules.Trajectories;

/// <summary>Professionals by id, as lists and dossiers name them: name and organisation.</summary>
internal static class PersonRefs
{
    public static async Task<Dictionary<Guid, PersonRef>> LoadAsync(TrajectDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var set = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => set.Contains(u.Id))
            .Select(u => new PersonRef(u.Id, u.DisplayName, u.Organisation!.Name))
            .ToDictionaryAsync(p => p.Id, ct);
    }
}
