using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Traject.Web.Common.Auditing;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Modules.Auth;

internal sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode);

internal sealed record RefreshRequest(string? RefreshToken);

internal enum LoginOutcome
{
    Succeeded,
    Failed,
    LockedOut,
    RequiresTwoFactor,
}

internal sealed class DemoOptions
{
    public const string Domain = "@demo.traject";
}

/// <summary>Password (and, once enrolled, second-factor) sign-in for pages and API alike, audited either way.</summary>
internal sealed class Login(
    SignInManager<Professional> signIn, UserManager<Professional> users, AuditLog audit, IHostEnvironment env)
{
    public async Task<LoginOutcome> SignInAsync(string? email, string? password, string? twoFactorCode, string scheme, bool persistent)
    {
        signIn.AuthenticationScheme = scheme;
        // Control characters never occur in an address; PostgreSQL cannot even compare text holding U+0000 (a 500 before).
        var user = string.IsNullOrWhiteSpace(email) || email.Length > 256 || email.Any(char.IsControl)
            ? null
            : await users.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password) || password.Length > 512 || !user.IsActive
            || (!env.IsDevelopment() && user.Email!.EndsWith(DemoOptions.Domain, StringComparison.OrdinalIgnoreCase)))
        {
            await audit.RecordAsync(null, AuditActions.LoginFailed, nameof(Professional), user?.Id, outcome: AuditOutcomes.Failed);
            return LoginOutcome.Failed;
        }

        var result = await signIn.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: true);
        if (result.RequiresTwoFactor && !string.IsNullOrWhiteSpace(twoFactorCode))
        {
            result = await signIn.TwoFactorAuthenticatorSignInAsync(twoFactorCode.Replace(" ", "", StringComparison.Ordinal), persistent, rememberClient: false);
        }

        var outcome = result.Succeeded ? LoginOutcome.Succeeded
            : result.IsLockedOut ? LoginOutcome.LockedOut
            : result.RequiresTwoFactor ? LoginOutcome.RequiresTwoFactor
            : LoginOutcome.Failed;
        await audit.RecordAsync(null, outcome == LoginOutcome.Succeeded ? AuditActions.LoginSucceeded : AuditActions.LoginFailed,
            nameof(Professional), user.Id, outcome: outcome == LoginOutcome.Succeeded ? AuditOutcomes.Allowed : AuditOutcomes.Failed);
        return outcome;
    }
}

internal static class AuthModule
{
    public const string LoginRateLimit = "login";

    public static IServiceCollection AddAuthModule(this IServiceCollection services) => services.AddScoped<Login>();

    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Authentication").AllowAnonymous();
        auth.MapPost("/login", async (LoginRequest body, Login login) =>
        {
            var outcome = await login.SignInAsync(body.Email, body.Password, body.TwoFactorCode, IdentityConstants.BearerScheme, persistent: false);
            return outcome switch
            {
                // The bearer-token handler has already written { tokenType, accessToken, expiresIn, refreshToken }.
                LoginOutcome.Succeeded => Results.Empty,
                LoginOutcome.RequiresTwoFactor => TypedResults.Problem(statusCode: 401, title: "Second factor required",
                    detail: "Send the code from your authenticator app as twoFactorCode."),
                LoginOutcome.LockedOut => TypedResults.Problem(statusCode: 401, title: "Locked out",
                    detail: "Too many failed attempts. Try again later."),
                _ => TypedResults.Problem(statusCode: 401, title: "Login failed", detail: "Unknown e-mail address or wrong password."),
            };
        }).RequireRateLimiting(LoginRateLimit).WithSummary("Exchange e-mail, password and second factor for a bearer token");

        auth.MapPost("/refresh", async (RefreshRequest body, SignInManager<Professional> signIn,
            IOptionsMonitor<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions> bearer, TimeProvider time) =>
        {
            var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
            var ticket = string.IsNullOrEmpty(body.RefreshToken) || body.RefreshToken.Length > 8192 ? null : protector.Unprotect(body.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { IsActive: true } user)
            {
                return Results.Problem(statusCode: 401, title: "Invalid refresh token", detail: "Sign in again.");
            }

            var principal = await signIn.CreateUserPrincipalAsync(user);
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        }).RequireRateLimiting(LoginRateLimit).WithSummary("Exchange a refresh token for a new bearer token");
        return api;
    }
}
