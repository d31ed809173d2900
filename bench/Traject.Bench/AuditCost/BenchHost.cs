using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Traject.Web;
using Traject.Web.Common.Auditing;
using Traject.Web.Data;
using Traject.Web.Data.Seeding;
using Traject.Web.Modules.Organisations;

namespace Traject.Bench.AuditCost;

/// <summary>One simulated professional: her client (signed in) and the dossiers she coordinates.</summary>
internal sealed record BenchUser(string Email, HttpClient Client, IReadOnlyList<Guid> Dossiers) : IDisposable
{
    public void Dispose() => Client.Dispose();
}

/// <summary>
/// The real app on Kestrel (loopback, a free port) in this process, Development environment with the demo data,
/// plus the bench's two additions: <see cref="ServerTiming"/> and the <see cref="SwitchableAuditLog"/>.
/// </summary>
internal sealed partial class BenchHost : IAsyncDisposable
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
    /// signs each in from her own address, and has each register <paramref name="dossiers"/> young people through the
    /// API, so that each has dossiers of her own in scope.
    /// </summary>
    public async Task<IReadOnlyList<BenchUser>> AddUsersAsync(int count, int dossiers, OpenTarget target)
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

        var result = new List<BenchUser>();
        for (var i = 1; i <= count; i++)
        {
            var address = $"10.20.0.{i % 250 + 1}";
            using var api = NewClient(address, cookies: false);
            api.DefaultRequestHeaders.Authorization = new("Bearer", await ApiLoginAsync(api, Email(i)));
            var ids = new List<Guid>();
            for (var k = 1; k <= dossiers; k++)
            {
                ids.Add(await RegisterAsync(api, i, k));
            }

            var client = NewClient(address, cookies: target == OpenTarget.Page);
            if (target == OpenTarget.Page)
            {
                await PageLoginAsync(client, Email(i));
            }
            else
            {
                client.DefaultRequestHeaders.Authorization = api.DefaultRequestHeaders.Authorization;
            }

            result.Add(new BenchUser(Email(i), client, ids));
        }

        return result;
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

    private HttpClient NewClient(string address, bool cookies)
    {
        var handler = new SocketsHttpHandler { UseCookies = cookies, AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = Address };
        client.DefaultRequestHeaders.Add(ServerTiming.ClientHeader, address);
        return client;
    }

    private static async Task<string> ApiLoginAsync(HttpClient client, string email)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = DemoSeeder.DemoPassword });
        var body = await Expect(response, HttpStatusCode.OK);
        return (string?)JsonNode.Parse(body)!["accessToken"] ?? throw new InvalidOperationException("No access token.");
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
        var body = await Expect(response, HttpStatusCode.Created);
        return Guid.Parse((string)JsonNode.Parse(body)!["trajectoryId"]!);
    }

    private static async Task PageLoginAsync(HttpClient client, string email)
    {
        var form = await Expect(await client.GetAsync("/Account/Login"), HttpStatusCode.OK);
        var token = AntiforgeryField().Match(form) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token.");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoSeeder.DemoPassword,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        });
        using var response = await client.PostAsync("/Account/Login", content);
        await Expect(response, HttpStatusCode.Redirect);
    }

    private static async Task<string> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            return response.StatusCode == status
                ? body
                : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
