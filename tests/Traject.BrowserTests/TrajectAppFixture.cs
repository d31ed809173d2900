using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Traject.Web;

namespace Traject.BrowserTests;

/// <summary>
/// Runs the real app on Kestrel on a free loopback port (Playwright needs a real socket, so no TestServer),
/// in Development with demo data, on a fresh SQLite file in a temporary folder.
/// </summary>
public sealed class TrajectAppFixture : IAsyncLifetime
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("traject-browser-").FullName;
    private WebApplication? _app;

    /// <summary>The address the app listens on, without a trailing slash, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The app's clock: real time unless a journey moves it forward.</summary>
    public ShiftedClock Clock { get; } = new();

    /// <summary>The running app's services, for what a journey must know up front (such as the current signal list).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The app did not start.");

    public async Task InitializeAsync()
    {
        var webProject = Path.Combine(RepositoryRoot(), "src", "Traject.Web");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            // Razor Pages are found in the web assembly, wwwroot and appsettings.json in the web project's folder.
            ApplicationName = typeof(TrajectApp).Assembly.GetName().Name,
            ContentRootPath = webProject,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_dataFolder, "traject.db")}",
            ["Database:MigrateOnStartup"] = "true",
            ["Demo:SeedOnStartup"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddSingleton<TimeProvider>(Clock);
        TrajectApp.ConfigureServices(builder);
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        _app = builder.Build();
        TrajectApp.ConfigurePipeline(_app);
        await TrajectApp.PrepareDatabaseAsync(_app);
        await _app.StartAsync();

        var addresses = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>The folder holding Traject.slnx, found by walking up from the test assembly's folder.</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Traject.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Traject.slnx not found above {AppContext.BaseDirectory}.");
    }
}
