using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Traject.Web.Common.Auditing;

/// <summary>One column of <c>AuditEntries</c> as the EF model maps it: its name, type mapping and value.</summary>
internal sealed record AuditColumn(string Name, RelationalTypeMapping Mapping, bool Nullable, Func<AuditEntry, object?> Value)
{
    /// <summary>The value as stored, after the model's conversion (none on PostgreSQL).</summary>
    public object? StoredValue(AuditEntry entry) =>
        Mapping.Converter is { } converter && Value(entry) is { } value ? converter.ConvertToProvider(value) : Value(entry);

    /// <summary>The columns in model order.</summary>
    public static IReadOnlyList<AuditColumn> From(TrajectDb db)
    {
        var type = db.Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        return type.GetProperties().Select(p =>
        {
            var getter = p.GetGetter();
            return new AuditColumn(sql.DelimitIdentifier(p.GetColumnName(table)!), p.GetRelationalTypeMapping(), p.IsNullable,
                e => getter.GetClrValue(e));
        }).ToList();
    }
}

/// <summary>
/// The <see cref="AuditWriter"/>'s own connection, kept open with its statements prepared: it saves a batch of entries
/// that stand alone as one atomic, committed write. Plain ADO.NET with the columns and conversions of the EF model,
/// because this runs for every read: a service scope, a context, a pooled connection's reset and a statement parsed
/// and planned anew per batch cost more than the insert itself (ADR 0009). Only the writer's loop uses it, one batch at
/// a time; after any failure the writer throws it away and opens a new one.
/// <para>
/// PostgreSQL: when the head this writer left behind is known, one prepared statement moves the head only if it is
/// still there and inserts the entries (as arrays, so every batch size shares the statement) only if it moved; a
/// single statement commits on its own, so this is one round trip. Otherwise (first batch, or another writer — a change,
/// another node — moved the head) it locks the head with <c>SELECT … FOR UPDATE</c> in a transaction and runs the same
/// statement after it. Commits are durable.
/// </para>
/// <para>
/// SQLite: <c>BEGIN IMMEDIATE</c> (the database's write lock), read the head, insert the entries with one prepared
/// statement, move the head, commit. The connection runs with <c>synchronous</c> NORMAL (WAL): its commits are not
/// flushed to disk before the answer goes out. The entries are committed, ordered and chained before anything of the
/// answer leaves, and an application crash loses none of them; only a crash of the machine before the next durable
/// commit can lose the last reads' entries, and then their chain head with them, so the chain stays intact. The
/// connection is not pooled, so the setting never reaches another connection; entries saved with a change keep the
/// change's full durability. Its commits never checkpoint (copy the WAL into the database and flush): every hundred
/// batches a passive checkpoint runs on a connection of its own beside the writer (ADR 0021). A passive checkpoint never
/// shrinks the WAL: <see cref="SqliteWalCheckpoint"/> truncates it every few seconds, and when this connection restarts
/// the log after a complete checkpoint it cuts the file back to <c>journal_size_limit</c> (ADR 0025).
/// </para>
/// </summary>
internal abstract class AuditBatch : IAsyncDisposable
{
    private static string HeadId => AuditChain.HeadId.ToString(CultureInfo.InvariantCulture);

    public static async Task<AuditBatch> OpenAsync(TrajectDb db, CancellationToken ct)
    {
        var columns = AuditColumn.From(db);
        var connectionString = db.Database.GetConnectionString()!;
        AuditBatch batch = db.IsSqlite ? new SqliteBatch(connectionString, columns) : new PostgresBatch(connectionString, columns);
        try
        {
            await batch.OpenAsync(ct);
            return batch;
        }
        catch
        {
            await batch.DisposeAsync();
            throw;
        }
    }

    /// <summary>Saves and commits the entries, linked after the head; returns the new head.</summary>
    public abstract Task<(long Sequence, string Hash)> SaveAsync(IReadOnlyList<AuditEntry> entries,
        (long Sequence, string Hash)? knownHead, CancellationToken ct);

    protected abstract Task OpenAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    private static string Into(IReadOnlyList<AuditColumn> columns) =>
        $"INSERT INTO \"AuditEntries\" ({string.Join(", ", columns.Select(c => c.Name))})";

    private static async Task<(long Sequence, string Hash)?> ReadHeadAsync(DbCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private sealed class PostgresBatch(string connectionString, IReadOnlyList<AuditColumn> columns) : AuditBatch
    {
        // Never pooled, like SQLite's: its session setting (no waiting for the WAL flush) must not reach other connections.
        private readonly NpgsqlConnection _connection = new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        private NpgsqlCommand _lock = null!;
        private NpgsqlCommand _save = null!;

        protected override async Task OpenAsync(CancellationToken ct)
        {
            await _connection.OpenAsync(ct);
            // Reads' batches commit without waiting for the WAL flush (ADR 0009); changes commit on other connections, durably.
            await using (var setting = new NpgsqlCommand("SET synchronous_commit = off", _connection))
            {
                await setting.ExecuteNonQueryAsync(ct);
            }

            _lock = new NpgsqlCommand($"SELECT \"Sequence\", \"Hash\" FROM \"AuditChainHeads\" WHERE \"Id\" = {HeadId} FOR UPDATE", _connection);
            var arrays = string.Join(", ", columns.Select((c, i) => $"@c{i}"));
            _save = new NpgsqlCommand(
                $"WITH moved AS (UPDATE \"AuditChainHeads\" SET \"Sequence\" = @sequence, \"Hash\" = @hash " +
                $"WHERE \"Id\" = {HeadId} AND \"Sequence\" = @knownSequence AND \"Hash\" = @knownHash RETURNING 1) " +
                $"{Into(columns)} SELECT * FROM unnest({arrays}) AS added WHERE EXISTS (SELECT 1 FROM moved)", _connection);
            _save.Parameters.Add(new NpgsqlParameter<long>("sequence", 0L));
            _save.Parameters.Add(new NpgsqlParameter<string>("hash", string.Empty));
            _save.Parameters.Add(new NpgsqlParameter<long>("knownSequence", 0L));
            _save.Parameters.Add(new NpgsqlParameter<string>("knownHash", string.Empty));
            for (var i = 0; i < columns.Count; i++)
            {
                // An array of the column's provider type (nullable where the column is): uuid[], bigint[], timestamptz[], text[].
                var element = columns[i].Mapping.Converter?.ProviderClrType ?? columns[i].Mapping.ClrType;
                if (columns[i].Nullable && element.IsValueType && Nullable.GetUnderlyingType(element) is null)
                {
                    element = typeof(Nullable<>).MakeGenericType(element);
                }

                _save.Parameters.Add(new NpgsqlParameter("c" + i.ToString(CultureInfo.InvariantCulture), Array.CreateInstance(element, 0)));
            }

            await _save.PrepareAsync(ct);
            await _lock.PrepareAsync(ct);
        }

        public override async Task<(long Sequence, string Hash)> SaveAsync(IReadOnlyList<AuditEntry> entries,
            (long Sequence, string Hash)? knownHead, CancellationToken ct)
        {
            if (knownHead is { } known && await TrySaveAfterAsync(entries, known, ct) is { } moved)
            {
                return moved;
            }

            await using var tx = await _connection.BeginTransactionAsync(ct);
            _lock.Transaction = tx;
            var head = await ReadHeadAsync(_lock, ct) ?? throw new InvalidOperationException("The audit chain has no head row.");
            var saved = await TrySaveAfterAsync(entries, head, ct)
                ?? throw new InvalidOperationException("The audit chain head moved while it was locked.");
            await tx.CommitAsync(ct);
            return saved;
        }

        /// <summary>Links the entries after the head and saves them if the head is still there; null if it moved.</summary>
        private async Task<(long Sequence, string Hash)?> TrySaveAfterAsync(IReadOnlyList<AuditEntry> entries,
            (long Sequence, string Hash) head, CancellationToken ct)
        {
            var moved = AuditChain.Link(entries, head);
            _save.Parameters[0].Value = moved.Sequence;
            _save.Parameters[1].Value = moved.Hash;
            _save.Parameters[2].Value = head.Sequence;
            _save.Parameters[3].Value = head.Hash;
            for (var i = 0; i < columns.Count; i++)
            {
                var values = Array.CreateInstance(_save.Parameters[4 + i].Value!.GetType().GetElementType()!, entries.Count);
                for (var j = 0; j < entries.Count; j++)
                {
                    values.SetValue(columns[i].StoredValue(entries[j]), j);
                }

                _save.Parameters[4 + i].Value = values;
            }

            return await _save.ExecuteNonQueryAsync(ct) == entries.Count ? moved : null;
        }

        public override async ValueTask DisposeAsync()
        {
            if (_save is not null)
            {
                await _save.DisposeAsync();
                await _lock.DisposeAsync();
            }

            await _connection.DisposeAsync();
        }
    }

    private sealed class SqliteBatch(string connectionString, IReadOnlyList<AuditColumn> columns) : AuditBatch
    {
        /// <summary>Batches between two checkpoints: a batch adds about six pages to the WAL, so it stays near 2.5 MB.</summary>
        private const int CheckpointEvery = 100;

        private readonly SqliteConnection _connection = new(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        private int _sinceCheckpoint;
        private Task _checkpoint = Task.CompletedTask;
        private SqliteCommand _head = null!;
        private SqliteCommand _insert = null!;
        private SqliteCommand _move = null!;

        protected override async Task OpenAsync(CancellationToken ct)
        {
            await _connection.OpenAsync(ct);
            // Commits without flushing; checkpoints (which flush) run beside the writer instead of inside its commits.
            var settings = string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = {SqliteWalCheckpoint.JournalSizeLimitBytes}");
            await using (var setting = new SqliteCommand(settings, _connection))
            {
                await setting.ExecuteNonQueryAsync(ct);
            }

            _head = new SqliteCommand($"SELECT \"Sequence\", \"Hash\" FROM \"AuditChainHeads\" WHERE \"Id\" = {HeadId}", _connection);
            _insert = new SqliteCommand($"{Into(columns)} VALUES ({string.Join(", ", columns.Select((c, i) => $"@c{i}"))})", _connection);
            for (var i = 0; i < columns.Count; i++)
            {
                // Typed as the model types them (e.g. a Guid as TEXT), so EF reads back what was written.
                _insert.Parameters.Add(columns[i].Mapping.CreateParameter(_insert, "c" + i.ToString(CultureInfo.InvariantCulture), null, columns[i].Nullable));
            }

            _move = new SqliteCommand($"UPDATE \"AuditChainHeads\" SET \"Sequence\" = @sequence, \"Hash\" = @hash WHERE \"Id\" = {HeadId}", _connection);
            Parameter(_move, "sequence");
            Parameter(_move, "hash");
        }

        public override async Task<(long Sequence, string Hash)> SaveAsync(IReadOnlyList<AuditEntry> entries,
            (long Sequence, string Hash)? knownHead, CancellationToken ct)
        {
            await using var tx = _connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock first
            _head.Transaction = _insert.Transaction = _move.Transaction = tx;
            var head = AuditChain.Link(entries, await ReadHeadAsync(_head, ct) ?? throw new InvalidOperationException("The audit chain has no head row."));
            foreach (var entry in entries)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    _insert.Parameters[i].Value = columns[i].StoredValue(entry) ?? DBNull.Value;
                }

                await _insert.ExecuteNonQueryAsync(ct);
            }

            _move.Parameters[0].Value = head.Sequence;
            _move.Parameters[1].Value = head.Hash;
            await _move.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            if (++_sinceCheckpoint >= CheckpointEvery && _checkpoint.IsCompleted)
            {
                _sinceCheckpoint = 0;
                _checkpoint = Task.Factory.StartNew(Checkpoint, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }

            return head;
        }

        /// <summary>
        /// Copies the WAL's committed pages into the database and flushes both, on a connection of its own and at full
        /// synchronous, so the flush that makes the reads' entries durable is no longer paid inside a batch's commit.
        /// Passive: it waits for no reader or writer. A checkpoint that fails is left to the next one (or to the
        /// automatic checkpoint of the connections that save changes).
        /// </summary>
        private void Checkpoint()
        {
            try
            {
                using var connection = new SqliteConnection(_connection.ConnectionString); // the same file, also unpooled
                connection.Open();
                using var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(PASSIVE)", connection);
                checkpoint.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Left to the next checkpoint.
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await _checkpoint;
            foreach (var command in new[] { _head, _insert, _move })
            {
                if (command is not null)
                {
                    await command.DisposeAsync();
                }
            }

            await _connection.DisposeAsync();
        }
    }
}
