using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Traject.Tests.Infrastructure;
using Traject.Web.Data;

namespace Traject.Tests.Integration;

/// <summary>
/// The hand-written migrations must build exactly the schema the EF model expects: a database migrated with the app's
/// SchemaMigrator is compared with one made by EnsureCreated, table by table, column by column, key by key.
/// </summary>
public abstract class SchemaTests(TrajectFixture f)
{
    private const string VersionTable = "__SchemaVersions";

    [SkippableFact]
    public async Task Migrations_build_exactly_the_schema_of_the_model()
    {
        var migratedDb = await f.NewDatabaseAsync();
        var createdDb = await f.NewDatabaseAsync();

        await using (var db = migratedDb.CreateContext())
        {
            var applied = await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
            Assert.True(applied > 0);
        }

        await using (var db = createdDb.CreateContext())
        {
            Assert.True(await db.Database.EnsureCreatedAsync());
        }

        var migrated = await DescribeAsync(migratedDb);
        var expected = await DescribeAsync(createdDb);
        Assert.Contains(expected, line => line.StartsWith("column AuditEntries.Outcome ", StringComparison.Ordinal));
        Assert.Contains(expected, line => line.StartsWith("fk ", StringComparison.Ordinal));
        Assert.Contains(expected, line => line.StartsWith("index ", StringComparison.Ordinal));
        Assert.True(expected.Count > 150, $"the description looks too thin to compare: {expected.Count} lines");

        var missing = expected.Except(migrated).ToList();
        var extra = migrated.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "Schema from the migrations differs from the EF model." +
            "\nMissing (in the model, not in the migrated database):\n  " + string.Join("\n  ", missing) +
            "\nExtra (in the migrated database, not in the model):\n  " + string.Join("\n  ", extra));
    }

    [SkippableFact]
    public async Task Migrating_again_applies_nothing_and_nothing_is_pending()
    {
        var database = await f.NewDatabaseAsync();
        await using var db = database.CreateContext();
        var migrator = new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance);
        Assert.NotEmpty(await migrator.PendingAsync());
        var first = await migrator.MigrateAsync();
        Assert.Equal(SchemaMigrator.Scripts(db.IsSqlite).Count, first);
        Assert.Empty(await migrator.PendingAsync());
        var before = await DescribeAsync(database);

        Assert.Equal(0, await migrator.MigrateAsync());
        Assert.Empty(await migrator.PendingAsync());
        Assert.Equal(before, await DescribeAsync(database));
        Assert.Equal(first, await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{VersionTable}\"").SingleAsync());
    }

    [SkippableFact]
    public async Task The_running_app_migrated_its_database_at_start_up()
    {
        var pending = await f.WithDbAsync(db => new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).PendingAsync());
        Assert.Empty(pending);
    }

    /// <summary>One line per table, column, key, index and foreign key, in a fixed order.</summary>
    private static async Task<List<string>> DescribeAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var lines = db.IsSqlite ? await DescribeSqliteAsync(connection) : await DescribePostgresAsync(connection);
        return lines.Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> DescribeSqliteAsync(DbConnection c)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(c, $"SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{VersionTable}'");
        foreach (var table in tables)
        {
            var t = table[0]!;
            lines.Add($"table {t}");
            if (table[1]!.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase))
            {
                lines.Add($"autoincrement {t}");
            }

            foreach (var col in await QueryAsync(c, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{t}')"))
            {
                lines.Add($"column {t}.{col[0]} {col[1]} notnull={col[2]} default={col[3]} pk={col[4]}");
            }

            foreach (var index in await QueryAsync(c, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{t}')"))
            {
                var columns = await QueryAsync(c, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno");
                lines.Add($"index {t}.{index[0]} unique={index[1]} origin={index[2]} partial={index[3]} ({string.Join(", ", columns.Select(x => x[0]))})");
            }

            foreach (var fk in (await QueryAsync(c, $"SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{t}') ORDER BY id, seq"))
                .GroupBy(r => r[0]))
            {
                var first = fk.First();
                lines.Add($"fk {t}({string.Join(", ", fk.Select(r => r[2]))}) -> {first[1]}({string.Join(", ", fk.Select(r => r[3]))}) on update {first[4]} on delete {first[5]}");
            }
        }

        return lines;
    }

    private static async Task<List<string>> DescribePostgresAsync(DbConnection c)
    {
        var lines = new List<string>();
        foreach (var t in await QueryAsync(c, $"SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> '{VersionTable}'"))
        {
            lines.Add($"table {t[0]} {t[1]}");
        }

        foreach (var col in await QueryAsync(c,
            "SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, is_nullable, column_default, is_identity, identity_generation, collation_name " +
            $"FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> '{VersionTable}'"))
        {
            lines.Add($"column {col[0]}.{col[1]} {col[2]}({col[3]}{col[4]}) nullable={col[5]} default={col[6]} identity={col[7]} {col[8]} collation={col[9]}");
        }

        foreach (var con in await QueryAsync(c,
            "SELECT conrelid::regclass::text, conname, contype::text, pg_get_constraintdef(oid) FROM pg_constraint " +
            $"WHERE connamespace = current_schema()::regnamespace AND conrelid::regclass::text NOT LIKE '%{VersionTable}%'"))
        {
            lines.Add($"{(con[2] == "f" ? "fk" : "constraint")} {con[0]}.{con[1]} {con[3]}");
        }

        foreach (var index in await QueryAsync(c, $"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename <> '{VersionTable}'"))
        {
            lines.Add($"index {index[0]}.{index[1]} {index[2]}");
        }

        foreach (var seq in await QueryAsync(c, "SELECT sequence_name, data_type, start_value, increment FROM information_schema.sequences WHERE sequence_schema = current_schema()"))
        {
            lines.Add($"sequence {seq[0]} {seq[1]} {seq[2]} {seq[3]}");
        }

        return lines;
    }

    private static async Task<List<string?[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }
}

public sealed class SchemaSqlite(SqliteFixture f) : SchemaTests(f), IClassFixture<SqliteFixture>;

public sealed class SchemaPostgres(PostgresFixture f) : SchemaTests(f), IClassFixture<PostgresFixture>;
