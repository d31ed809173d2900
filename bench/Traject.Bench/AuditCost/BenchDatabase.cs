using Microsoft.Data.Sqlite;
using Npgsql;
using Traject.Web.Data;

namespace Traject.Bench.AuditCost;

/// <summary>A fresh, empty database for one bench run, removed again afterwards.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _admin;
    private readonly string? _name;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string? folder, string? admin, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        _admin = admin;
        _name = name;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider, string? adminConnection)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("traject-audit-cost").FullName;
            var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bench.db") }.ToString();
            return new BenchDatabase(provider, cs, folder, null, null);
        }

        var name = "traject_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(adminConnection))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE \"{name}\"";
            await cmd.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = name }.ToString();
        return new BenchDatabase(provider, connectionString, null, adminConnection, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)";
        await cmd.ExecuteNonQueryAsync();
    }
}
