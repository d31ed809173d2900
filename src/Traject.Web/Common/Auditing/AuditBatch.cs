using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Traject.Web.Data;

namespace Traject.Web.Common.Auditing;

/// <summary>
/// Saves a batch of entries that stand alone (the <see cref="AuditWriter"/>'s) as one atomic, committed write. Plain
/// ADO.NET on the context's connection, with the columns and parameter conversions of the EF model, because this runs
/// for every read and EF's change tracking would cost more than the statements themselves.
/// <para>
/// Locking path (SQLite always; PostgreSQL when the head is not known): begin, lock and read the head, link, insert
/// the entries and move the head in one command, commit. Known-head path (PostgreSQL): the entries are linked after
/// the head this writer left behind, and one statement moves the head only if it is still there and inserts the
/// entries only if it moved; a single statement commits on its own, so this is one round trip. If another writer
/// (a change, another node) moved the head meanwhile, the statement writes nothing and the locking path follows.
/// </para>
/// <para>
/// On SQLite these commits are not flushed to disk before the answer goes out (ADR 0009): the batch's connection runs
/// with <c>synchronous</c> NORMAL (WAL). The entries are committed, ordered and chained before anything of the answer
/// leaves, and an application crash loses none of them; only a crash of the machine before the next durable commit
/// can lose the last reads' entries, and then their chain head with them, so the chain stays intact. Entries saved
/// with a change keep the change's full durability. PostgreSQL commits every batch durably: there, group commit
/// already spreads the flush over the batch, and skipping it measured no gain.
/// </para>
/// </summary>
internal static class AuditBatch
{
    /// <summary>Saves and commits the entries; returns the new head.</summary>
    public static async Task<(long Sequence, string Hash)> SaveAsync(TrajectDb db, IReadOnlyList<AuditEntry> entries,
        (long Sequence, string Hash)? knownHead, CancellationToken ct)
    {
        if (knownHead is { } known && !db.IsSqlite && await TryAfterKnownHeadAsync(db, entries, known, ct) is { } moved)
        {
            return moved;
        }

        if (!db.IsSqlite)
        {
            return await LockAndSaveAsync(db, entries, ct);
        }

        // SQLite: the setting belongs to the connection, which goes back to the pool afterwards: set it back.
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        try
        {
            var setting = await PragmaAsync(connection, "PRAGMA synchronous", ct);
            await PragmaAsync(connection, "PRAGMA synchronous = NORMAL", ct);
            try
            {
                return await LockAndSaveAsync(db, entries, ct);
            }
            finally
            {
                await PragmaAsync(connection, $"PRAGMA synchronous = {setting}", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<(long Sequence, string Hash)> LockAndSaveAsync(TrajectDb db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var head = AuditChain.Link(entries, await AuditChain.LockHeadAsync(db, ct));
        var transaction = tx.GetDbTransaction();
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var (into, values) = Insert(db, command, entries);
        command.CommandText = $"{into} {values}; UPDATE \"AuditChainHeads\" SET \"Sequence\" = @sequence, \"Hash\" = @hash WHERE \"Id\" = {HeadId}";
        Add(command, "sequence", head.Sequence);
        Add(command, "hash", head.Hash);
        await command.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return head;
    }

    /// <summary>Runs a pragma; returns the setting it reads, if any.</summary>
    private static async Task<long> PragmaAsync(DbConnection connection, string pragma, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L, CultureInfo.InvariantCulture);
    }

    private static async Task<(long Sequence, string Hash)?> TryAfterKnownHeadAsync(TrajectDb db, IReadOnlyList<AuditEntry> entries,
        (long Sequence, string Hash) known, CancellationToken ct)
    {
        var head = AuditChain.Link(entries, known);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            var (into, values) = Insert(db, command, entries);
            command.CommandText =
                $"WITH moved AS (UPDATE \"AuditChainHeads\" SET \"Sequence\" = @sequence, \"Hash\" = @hash " +
                $"WHERE \"Id\" = {HeadId} AND \"Sequence\" = @knownSequence AND \"Hash\" = @knownHash RETURNING 1) " +
                $"{into} SELECT * FROM ({values}) AS added WHERE EXISTS (SELECT 1 FROM moved)";
            Add(command, "sequence", head.Sequence);
            Add(command, "hash", head.Hash);
            Add(command, "knownSequence", known.Sequence);
            Add(command, "knownHash", known.Hash);
            return await command.ExecuteNonQueryAsync(ct) == entries.Count ? head : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string HeadId => AuditChain.HeadId.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>INSERT INTO table (columns)</c> and <c>VALUES (…), (…)</c>, with one parameter per value.</summary>
    private static (string Into, string Values) Insert(TrajectDb db, DbCommand command, IReadOnlyList<AuditEntry> entries)
    {
        var type = db.Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var properties = type.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var into = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))).Append(')');
        var values = new StringBuilder("VALUES ");
        for (var i = 0; i < entries.Count; i++)
        {
            values.Append(i == 0 ? "(" : ", (");
            for (var j = 0; j < properties.Count; j++)
            {
                var name = "p" + (i * properties.Count + j).ToString(CultureInfo.InvariantCulture);
                values.Append(j == 0 ? "@" : ", @").Append(name);
                command.Parameters.Add(properties[j].GetRelationalTypeMapping()
                    .CreateParameter(command, name, properties[j].GetGetter().GetClrValue(entries[i]), properties[j].IsNullable));
            }

            values.Append(')');
        }

        return (into.ToString(), values.ToString());
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
