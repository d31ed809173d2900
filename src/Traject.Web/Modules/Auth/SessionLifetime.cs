using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Traject.Web.Modules.Auth;

/// <summary>
/// A web session ends 10 hours after sign-in however active it is. The sign-in time travels in the cookie's
/// properties (which survive sliding renewal and the security-stamp refresh; IssuedUtc does not), set once at sign-in.
/// </summary>
internal static class SessionLifetime
{
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(10);
    public const string SignedInKey = "traject.signed-in";

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
