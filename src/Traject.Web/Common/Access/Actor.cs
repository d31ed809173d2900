using System.Security.Claims;

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

/// <summary>
/// Finds the signed-in professional of a principal as the database knows her now, or null when no session or token
/// counts for her (ended, deactivated, no second factor, changed security stamp). Implemented by the auth module.
/// </summary>
internal interface IActorLookup
{
    Task<Actor?> FindAsync(ClaimsPrincipal? principal, CancellationToken ct);
}

/// <summary>Resolves the <see cref="Actor"/> of the current request once (see <see cref="IActorLookup"/>).</summary>
internal sealed class CurrentActor(IHttpContextAccessor http, IActorLookup lookup)
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
        _actor = await lookup.FindAsync(http.HttpContext?.User, ct);
        return _actor;
    }

    /// <summary>For use after <see cref="ActorMiddleware"/> has run: endpoints behind authorization always have one.</summary>
    public async Task<Actor> RequireAsync(CancellationToken ct = default) =>
        await GetAsync(ct) ?? throw new InvalidOperationException("No signed-in professional.");
}
