using System.Security.Claims;
using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Modules.Auth;

/// <summary>The professional behind a cookie or bearer token, re-read from the database on every request.</summary>
internal sealed class ActorLookup(TrajectDb db, IHostEnvironment env, TimeProvider time) : IActorLookup
{
    public async Task<Actor?> FindAsync(ClaimsPrincipal? principal, CancellationToken ct)
    {
        var idText = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!Guid.TryParse(idText, out var id))
        {
            return null;
        }

        // A bearer token (even a freshly refreshed one) stops counting when its session's 10 hours are over.
        if (SessionLifetime.EndsAt(principal) is { } ends && time.GetUtcNow() >= ends)
        {
            return null;
        }

        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == id && u.IsActive && u.Organisation!.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.OrganisationId, u.Organisation!.Kind, u.SecurityStamp, u.TwoFactorEnabled, u.Email })
            .SingleOrDefaultAsync(ct);
        // Fails closed: no session or token counts while the second factor is not set up (only demo accounts in Development).
        if (row is null || (!row.TwoFactorEnabled && !Enrolment.IsExempt(env, row.Email)))
        {
            return null;
        }

        // A changed security stamp (password reset, deactivation, re-enrolment) ends older sessions and tokens.
        var stamp = principal!.FindFirstValue("AspNet.Identity.SecurityStamp");
        if (stamp is not null && !string.Equals(stamp, row.SecurityStamp, StringComparison.Ordinal))
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == id
                           select r.Name!).ToListAsync(ct);
        return new Actor(row.Id, row.DisplayName, row.OrganisationId, row.Kind, new HashSet<string>(roles, StringComparer.Ordinal));
    }
}
