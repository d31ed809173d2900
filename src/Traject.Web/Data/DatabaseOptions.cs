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
            return ConnectionString;
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
