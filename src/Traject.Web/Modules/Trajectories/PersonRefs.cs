using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Modules.Trajectories;

/// <summary>Professionals by id, as lists and dossiers name them: name and organisation.</summary>
internal static class PersonRefs
{
    /// <summary>The name a timeline shows for a care-team member: the professional or, when none is given, the whole organisation.</summary>
    public static Task<string> MemberNameAsync(TrajectDb db, Guid? professionalId, Guid? organisationId, CancellationToken ct) => professionalId is { } p
        ? db.Users.Where(u => u.Id == p).Select(u => u.DisplayName).SingleAsync(ct)
        : db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);

    public static async Task<Dictionary<Guid, PersonRef>> LoadAsync(TrajectDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var set = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => set.Contains(u.Id))
            .Select(u => new PersonRef(u.Id, u.DisplayName, u.Organisation!.Name))
            .ToDictionaryAsync(p => p.Id, ct);
    }
}
