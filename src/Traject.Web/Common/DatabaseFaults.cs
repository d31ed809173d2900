using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Traject.Web.Common;

/// <summary>
/// Reads a database exception for what the caller can do about it (ADR 0025): try again in a moment (the database is
/// unreachable, restarting, full of connections or locked) or pick another value (a unique index refused it).
/// Everything else stays an unexpected error.
/// </summary>
internal static class DatabaseFaults
{
    /// <summary>Seconds a client is asked to wait before trying again while the database is unavailable.</summary>
    public const int RetryAfterSeconds = 5;

    // SQLite primary result codes: SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN.
    private static readonly int[] SqliteTransient = [5, 6, 14];

    /// <summary>
    /// True when the exception, or one it wraps, says the database could not be reached or could not serve the request
    /// for now: PostgreSQL connection errors (08xxx), shutdown or start-up (57P01–57P03), too many connections (53300),
    /// a broken or refused socket, a connection-pool or command time-out; SQLite busy, locked or unable to open the file.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => Chain(exception).Any(e => e switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections,
        // Npgsql's own exceptions (no server error): the connection broke, was refused or timed out.
        NpgsqlException npgsql => npgsql.InnerException is SocketException or IOException or TimeoutException || npgsql.IsTransient,
        SqliteException sqlite => SqliteTransient.Contains(sqlite.SqliteErrorCode),
        SocketException or TimeoutException => true,
        _ => false,
    });

    /// <summary>
    /// The request fields (camelCase property names) of the unique index or key that refused a save, or null when the
    /// exception is not a unique violation. Empty when the violation is known but its index is not in the model.
    /// SQLite names the columns (<c>UNIQUE constraint failed: Regions.Name</c>), PostgreSQL the constraint.
    /// </summary>
    public static IReadOnlyList<string>? UniqueViolationFields(Exception exception, IModel model)
    {
        foreach (var e in Chain(exception))
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } sqlite:
                    return SqliteColumns(sqlite.Message, model);
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg:
                    return PostgresConstraint(pg.TableName, pg.ConstraintName, model);
            }
        }

        return null;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var seen = 0;
        for (var e = exception; e is not null && seen < 16; e = e.InnerException, seen++)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    private static List<string> SqliteColumns(string message, IModel model)
    {
        const string Marker = "UNIQUE constraint failed: ";
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return [];
        }

        var list = message[(at + Marker.Length)..].Split('\'', '\n')[0];
        return list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.Split('.', 2))
            .Where(p => p.Length == 2)
            .Select(p => Field(model, p[0], p[1]))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> PostgresConstraint(string? table, string? constraint, IModel model)
    {
        if (constraint is null)
        {
            return [];
        }

        foreach (var type in model.GetEntityTypes().Where(t => table is null || t.GetTableName() == table))
        {
            var properties = type.GetIndexes().Where(i => i.IsUnique && i.GetDatabaseName() == constraint).Select(i => i.Properties)
                .Concat(type.GetKeys().Where(k => k.GetName() == constraint).Select(k => k.Properties))
                .FirstOrDefault();
            if (properties is not null)
            {
                return properties.Select(p => CamelCase(p.Name)).ToList();
            }
        }

        return [];
    }

    private static string? Field(IModel model, string table, string column)
    {
        foreach (var type in model.GetEntityTypes().Where(t => t.GetTableName() == table))
        {
            var store = StoreObjectIdentifier.Table(table, type.GetSchema());
            if (type.GetProperties().FirstOrDefault(p => p.GetColumnName(store) == column) is { } property)
            {
                return CamelCase(property.Name);
            }
        }

        return null;
    }

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
