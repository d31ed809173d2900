using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Traject.Web.Common;
using Traject.Web.Data;

namespace Traject.Tests.Unit;

/// <summary>Which database exceptions mean "try again in a moment", which "this value is taken", and which neither.</summary>
public class DatabaseFaultsTests
{
    private static PostgresException Postgres(string state, string? table = null, string? constraint = null) =>
        new("message", "FATAL", "FATAL", state, tableName: table, constraintName: constraint);

    private static readonly Dictionary<string, Exception> Unavailable = new()
    {
        { "connection refused", Postgres("08001") },
        { "connection failure", Postgres("08006") },
        { "administrator shut the server down", Postgres("57P01") },
        { "server crashed", Postgres("57P02") },
        { "server starting up", Postgres("57P03") },
        { "too many connections", Postgres("53300") },
        { "socket refused inside Npgsql", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)) },
        { "stream broke inside Npgsql", new NpgsqlException("Exception while reading from stream", new IOException("reset")) },
        { "pool exhausted", new NpgsqlException("The connection pool has been exhausted", new TimeoutException()) },
        { "SQLite busy", new SqliteException("database is locked", 5) },
        { "SQLite locked", new SqliteException("database table is locked", 6) },
        { "SQLite cannot open", new SqliteException("unable to open database file", 14) },
        { "a bare time-out", new TimeoutException() },
        { "a bare socket error", new SocketException((int)SocketError.HostUnreachable) },
        { "wrapped by EF's save", new DbUpdateException("save failed", Postgres("57P01")) },
        { "wrapped by EF's retry", new InvalidOperationException("transient failure", new NpgsqlException("x", new SocketException())) },
        { "wrapped twice", new InvalidOperationException("outer", new DbUpdateException("inner", new SqliteException("busy", 5))) },
        { "inside an aggregate", new AggregateException(new InvalidOperationException("a"), new TimeoutException()) },
    };

    private static readonly Dictionary<string, Exception> NotUnavailable = new()
    {
        { "unique violation", Postgres("23505") },
        { "missing table", Postgres("42P01") },
        { "syntax error", Postgres("42601") },
        { "SQLite constraint", new SqliteException("UNIQUE constraint failed: Regions.Name", 19, 2067) },
        { "SQLite corrupt", new SqliteException("database disk image is malformed", 11) },
        { "a plain bug", new InvalidOperationException("Sequence contains no elements") },
        { "an argument out of range", new ArgumentOutOfRangeException("page") },
        { "a save that broke a rule", new DbUpdateException("save failed", Postgres("23503")) },
    };

    [Fact]
    public void Connection_shutdown_busy_and_time_out_faults_mean_the_database_is_unavailable()
    {
        var missed = Unavailable.Where(c => !DatabaseFaults.IsUnavailable(c.Value)).Select(c => c.Key).ToList();
        Assert.True(missed.Count == 0, "Not read as unavailable: " + string.Join(", ", missed));
    }

    [Fact]
    public void Other_faults_are_not_an_outage()
    {
        var wrong = NotUnavailable.Where(c => DatabaseFaults.IsUnavailable(c.Value)).Select(c => c.Key).ToList();
        Assert.True(wrong.Count == 0, "Read as unavailable: " + string.Join(", ", wrong));
    }

    private static Microsoft.EntityFrameworkCore.Metadata.IModel Model(DatabaseProvider provider)
    {
        var builder = new DbContextOptionsBuilder<TrajectDb>();
        new DatabaseOptions { Provider = provider }.Configure(builder, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost");
        using var db = new TrajectDb(builder.Options);
        return db.Model;
    }

    [Fact]
    public void A_unique_violation_names_the_request_fields_of_its_index()
    {
        var sqlite = Model(DatabaseProvider.Sqlite);
        var postgres = Model(DatabaseProvider.PostgreSQL);
        Assert.Equal(["name"], DatabaseFaults.UniqueViolationFields(
            new DbUpdateException("save", new SqliteException("SQLite Error 19: 'UNIQUE constraint failed: Regions.Name'.", 19, 2067)), sqlite)!);
        Assert.Equal(["name"], DatabaseFaults.UniqueViolationFields(new DbUpdateException("save", Postgres("23505", "Regions", "IX_Regions_Name")), postgres)!);

        // Known to be a unique violation, but not which field: a 409 without field names.
        Assert.Empty(DatabaseFaults.UniqueViolationFields(new SqliteException("UNIQUE constraint failed: Nowhere.Nothing", 19, 2067), sqlite)!);
        Assert.Empty(DatabaseFaults.UniqueViolationFields(Postgres("23505", "Regions", "IX_Not_There"), postgres)!);

        // Not a unique violation at all.
        Assert.Null(DatabaseFaults.UniqueViolationFields(new DbUpdateException("save", Postgres("23503")), postgres));
        Assert.Null(DatabaseFaults.UniqueViolationFields(new SqliteException("NOT NULL constraint failed: Regions.Name", 19, 1299), sqlite));
        Assert.Null(DatabaseFaults.UniqueViolationFields(new InvalidOperationException("x"), sqlite));
    }
}
