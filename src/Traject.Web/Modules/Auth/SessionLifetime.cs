using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Modules.Auth;

/// <summary>
/// A web session ends 10 hours after sign-in however active it is. The sign-in time travels in the cookie's
/// properties (which survive sliding renewal and the security-stamp refresh; IssuedUtc does not), set once at sign-in.
/// </summary>
internal static class SessionLifetime
{
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(10);
    public const string SignedInKey = "traject.signed-in";

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
            // A re-sign-in (after a password change) passes the old properties on and keeps the original time.
            ctx.Properties.Items.TryAdd(SignedInKey, now.ToString("O", CultureInfo.InvariantCulture));
            await signingIn(ctx);
        };
        options.Events.OnValidatePrincipal = async ctx =>
        {
            var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            if (!ctx.Properties.Items.TryGetValue(SignedInKey, out var text)
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedIn)
                || now - signedIn >= Absolute || signedIn > now + TimeSpan.FromMinutes(5))
            {
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(ctx.Scheme.Name);
                return;
            }

            await stampCheck(ctx);
        };
    }

    /// <summary>When the current session was signed in, for re-signing in with the same absolute end.</summary>
    public static AuthenticationProperties Keep(AuthenticationProperties? current)
    {
        var properties = new AuthenticationProperties();
        if (current?.Items.TryGetValue(SignedInKey, out var at) == true && at is not null)
        {
            properties.Items[SignedInKey] = at;
        }

        return properties;
    }
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
