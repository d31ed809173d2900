using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Data;
using Traject.Web.Data.Seeding;

namespace Traject.Tests.Infrastructure;

/// <summary>
/// One running app on one fresh database with the demo data, shared by the tests of one class. Tests that change
/// data create their own young people, so they do not depend on each other or on their order.
/// Every access goes through <see cref="Factory"/>, which skips (or in CI fails) when the engine is not available.
/// </summary>
public abstract class TrajectFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<(string Token, DateTimeOffset At)>>> _tokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentBag<IAsyncDisposable> _extras = [];
    private TestDatabase? _database;
    private TrajectFactory? _factory;
    private DemoData? _demo;

    internal abstract DatabaseProvider Provider { get; }

    public FakeClock Clock { get; } = new();

    internal TrajectFactory Factory
    {
        get
        {
            Providers.Require(Provider);
            return _factory ?? throw new InvalidOperationException("The fixture did not start.");
        }
    }

    internal DemoData Ids
    {
        get
        {
            Providers.Require(Provider);
            return _demo ?? throw new InvalidOperationException("The fixture did not start.");
        }
    }

    internal TestDatabase Database => Factory.Database;

    public async Task InitializeAsync()
    {
        if (Provider == DatabaseProvider.PostgreSQL && Providers.PostgresAdminConnectionString is null)
        {
            return; // Each test reports the skip (or, in CI, the failure) through Factory.
        }

        _database = await TestDatabase.CreateAsync(Provider);
        _factory = new TrajectFactory(_database, Clock);
        _demo = await SeedDemoAsync(_factory);
    }

    public async Task DisposeAsync()
    {
        foreach (var extra in _extras)
        {
            await extra.DisposeAsync();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Seeds the demo data with the app's own seeder and reads back the ids the tests need.</summary>
    internal static async Task<DemoData> SeedDemoAsync(TrajectFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
        Assert.True(seeded, "The demo seeder should seed an empty database.");
        return await DemoData.LoadAsync(scope.ServiceProvider.GetRequiredService<TrajectDb>());
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient CreateClient() => Factory.CreateClient();

    /// <summary>Logs in through POST /api/v1/auth/login (a new login every call) and returns the access token.</summary>
    internal Task<string> LoginAsync(string email, string password = Demo.Password) => Api.LoginAsync(Factory, email, password);

    /// <summary>
    /// A client with a bearer token for this demo user; one real login per user per fixture, again once the fake clock
    /// has moved near the end of the token's 20 minutes.
    /// </summary>
    internal async Task<HttpClient> ClientAsync(string email)
    {
        var cached = await _tokens.GetOrAdd(email, Login).Value;
        if (Clock.GetUtcNow() - cached.At > TimeSpan.FromMinutes(15) || Clock.GetUtcNow() < cached.At)
        {
            _tokens[email] = Login(email);
            cached = await _tokens[email].Value;
        }

        return Api.WithToken(Factory.CreateClient(), cached.Token);

        Lazy<Task<(string, DateTimeOffset)>> Login(string e) => new(async () => (await LoginAsync(e), Clock.GetUtcNow()));
    }

    /// <summary>Forgets the cached tokens (after moving the clock past their lifetime).</summary>
    internal void ForgetTokens() => _tokens.Clear();

    internal async Task<T> WithDbAsync<T>(Func<TrajectDb, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TrajectDb>());
    }

    /// <summary>Another fresh database on the same engine, removed with the fixture.</summary>
    internal async Task<TestDatabase> NewDatabaseAsync()
    {
        Providers.Require(Provider);
        var database = await TestDatabase.CreateAsync(Provider);
        _extras.Add(database);
        return database;
    }

    /// <summary>Another host (for example a second node, or another environment), disposed before its database.</summary>
    internal TrajectFactory NewHost(TestDatabase database, string environment = "Development", bool migrateOnStartup = true, FakeClock? clock = null)
    {
        var host = new TrajectFactory(database, clock ?? Clock, environment, migrateOnStartup);
        _extras.Add(host);
        return host;
    }
}

/// <summary>The ids of the demo data, read from the database after seeding.</summary>
internal sealed class DemoData
{
    public required IReadOnlyDictionary<string, Guid> Users { get; init; }
    public required IReadOnlyDictionary<string, Guid> Organisations { get; init; }

    public Guid User(string email) => Users[email];

    public Guid Organisation(string name) => Organisations[name];

    public static async Task<DemoData> LoadAsync(TrajectDb db) => new()
    {
        Users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, u => u.Id, StringComparer.OrdinalIgnoreCase),
        Organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, StringComparer.Ordinal),
    };
}

public sealed class SqliteFixture : TrajectFixture
{
    internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresFixture : TrajectFixture
{
    internal override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}
