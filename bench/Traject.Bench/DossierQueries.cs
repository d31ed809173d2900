using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Traject.Web;
using Traject.Web.Common.Access;
using Traject.Web.Data;
using Traject.Web.Data.Seeding;
using Traject.Web.Modules.Caseload;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Bench;

/// <summary>
/// The hot reads of the dossier on a SQLite database with <see cref="YoungPeople"/> fictitious young people made by
/// the <c>seed --scale</c> generator: "my young people" (first page), the access decision for one trajectory, and the
/// timeline of one trajectory, as the busiest coordinator of the data set.
/// </summary>
[MemoryDiagnoser]
[InProcess] // the generated project cannot restore ASP.NET framework packages from this registry
public class DossierQueries
{
    private WebApplication _app = null!;
    private Actor _actor = null!;
    private Guid _trajectoryId;
    private string _folder = null!;

    [Params(10_000)]
    public int YoungPeople { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("traject-bench").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "bench.db")}";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        TrajectApp.ConfigureServices(builder);
        _app = builder.Build();
        using var scope = _app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<SchemaMigrator>().MigrateAsync().GetAwaiter().GetResult();
        sp.GetRequiredService<DemoSeeder>().EnsureReferenceDataAsync().GetAwaiter().GetResult();
        sp.GetRequiredService<ScaleSeeder>().SeedAsync(YoungPeople).GetAwaiter().GetResult();
        var db = sp.GetRequiredService<TrajectDb>();
        var busiest = db.Trajectories.GroupBy(t => t.CoordinatorId).OrderByDescending(g => g.Count()).Select(g => g.Key).First();
        var user = db.Users.Include(u => u.Organisation).Single(u => u.Id == busiest);
        _actor = new Actor(user.Id, user.DisplayName, user.OrganisationId, user.Organisation!.Kind,
            new HashSet<string>([Roles.Coordinator], StringComparer.Ordinal));
        _trajectoryId = db.Trajectories.Where(t => t.CoordinatorId == busiest).OrderBy(t => t.Id).Select(t => t.Id).First();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public async Task<int> MyYoungPeopleFirstPage()
    {
        using var scope = _app.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<CaseloadQueries>();
        var page = await queries.ListAsync(_actor, mineOnly: true, status: null, page: 1, pageSize: 50, CancellationToken.None);
        return page.Value.Total;
    }

    [Benchmark]
    public async Task<string?> AccessDecision()
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccessPolicy>().BasisForTrajectoryAsync(_actor, _trajectoryId);
    }

    [Benchmark]
    public async Task<int> TimelineFirstPage()
    {
        using var scope = _app.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<TrajectoryQueries>();
        var page = await queries.TimelineAsync(_actor, _trajectoryId, null, 1, 50, CancellationToken.None);
        return page.Value.Total;
    }
}
