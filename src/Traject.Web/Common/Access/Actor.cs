using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Data;

namespace Traject.Web.Common.Access;

/// <summary>The signed-in professional as the database knows her now (not as a token remembers her).</summary>
internal sealed record Actor(
    Guid Id,
    string DisplayName,
    Guid OrganisationId,
    OrganisationKind OrganisationKind,
    IReadOnlySet<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role);
    public bool HasCareRole => Roles.Any(Access.Roles.Care.Contains);
    public bool IsAdministrator => IsInRole(Access.Roles.Administrator);
}

/// <summary>Resolves the <see cref="Actor"/> of the current request once, from the database.</summary>
internal sealed class CurrentActor(IHttpContextAccessor http, TrajectDb db, IHostEnvironment env, TimeProvider time)
{
    private Actor? _actor;
    private bool _loaded;

    public async Task<Actor?> GetAsync(CancellationToken ct = default)
    {
        if (_loaded)
        {
            return _actor;
        }

        _loaded = true;
        var principal = http.HttpContext?.User;
        var idText = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!Guid.TryParse(idText, out var id))
        {
            return null;
        }

        // A bearer token (even a freshly refreshed one) stops counting when its session's 10 hours are over.
        if (Modules.Auth.SessionLifetime.EndsAt(principal) is { } ends && time.GetUtcNow() >= ends)
        {
            return null;
        }

        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == id && u.IsActive && u.Organisation!.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.OrganisationId, u.Organisation!.Kind, u.SecurityStamp, u.TwoFactorEnabled, u.Email })
            .SingleOrDefaultAsync(ct);
        // Fails closed: no session or token counts while the second factor is not set up (only demo accounts in Development).
        if (row is null || (!row.TwoFactorEnabled && !Modules.Auth.Enrolment.IsExempt(env, row.Email)))
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
        _actor = new Actor(row.Id, row.DisplayName, row.OrganisationId, row.Kind,
            new HashSet<string>(roles, StringComparer.Ordinal));
        return _actor;
    }

    /// <summary>For use after <see cref="ActorMiddleware"/> has run: endpoints behind authorization always have one.</summary>
    public async Task<Actor> RequireAsync(CancellationToken ct = default) =>
        await GetAsync(ct) ?? throw new InvalidOperationException("No signed-in professional.");
}
