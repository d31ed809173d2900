using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Modules.Auth;

/// <summary>
/// A web session ends 10 hours after sign-in however active it is, or at its plain log-out. The sign-in time and the
/// session's id travel in the cookie's properties (which survive sliding renewal and the security-stamp refresh;
/// IssuedUtc does not), set once at sign-in. A logged-out session's id is kept in <see cref="EndedSession"/>.
/// </summary>
internal static class SessionLifetime
{
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(10);
    public const string SignedInKey = "traject.signed-in";
    public const string SessionKey = "traject.session";

    /// <summary>
    /// The claim that carries the end of the session in bearer tokens: set at sign-in, passed on unchanged by every
    /// refresh, so a chain of refreshes cannot outlive the 10 hours.
    /// </summary>
    public const string EndsClaim = "traject:session-ends";

    public static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The end of the session a principal belongs to, or null when it carries none (or garbage).</summary>
    public static DateTimeOffset? EndsAt(ClaimsPrincipal? principal) =>
        principal?.FindFirstValue(EndsClaim) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    /// <summary>Replaces the session end of a freshly built principal with the one of the session it continues.</summary>
    public static void Continue(ClaimsPrincipal principal, DateTimeOffset endsAt)
    {
        var identity = (ClaimsIdentity)principal.Identity!;
        foreach (var claim in identity.FindAll(EndsClaim).ToList())
        {
            identity.RemoveClaim(claim);
        }

        identity.AddClaim(new Claim(EndsClaim, Format(endsAt)));
    }

    public static void Apply(CookieAuthenticationOptions options)
    {
        var stampCheck = options.Events.OnValidatePrincipal;
        var signingIn = options.Events.OnSigningIn;
        options.Events.OnSigningIn = async ctx =>
        {
            var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            // A re-sign-in (after a password change) passes the old properties on and keeps the original time and session.
            ctx.Properties.Items.TryAdd(SignedInKey, now.ToString("O", CultureInfo.InvariantCulture));
            ctx.Properties.Items.TryAdd(SessionKey, Guid.CreateVersion7().ToString());
            await signingIn(ctx);
        };
        options.Events.OnValidatePrincipal = async ctx =>
        {
            var services = ctx.HttpContext.RequestServices;
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (SignedInAt(ctx.Properties) is not { } signedIn || now - signedIn >= Absolute || signedIn > now + TimeSpan.FromMinutes(5)
                || SessionId(ctx.Properties) is not { } session
                || (services.GetRequiredService<SignedInCache>().IsEnded(session)
                    ?? await IsEndedAsync(services.GetRequiredService<TrajectDb>(), session, ctx.HttpContext.RequestAborted)))
            {
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(ctx.Scheme.Name);
                return;
            }

            await stampCheck(ctx);
        };
    }

    /// <summary>The current session's sign-in time and id, for re-signing in as the same session with the same absolute end.</summary>
    public static AuthenticationProperties Keep(AuthenticationProperties? current)
    {
        var properties = new AuthenticationProperties();
        foreach (var key in new[] { SignedInKey, SessionKey })
        {
            if (current?.Items.TryGetValue(key, out var value) == true && value is not null)
            {
                properties.Items[key] = value;
            }
        }

        return properties;
    }

    public static DateTimeOffset? SignedInAt(AuthenticationProperties? session) =>
        session?.Items.TryGetValue(SignedInKey, out var text) == true
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    public static Guid? SessionId(AuthenticationProperties? session) =>
        session?.Items.TryGetValue(SessionKey, out var text) == true && Guid.TryParse(text, out var id) ? id : null;

    /// <summary>
    /// Ends the web session these cookie properties belong to (a plain log-out): saved with the caller's next
    /// SaveChanges, its cookie is refused from then on (on this node at once, on the others within a second).
    /// Sessions past their absolute end are forgotten on the way.
    /// </summary>
    public static async Task EndAsync(TrajectDb db, SignedInCache cache, AuthenticationProperties? session, DateTimeOffset now, CancellationToken ct)
    {
        if (SessionId(session) is not { } id || SignedInAt(session) is not { } signedIn)
        {
            return;
        }

        cache.Ended(id);
        await db.EndedSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(ct);
        if (!await db.EndedSessions.AnyAsync(s => s.Id == id, ct))
        {
            db.EndedSessions.Add(new EndedSession { Id = id, EndedAt = now, ExpiresAt = signedIn + Absolute });
        }
    }

    private static Task<bool> IsEndedAsync(TrajectDb db, Guid id, CancellationToken ct) => db.EndedSessions.AnyAsync(s => s.Id == id, ct);
}

/// <summary>Adds the end of the session (sign-in plus 10 hours, on the app's clock) to every principal Identity builds.</summary>
internal sealed class SessionClaimsFactory(
    UserManager<Professional> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options, TimeProvider time)
    : UserClaimsPrincipalFactory<Professional, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Professional user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SessionLifetime.EndsClaim, SessionLifetime.Format(time.GetUtcNow() + SessionLifetime.Absolute)));
        return identity;
    }
}
