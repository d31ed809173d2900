using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Traject.Web;
using Traject.Web.Common.Access;
using Traject.Web.Common.Auditing;
using Traject.Web.Data;
using Traject.Web.Data.Seeding;
using Traject.Web.Modules.Organisations;

namespace Traject.Bench.AuditCost;

/// <summary>
/// The real app on Kestrel (loopback, a free port) in this process, Development environment with the demo data,
/// plus the bench's two additions: <see cref="ServerTiming"/> and the <see cref="SwitchableAuditLog"/>.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private const string Organisation = "Demo Jeugdzorg Noord";

    private readonly WebApplication _app;

    private BenchHost(WebApplication app, Uri address, ServerTiming timing, AuditSwitch audit)
    {
        _app = app;
        Address = address;
        Timing = timing;
        Audit = audit;
    }

    public Uri Address { get; }

    public ServerTiming Timing { get; }

    public AuditSwitch Audit { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BenchHost> StartAsync(BenchDatabase database)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development", // the demo logins work only here
            ApplicationName = typeof(TrajectApp).Assembly.GetName().Name, // the app's pages, not the bench's
        });
        builder.Configuration["Database:Provider"] = database.Provider.ToString();
        builder.Configuration["Database:ConnectionString"] = database.ConnectionString;
        builder.Configuration["Database:MigrateOnStartup"] = "true";
        builder.Configuration["Demo:SeedOnStartup"] = "true";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error"; // the key ring lives in the bench database
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        TrajectApp.ConfigureServices(builder);

        var timing = new ServerTiming();
        var audit = new AuditSwitch();
        builder.Services.AddSingleton<IStartupFilter>(timing);
        builder.Services.AddSingleton(audit);
        builder.Services.RemoveAll<AuditLog>();
        builder.Services.AddScoped<AuditLog, SwitchableAuditLog>();

        var app = builder.Build();
        TrajectApp.ConfigurePipeline(app);
        await TrajectApp.PrepareDatabaseAsync(app); // migrations and the demo data
        await app.StartAsync();
        return new BenchHost(app, new Uri(app.Urls.First()), timing, audit);
    }

    /// <summary>
    /// Adds <paramref name="count"/> fictitious coordinators to the demo organisation (demo logins, Development only),
    /// each with her own client address, and has each register <paramref name="dossiers"/> young people through the
    /// API, so that each has dossiers of her own in scope.
    /// </summary>
    public async Task<IReadOnlyList<PlannedUser>> AddUsersAsync(int count, int dossiers)
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrajectDb>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Professional>>();
            var org = await db.Organisations.SingleAsync(o => o.Name == Organisation);
            for (var i = 1; i <= count; i++)
            {
                var email = Email(i);
                var user = new Professional
                {
                    UserName = email, Email = email, EmailConfirmed = true, OrganisationId = org.Id,
                    DisplayName = $"Bo Bench {i:00} (demo)", CreatedAt = DateTimeOffset.UtcNow,
                };
                Check(await users.CreateAsync(user, DemoSeeder.DemoPassword));
                Check(await users.AddToRolesAsync(user, [Roles.Coordinator, Roles.YouthCareProfessional]));
            }
        }

        var planned = new List<PlannedUser>();
        var registering = new LoadPlan(Address, OpenTarget.Api, []);
        for (var i = 1; i <= count; i++)
        {
            var user = new PlannedUser(Email(i), $"10.20.{i / 250}.{i % 250 + 1}", []);
            using var api = LoadClient.NewClient(registering, user);
            api.DefaultRequestHeaders.Authorization = new("Bearer", await LoadClient.ApiLoginAsync(api, user.Email));
            var ids = new List<Guid>();
            for (var k = 1; k <= dossiers; k++)
            {
                ids.Add(await RegisterAsync(api, i, k));
            }

            planned.Add(user with { Dossiers = ids });
        }

        return planned;
    }

    public async Task<T> WithDbAsync<T>(Func<TrajectDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TrajectDb>());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Email(int i) => $"bench{i:00}@demo.traject";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Bench professional not created: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, int user, int k)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var response = await client.PostAsJsonAsync("/api/v1/young-people", new
        {
            givenName = "Bench",
            familyName = $"Voorbeeld {user:00}-{k:00}",
            dateOfBirth = today.AddYears(-13 - (k % 6)).AddDays(-k * 17).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            gender = k % 5 == 0 ? "Boy" : "Girl",
            nationality = "Dutch",
            municipality = "Demostad",
            initialStatus = "Active",
        });
        var body = await LoadClient.ExpectAsync(response, HttpStatusCode.Created);
        return Guid.Parse((string)JsonNode.Parse(body)!["trajectoryId"]!);
    }
}
