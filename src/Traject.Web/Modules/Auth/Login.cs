using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Traject.Web.Common.Telemetry;
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
    SecondFactorFailed,
    RequiresEnrolment,
    RateLimited,
}

/// <summary>At most 20 login attempts per minute per e-mail address (normalised), whatever the client address.</summary>
internal sealed class AccountLoginLimiter : IDisposable
{
    public const int PermitsPerMinute = 20;

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public RateLimitLease Acquire(string? email)
    {
        var key = (email ?? string.Empty).Trim().ToUpperInvariant();
        return _limiter.AttemptAcquire(key.Length <= 256 ? key : key[..256]);
    }

    public void Dispose() => _limiter.Dispose();
}

internal sealed class DemoOptions
{
    public const string Domain = "@demo.traject";
}

/// <summary>
/// Password and second-factor sign-in for pages and API alike, audited either way. Every professional needs an
/// authenticator app (TOTP) except the demo accounts in Development; one who has not enrolled yet gets no session,
/// only (on the web) a short enrolment cookie for /Account/Enrol.
/// </summary>
internal sealed class Login(
    SignInManager<Professional> signIn, UserManager<Professional> users, AuditLog audit, IHostEnvironment env, AccountLoginLimiter limiter, AuthMetrics metrics)
{
    public async Task<LoginOutcome> SignInAsync(string? email, string? password, string? twoFactorCode, string scheme, bool persistent)
    {
        var outcome = await AttemptAsync(email, password, twoFactorCode, scheme, persistent);
        metrics.Count(outcome, scheme);
        return outcome;
    }

    private async Task<LoginOutcome> AttemptAsync(string? email, string? password, string? twoFactorCode, string scheme, bool persistent)
    {
        signIn.AuthenticationScheme = scheme;
        // Besides the per-address limiter: attempts on one account from many addresses are limited too.
        using var lease = limiter.Acquire(email);
        if (!lease.IsAcquired)
        {
            await audit.RecordAsync(null, AuthAuditActions.LoginFailed, nameof(Professional), outcome: AuditOutcomes.Denied);
            return LoginOutcome.RateLimited;
        }

        // Control characters never occur in an address; PostgreSQL cannot even compare text holding U+0000 (a 500 before).
        var user = string.IsNullOrWhiteSpace(email) || email.Length > 256 || email.Any(char.IsControl)
            ? null
            : await users.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password) || password.Length > 512 || !user.IsActive
            || (!env.IsDevelopment() && user.Email!.EndsWith(DemoOptions.Domain, StringComparison.OrdinalIgnoreCase)))
        {
            await audit.RecordAsync(null, AuthAuditActions.LoginFailed, nameof(Professional), user?.Id, outcome: AuditOutcomes.Failed);
            return LoginOutcome.Failed;
        }

        if (!user.TwoFactorEnabled && !Enrolment.IsExempt(env, user.Email))
        {
            return await RequireEnrolmentAsync(user, password, scheme);
        }

        var result = await signIn.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: true);
        var code = twoFactorCode?.Replace(" ", "", StringComparison.Ordinal).Trim();
        var secondFactorFailed = false;
        if (result.RequiresTwoFactor && !string.IsNullOrEmpty(code) && code.Length <= 32)
        {
            var isTotp = code.Length == 6 && code.All(char.IsAsciiDigit);
            result = isTotp
                ? await signIn.TwoFactorAuthenticatorSignInAsync(code, persistent, rememberClient: false)
                : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
            if (result.Succeeded && !isTotp)
            {
                await audit.RecordAsync(null, AuthAuditActions.RecoveryCodeUsed, nameof(Professional), user.Id);
            }
            else if (!result.Succeeded)
            {
                secondFactorFailed = true;
                await audit.RecordAsync(null, AuthAuditActions.SecondFactorFailed, nameof(Professional), user.Id, outcome: AuditOutcomes.Failed);
            }
        }

        var outcome = result.Succeeded ? LoginOutcome.Succeeded
            : result.IsLockedOut ? LoginOutcome.LockedOut
            : result.RequiresTwoFactor ? LoginOutcome.RequiresTwoFactor
            : secondFactorFailed ? LoginOutcome.SecondFactorFailed
            : LoginOutcome.Failed;
        await audit.RecordAsync(null, outcome == LoginOutcome.Succeeded ? AuthAuditActions.LoginSucceeded : AuthAuditActions.LoginFailed,
            nameof(Professional), user.Id, outcome: outcome == LoginOutcome.Succeeded ? AuditOutcomes.Allowed : AuditOutcomes.Failed);
        return outcome;
    }

    /// <summary>Checks the password (with lockout) but signs nobody in: she must set up her authenticator app first.</summary>
    private async Task<LoginOutcome> RequireEnrolmentAsync(Professional user, string password, string scheme)
    {
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            await audit.RecordAsync(null, AuthAuditActions.LoginFailed, nameof(Professional), user.Id, outcome: AuditOutcomes.Failed);
            return check.IsLockedOut ? LoginOutcome.LockedOut : LoginOutcome.Failed;
        }

        if (scheme == IdentityConstants.ApplicationScheme)
        {
            await Enrolment.StartAsync(signIn.Context, users, user);
        }

        await audit.RecordAsync(null, AuthAuditActions.EnrolmentRequired, nameof(Professional), user.Id, outcome: AuditOutcomes.Denied);
        return LoginOutcome.RequiresEnrolment;
    }
}

internal static class AuthModule
{
    public const string LoginRateLimit = "login";

    public static IServiceCollection AddAuthModule(this IServiceCollection services)
    {
        services.AddScoped<Login>();
        services.AddScoped<IActorLookup, ActorLookup>();
        services.AddOptions<SignedInCacheOptions>().BindConfiguration(SignedInCacheOptions.Section)
            .Validate(o => o.RecheckEvery <= TimeSpan.FromMinutes(1), "SignedIn:RecheckEvery may be at most one minute (the security-stamp interval).")
            .ValidateOnStart();
        services.AddSingleton<SignedInCache>();
        services.AddHostedService<SignedInCacheRefresher>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, SignedInChangeInterceptor>();
        TicketCache.Use(services);
        services.AddSingleton<AccountLoginLimiter>();
        services.AddMetricsSource<AuthMetrics>();
        services.AddSingleton<TotpTokenProvider>();
        // Replaces Identity's authenticator provider (system clock) under the same name.
        services.Configure<IdentityOptions>(o => o.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] =
            new TokenProviderDescriptor(typeof(TotpTokenProvider)));
        return services;
    }

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
                LoginOutcome.SecondFactorFailed => TypedResults.Problem(statusCode: 401, title: "Second factor failed",
                    detail: "The code is wrong or has expired, or the recovery code was already used."),
                LoginOutcome.RequiresEnrolment => TypedResults.Problem(statusCode: 401, title: "Second factor not set up",
                    detail: "Set up your authenticator app first: log in to the web app, which guides you through it."),
                LoginOutcome.RateLimited => TypedResults.Problem(statusCode: 429, title: "Too many requests",
                    detail: "Too many login attempts for this account. Wait a minute and try again."),
                LoginOutcome.LockedOut => TypedResults.Problem(statusCode: 401, title: "Locked out",
                    detail: "Too many failed attempts. Try again later."),
                _ => TypedResults.Problem(statusCode: 401, title: "Login failed", detail: "Unknown e-mail address or wrong password."),
            };
        }).RequireRateLimiting(LoginRateLimit).WithName("Login").WithSummary("Exchange e-mail, password and second factor for a bearer token")
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/refresh", async (RefreshRequest body, SignInManager<Professional> signIn,
            IOptionsMonitor<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions> bearer, TimeProvider time) =>
        {
            var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
            var ticket = string.IsNullOrEmpty(body.RefreshToken) || body.RefreshToken.Length > 8192 ? null : protector.Unprotect(body.RefreshToken);
            // A refresh renews the token, never the session: it keeps the end set at sign-in (at most 10 hours).
            var now = time.GetUtcNow();
            var sessionEnds = ticket is null ? null : SessionLifetime.EndsAt(ticket.Principal) ?? ticket.Properties.ExpiresUtc;
            if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires || sessionEnds is not { } ends || now >= ends
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { IsActive: true } user)
            {
                return Results.Problem(statusCode: 401, title: "Invalid refresh token", detail: "Sign in again.");
            }

            var principal = await signIn.CreateUserPrincipalAsync(user);
            SessionLifetime.Continue(principal, ends);
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        }).RequireRateLimiting(LoginRateLimit).WithName("RefreshToken").WithSummary("Exchange a refresh token for a new bearer token")
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }
}
