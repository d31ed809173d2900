using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Data;

/// <summary>
/// Applies the hand-written, versioned SQL migrations in <c>Data/Migrations/{provider}/NNNN_name.sql</c>, in order,
/// each in its own transaction together with its row in <c>__SchemaVersions</c>. See docs/adr/0002.
/// </summary>
internal sealed class SchemaMigrator(TrajectDb db, ILogger<SchemaMigrator> logger)
{
    private const string VersionTable = "__SchemaVersions";

    /// <summary>An arbitrary, fixed key for PostgreSQL's advisory lock, so two nodes never migrate at once.</summary>
    private const long AdvisoryLockKey = 7_270_411_020_260_001;

    internal sealed record Script(int Number, string Name, string Sql);

    public static IReadOnlyList<Script> Scripts(bool sqlite)
    {
        var folder = sqlite ? ".sqlite." : ".postgres.";
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Data.Migrations" + folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[(n.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..^4];
                var number = int.Parse(file[..4], System.Globalization.CultureInfo.InvariantCulture);
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new Script(number, file, reader.ReadToEnd());
            })
            .OrderBy(s => s.Number)
            .ToList();
    }

    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct = default)
    {
        var applied = await AppliedAsync(ct);
        return Scripts(db.IsSqlite).Where(s => !applied.Contains(s.Number)).Select(s => s.Name).ToList();
    }

    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.IsSqlite)
            {
                // Write-ahead logging: readers do not block the writer, and each audit write is one cheap append.
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", ct);
            }
            else
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
            }

            try
            {
                await ExecuteAsync(connection, null,
                    $"CREATE TABLE IF NOT EXISTS \"{VersionTable}\" (\"Number\" integer NOT NULL PRIMARY KEY, " +
                    "\"Name\" varchar(200) NOT NULL, \"AppliedAt\" varchar(40) NOT NULL)", ct);
                var applied = await AppliedAsync(ct);
                var count = 0;
                foreach (var script in Scripts(db.IsSqlite).Where(s => !applied.Contains(s.Number)))
                {
                    await using var tx = await connection.BeginTransactionAsync(ct);
                    await ExecuteAsync(connection, tx, script.Sql, ct);
                    await using (var insert = connection.CreateCommand())
                    {
                        insert.Transaction = tx;
                        insert.CommandText = $"INSERT INTO \"{VersionTable}\" (\"Number\", \"Name\", \"AppliedAt\") VALUES (@n, @name, @at)";
                        AddParameter(insert, "@n", script.Number);
                        AddParameter(insert, "@name", script.Name);
                        AddParameter(insert, "@at", DateTimeOffset.UtcNow.ToString("O"));
                        await insert.ExecuteNonQueryAsync(ct);
                    }

                    await tx.CommitAsync(ct);
                    logger.LogInformation("Applied schema migration {Migration}", script.Name);
                    count++;
                }

                // Entries written before the audit chain existed are sealed into it once.
                await Common.Auditing.AuditChain.SealUnchainedAsync(db, ct);
                return count;
            }
            finally
            {
                if (!db.IsSqlite)
                {
                    await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", ct);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<HashSet<int>> AppliedAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            await using var exists = connection.CreateCommand();
            exists.CommandText = db.IsSqlite
                ? $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{VersionTable}'"
                : $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{VersionTable}'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return [];
            }

            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT \"Number\" FROM \"{VersionTable}\"";
            var result = new HashSet<int>();
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                result.Add(reader.GetInt32(0));
            }

            return result;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
