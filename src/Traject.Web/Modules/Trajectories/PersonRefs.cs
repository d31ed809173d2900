using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Modules.Trajectories;

/// <summary>Professionals by id, as lists and dossiers name them: name and organisation.</summary>
internal static class PersonRefs
{
    /// <summary>The name a timeline shows for a care-team member: the professional or, when none is given, the whole organisation.</summary>
    public static Task<string> MemberNameAsync(TrajectDb db, Guid? professionalId, Guid? organisationId, CancellationToken ct) => professionalId is { } p
        ? db.Users.Where(u => u.Id == p).Select(u => u.DisplayName).SingleAsync(ct)
        : db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);

    /// <summary>
    /// The professionals named, read once per unit of work: a page that shows several parts of a dossier asks for the
    /// same people many times, so each context keeps who it has read (names change too rarely to matter within one request).
    /// </summary>
    public static async Task<Dictionary<Guid, PersonRef>> LoadAsync(TrajectDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var known = Known.GetOrCreateValue(db);
        var set = ids.Distinct().ToList();
        var missing = set.Where(id => !known.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var read = await db.Users.AsNoTracking().Where(u => missing.Contains(u.Id))
                .Select(u => new PersonRef(u.Id, u.DisplayName, u.Organisation!.Name))
                .ToListAsync(ct);
            foreach (var person in read)
            {
                known[person.Id] = person;
            }
        }

        return set.Where(known.ContainsKey).ToDictionary(id => id, id => known[id]);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TrajectDb, Dictionary<Guid, PersonRef>> Known = [];
}
