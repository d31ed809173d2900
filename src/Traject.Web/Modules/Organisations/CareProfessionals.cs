using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Modules.Organisations;

/// <summary>Who can take part in a young person's care: active professionals with a care role in an active care organisation.</summary>
internal static class CareProfessionals
{
    private static readonly OrganisationKind[] CareKinds =
        Enum.GetValues<OrganisationKind>().Where(Organisation.IsCareKind).ToArray();

    public static IQueryable<Professional> Query(TrajectDb db)
    {
        var careRoles = Roles.Care.ToArray();
        var careRoleIds = db.Roles.Where(r => careRoles.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.Where(u => u.IsActive && u.Organisation!.IsActive && CareKinds.Contains(u.Organisation.Kind)
            && db.UserRoles.Any(ur => ur.UserId == u.Id && careRoleIds.Contains(ur.RoleId)));
    }

    public static Task<bool> IsEligibleAsync(TrajectDb db, Guid professionalId, CancellationToken ct) =>
        Query(db).AnyAsync(u => u.Id == professionalId, ct);

    /// <summary>The active designated experts of an organisation, oldest account first.</summary>
    public static Task<List<Guid>> DesignatedExpertsAsync(TrajectDb db, Guid organisationId, CancellationToken ct) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where u.OrganisationId == organisationId && u.IsActive && r.Name == Roles.DesignatedExpert
         select u.Id).Distinct().OrderBy(id => id).ToListAsync(ct);

    public static Task<bool> IsCareOrganisationAsync(TrajectDb db, Guid organisationId, CancellationToken ct) =>
        db.Organisations.AnyAsync(o => o.Id == organisationId && o.IsActive && CareKinds.Contains(o.Kind), ct);
}
