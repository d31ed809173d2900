using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Traject.Web.Common.Telemetry;
using Traject.Web.Data.Seeding;
using Traject.Web.Modules.Aftercare;
using Traject.Web.Modules.Auth;
using Traject.Web.Modules.Caseload;
using Traject.Web.Modules.Continuity;
using Traject.Web.Modules.Emergency;
using Traject.Web.Modules.FuturePlans;
using Traject.Web.Modules.Handovers;
using Traject.Web.Modules.Journal;
using Traject.Web.Modules.Network;
using Traject.Web.Modules.Notifications;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Registration;
using Traject.Web.Modules.ReportingCode;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Statistics;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Triage;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web;

/// <summary>Builds the one host: services, middleware and routes. Used by Program, the admin verbs and the tests.</summary>
internal static class TrajectApp
{
    public const string ApiPolicy = "api";
    public static readonly CultureInfo[] Cultures = [new("nl-NL"), new("en-GB")];

    public static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        // Cookies are Secure everywhere except on a developer's own plain-http localhost run.
        var securePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        builder.AddTelemetry();

        services.AddOptions<DatabaseOptions>().Bind(config.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var dbOptions = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = dbOptions.ResolveConnectionString(builder.Environment.ContentRootPath);
        // The options are built once (not per request); the interceptors are singletons.
        services.AddDbContext<TrajectDb>((sp, o) =>
        {
            dbOptions.Configure(o, connectionString);
            o.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        }, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddScoped<SchemaMigrator>();
        services.AddHostedService<SqliteWalCheckpoint>();
        // Periodic jobs run on one node at a time across nodes (ADR 0029).
        services.AddOptions<JobOptions>().Bind(config.GetSection(JobOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JobLeases>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<ScaleSeeder>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        // Identity: professionals sign in with a password (and TOTP); cookies for people, bearer tokens for programs.
        services.AddIdentityApiEndpoints<Professional>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<Microsoft.AspNetCore.Identity.IdentityRole<Guid>>()
            .AddEntityFrameworkStores<TrajectDb>()
            .AddClaimsPrincipalFactory<SessionClaimsFactory>();
        // Sign-in reads a bearer token or the cookie; a missing login sends people to the login page (API callers get 401).
        services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(o => o.DefaultChallengeScheme = IdentityConstants.ApplicationScheme);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "traject.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = securePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(20);
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Status";
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            SessionLifetime.Apply(o);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        // After the right password, a professional who has no authenticator yet gets only this, for /Account/Enrol.
        services.AddAuthentication().AddCookie(Enrolment.Scheme, o =>
        {
            o.Cookie.Name = "traject.enrol";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = securePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/Account";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
            o.SlidingExpiration = false;
        });
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            o.BearerTokenExpiration = TimeSpan.FromMinutes(20);
            o.RefreshTokenExpiration = TimeSpan.FromHours(10);
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        services.AddScoped<CurrentActor>();
        services.AddScoped<AccessReasons>();
        services.AddScoped<AuditLog>();
        services.AddScoped<DomainEventDispatcher>();
        services.AddMetricsSource<AuditWriter>();

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "traject.af";
            o.Cookie.SecurePolicy = securePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });

        // One key ring in the database for every node.
        services.AddDataProtection().SetApplicationName("Traject");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new DatabaseKeyRepository(scopes));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AuthModule.LoginRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.AddProxyHeaders(config);
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Every IStringLocalizer<SharedResource> reads the modules', page areas' and common resx files as one (ModuleTexts).
        services.AddSingleton<IStringLocalizer<SharedResource>, ModuleTexts>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = [.. Cultures, new CultureInfo("nl"), new CultureInfo("en")];
            o.SupportedUICultures = o.SupportedCultures;
            // Dutch first: in the UI only an explicit choice (cookie or ?culture=) switches to English, not the
            // browser's language. API clients may ask for English with Accept-Language.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new ApiCultureProvider()];
        });
        services.AddRazorPages(o => o.Conventions.AllowAnonymousToPage("/Account/Login").AllowAnonymousToPage("/Account/Logout")
                .AllowAnonymousToPage("/Account/Enrol").AllowAnonymousToPage("/Error").AllowAnonymousToPage("/Status").AllowAnonymousToPage("/Culture")
                .ConfigureFilter(new Pages.UnservedHandlerFilter())
                .AddFolderApplicationModelConvention("/Admin", m => m.Filters.Add(new Pages.AdministratorsOnlyFilter())))
            .AddViewLocalization()
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false); // no script: server-side validation only

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.MaxDepth = 16;
            // The web default is the relaxed encoder, which writes user input such as "<script>" verbatim.
            // Escape HTML-sensitive characters (<, >, &, quotes) in every API answer; letters of any script stay readable.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        services.AddOpenApi(o => o.AddContract());
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestLimits.ServerBodyBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = RequestLimits.ServerBodyBytes;
            o.ValueLengthLimit = 64 * 1024;
            // The screening form carries four fields for every signal of the instrument (61 in 2026.1).
            o.ValueCountLimit = 1000;
        });

        services.AddAuthModule();
        services.AddOrganisations();
        services.AddNotifications(config);
        services.AddTimeline();
        services.AddYoungPeople(config);
        services.AddTrajectories();
        services.AddCaseload();
        services.AddTasks();
        services.AddReportingCode();
        services.AddScreening(config);
        services.AddEmergency();
        services.AddNetwork(config);
        services.AddHandovers(config);
        services.AddAftercare(config);
        services.AddFuturePlans();
        services.AddContinuity(config);
        services.AddSafety(config);
        services.AddPlacements(config);
        services.AddRegistration(config);
        services.AddStatistics();
        services.AddTriage();
        services.AddJournal(config);
    }

    private static Task ApiAware<T>(Microsoft.AspNetCore.Authentication.RedirectContext<T> ctx, int status)
        where T : Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static void ConfigurePipeline(WebApplication app)
    {
        app.UseProxyHeaders(); // the client's address and scheme as the trusted proxy saw them, before anything reads them
        app.UseRequestLocalization(); // next, so error pages and problem details follow the request's language too
        app.UseExceptionHandler("/Error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePagesWithReExecute("/Status", "?code={0}"));
        app.UseApiBodyLimit();
        app.UseApiContentTypeCheck();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseActorCheck();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapManagement();

        var api = app.MapGroup("/api/v1").RequireAuthorization(ApiPolicy).DisableAntiforgery().WithContract();
        api.MapAuth();
        api.MapOrganisations();
        api.MapTrajectories();
        api.MapCaseload();
        api.MapTasks();
        api.MapReportingCode();
        api.MapScreening();
        api.MapEmergency();
        api.MapNotifications();
        api.MapNetwork();
        api.MapHandovers();
        api.MapAftercare();
        api.MapFuturePlans();
        api.MapContinuity();
        api.MapSafety();
        api.MapPlacements();
        api.MapRegistration();
        api.MapStatistics();
        api.MapTriage();
        api.MapJournal();
        api.MapFallback(() => Results.Problem(statusCode: 404, title: "Not found", detail: "No such endpoint."));

        app.MapRazorPages();
    }

    private static void TryAddSingleton<T>(this IServiceCollection services, T instance)
        where T : class
    {
        if (!services.Any(d => d.ServiceType == typeof(T)))
        {
            services.AddSingleton(instance);
        }
    }

    /// <summary>
    /// Applies migrations and stores the reference data (roles, regions, the built-in instrument version) when
    /// configured, in every environment (otherwise the `migrate` verb does both); then seeds demo data into an empty
    /// Development database.
    /// </summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        if (options.MigrateOnStartup)
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().EnsureReferenceDataAsync();
        }

        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:SeedOnStartup", true))
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
        }
    }
}
