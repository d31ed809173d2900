using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Traject.Tests.Infrastructure;

/// <summary>
/// The real app in memory, on its own database, with a clock the test controls. Demo data is not seeded at start-up;
/// the fixture seeds it explicitly so every factory starts from the same known data.
/// </summary>
internal sealed class TrajectFactory(TestDatabase database, FakeClock clock, string environment = "Development", bool migrateOnStartup = true)
    : WebApplicationFactory<Program>
{
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>The network secret of hosts outside Development, which refuse to start without one (Development has its own).</summary>
    public const string NetworkSecret = "dGVzdCBvbmx5OiB0aGUgbmV0d29yayBzZWNyZXQgb2YgdGVzdCBob3N0cyEhIQ==";

    public TestDatabase Database => database;

    public FakeClock Clock => clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings go in as host settings: the app reads Database:* while it builds, before app configuration is layered on.
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", migrateOnStartup ? "true" : "false");
        builder.UseSetting("Demo:SeedOnStartup", "false");
        if (environment != "Development")
        {
            builder.UseSetting("Network:Secret", NetworkSecret);
            builder.UseSetting("Attachments:Secret", NetworkSecret);
            // Outside Development the app refuses to start without its de-duplication secret.
            builder.UseSetting("Registration:DeduplicationSecret", "test-secret-for-registration-keys-0123456789");
        }

        // The 18-plus schedule runs when a test asks for it (ContinuitySchedule), never on its own in the background.
        builder.UseSetting("TurningEighteen:ScanEvery", "00:00:00");
        // Missing-episode reminders are sent when a test asks for them (MissingEpisodeReminders), never in the background.
        builder.UseSetting("Missing:CheckEvery", "00:00:00");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft", "Warning");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IStartupFilter, ClientAddressStartupFilter>();
        });
        ClientOptions.BaseAddress = new Uri("https://localhost");
        ClientOptions.AllowAutoRedirect = false;
    }

    /// <summary>
    /// The in-memory test server has no network peer. This gives every request the loopback address (as a browser on
    /// the same machine would have), or the address a test names in <see cref="ClientAddressHeader"/>, so per-address
    /// rate limits partition as they do in production. It touches nothing else: no identity, no authorization.
    /// </summary>
    private sealed class ClientAddressStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var named = context.Request.Headers[ClientAddressHeader].ToString();
                context.Connection.RemoteIpAddress = IPAddress.TryParse(named, out var address) ? address : IPAddress.Loopback;
                context.Request.Headers.Remove(ClientAddressHeader);
                return nextMiddleware();
            });
            next(app);
        };
    }
}
