using System.Collections.Frozen;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Modules.Auth;

/// <summary>
/// The professional behind a cookie or bearer token as the database knows her now: kept in memory per id and security
/// stamp by <see cref="SignedInCache"/> (at most a second behind any change, on every node), else read.
/// </summary>
internal sealed class ActorLookup(IServiceProvider services, IHostEnvironment env, TimeProvider time, SignedInCache cache) : IActorLookup
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

        var stamp = principal!.FindFirstValue("AspNet.Identity.SecurityStamp");
        if (cache.TryGet(id, stamp, out var kept))
        {
            return kept;
        }

        // The database context is made only when it is needed: most requests find her kept.
        var db = services.GetRequiredService<TrajectDb>();
        var generation = cache.Generation;
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
        if (stamp is not null && !string.Equals(stamp, row.SecurityStamp, StringComparison.Ordinal))
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == id
                           select r.Name!).ToListAsync(ct);
        var actor = new Actor(row.Id, row.DisplayName, row.OrganisationId, row.Kind, roles.ToFrozenSet(StringComparer.Ordinal));
        cache.Keep(id, stamp, actor, generation);
        return actor;
    }
}
