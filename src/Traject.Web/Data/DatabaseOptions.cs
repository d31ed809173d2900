using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Traject.Web.Data;

internal enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

/// <summary>The <c>Database</c> configuration section.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to a file in the app's data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the app starts (on by default for the embedded SQLite database).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// SQLite only: how often the write-ahead log is copied into the database and truncated (<see cref="SqliteWalCheckpoint"/>);
    /// zero switches the job off.
    /// </summary>
    public TimeSpan WalCheckpointEvery { get; set; } = TimeSpan.FromSeconds(5);

    public string ResolveConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return Provider == DatabaseProvider.PostgreSQL ? WithPostgresDefaults(ConnectionString) : ConnectionString;
        }

        if (Provider == DatabaseProvider.PostgreSQL)
        {
            throw new OptionsValidationException(Section, typeof(DatabaseOptions),
                ["Database:ConnectionString is required when Database:Provider is PostgreSQL."]);
        }

        Directory.CreateDirectory(Path.Combine(contentRoot, "data"));
        return $"Data Source={DefaultSqliteFile(contentRoot)}";
    }

    private static string DefaultSqliteFile(string contentRoot) => Path.Combine(contentRoot, "data", "traject.db");

    /// <summary>The SQLite file these settings open (null for PostgreSQL or an in-memory database), creating nothing.</summary>
    public string? SqliteFile(string contentRoot)
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return DefaultSqliteFile(contentRoot);
        }

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
        return builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:"
            ? null
            : Path.GetFullPath(builder.DataSource);
    }

    /// <summary>
    /// PostgreSQL settings the hot path needs, unless the connection string sets them itself: statements used often are
    /// prepared once per connection (<c>Max Auto Prepare</c>), and a pooled connection is not reset with <c>DISCARD ALL</c>
    /// each time it goes back to the pool (<c>No Reset On Close</c>; the app keeps no session state on pooled connections:
    /// the audit writer's session setting is on its own unpooled connection, the migrator unlocks its lock).
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    public void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        if (Provider == DatabaseProvider.PostgreSQL)
        {
            builder.UseNpgsql(connectionString, o => o.CommandTimeout(CommandTimeoutSeconds));
        }
        else
        {
            builder.UseSqlite(connectionString, o => o.CommandTimeout(CommandTimeoutSeconds));
        }
    }
}
