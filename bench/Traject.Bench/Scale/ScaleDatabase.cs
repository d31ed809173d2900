using Microsoft.Data.Sqlite;
using Npgsql;
using Traject.Web.Data;

namespace Traject.Bench.Scale;

/// <summary>
/// A database the scale bench fills once with the demo data and <c>seed --scale N</c>, and keeps for the next run:
/// SQLite in <c>&lt;data&gt;/sqlite-N/data/traject.db</c>, PostgreSQL as the database <c>traject_scale_N</c>.
/// </summary>
internal sealed class ScaleDatabase
{
    private readonly string? _admin;

    private ScaleDatabase(DatabaseProvider provider, int size, string contentRoot, string connectionString, string? admin)
    {
        Provider = provider;
        Size = size;
        ContentRoot = contentRoot;
        ConnectionString = connectionString;
        _admin = admin;
    }

    public DatabaseProvider Provider { get; }

    public int Size { get; }

    /// <summary>The app's content root for this database (for SQLite it holds the file).</summary>
    public string ContentRoot { get; }

    public string ConnectionString { get; }

    private string Name => $"traject_scale_{Size}";

    public static ScaleDatabase For(DatabaseProvider provider, int size, string data, string? adminConnection)
    {
        var root = Path.Combine(data, $"{(provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres")}-{size}");
        Directory.CreateDirectory(root);
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(root, "data", "traject.db");
            return new ScaleDatabase(provider, size, root, new SqliteConnectionStringBuilder { DataSource = file }.ToString(), null);
        }

        var cs = new NpgsqlConnectionStringBuilder(adminConnection) { Database = $"traject_scale_{size}" }.ToString();
        return new ScaleDatabase(provider, size, root, cs, adminConnection);
    }

    /// <summary>How many young people it holds, or null when it does not exist yet (or has no schema).</summary>
    public Task<long?> YoungPeopleAsync() => CountAsync("YoungPeople");

    /// <summary>
    /// Whether the app has served on it before (a marker the bench leaves in the content root): if not, the next start
    /// is the first that meets the seeded data with the scheduled rules.
    /// </summary>
    public bool StartedBefore
    {
        get => File.Exists(Path.Combine(ContentRoot, "served-before"));
        set
        {
            if (value)
            {
                File.WriteAllText(Path.Combine(ContentRoot, "served-before"), "");
            }
        }
    }

    private async Task<long?> CountAsync(string table)
    {
        try
        {
            if (Provider == DatabaseProvider.Sqlite)
            {
                if (!File.Exists(new SqliteConnectionStringBuilder(ConnectionString).DataSource))
                {
                    return null;
                }

                await using var sqlite = new SqliteConnection(ConnectionString + ";Mode=ReadOnly");
                await sqlite.OpenAsync();
                await using var count = sqlite.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                return (long)(await count.ExecuteScalarAsync())!;
            }

            await using var pg = new NpgsqlConnection(ConnectionString);
            await pg.OpenAsync();
            await using var cmd = pg.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            return (long)(await cmd.ExecuteScalarAsync())!;
        }
        catch (Exception e) when (e is SqliteException or PostgresException or NpgsqlException)
        {
            return null;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>
    /// PostgreSQL's counters per table (sequential scans, rows they read, index scans), to tell after a load which tables
    /// were read whole; empty on SQLite.
    /// </summary>
    public async Task<Dictionary<string, (long SeqScans, long SeqRows, long IndexScans, long Rows)>> TableScansAsync()
    {
        var scans = new Dictionary<string, (long, long, long, long)>(StringComparer.Ordinal);
        if (Provider != DatabaseProvider.PostgreSQL)
        {
            return scans;
        }

        await using var pg = new NpgsqlConnection(ConnectionString);
        await pg.OpenAsync();
        await using var cmd = pg.CreateCommand();
        cmd.CommandText = "SELECT relname, seq_scan, seq_tup_read, COALESCE(idx_scan, 0), n_live_tup FROM pg_stat_user_tables";
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            scans[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        return scans;
    }

    /// <summary>Starts again from nothing: the SQLite folder emptied, the PostgreSQL database dropped and created.</summary>
    public async Task ResetAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            Directory.Delete(ContentRoot, recursive: true);
            Directory.CreateDirectory(ContentRoot);
            return;
        }

        File.Delete(Path.Combine(ContentRoot, "served-before"));

        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", $"CREATE DATABASE \"{Name}\"" })
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
