using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Traject.Web.Data;

/// <summary>What one checkpoint did: whether it was kept from finishing, and the WAL before and after, in bytes.</summary>
internal sealed record WalCheckpointResult(bool Busy, long WalBytesBefore, long WalBytesAfter);

/// <summary>
/// Keeps SQLite's write-ahead log small while the app runs (ADR 0025). Every audited read appends a few pages to the
/// WAL and the audit writer only checkpoints passively (ADR 0021), which copies pages into the database but never
/// shrinks the file; without this the WAL grows for as long as the app runs. Every
/// <see cref="DatabaseOptions.WalCheckpointEvery"/> this job copies the whole WAL into the database and truncates it to
/// zero bytes (<c>wal_checkpoint(TRUNCATE)</c>), on a connection of its own. It waits at most
/// <see cref="BusyTimeoutMs"/> for readers and writers to step aside; when they do not, it leaves the WAL to the next
/// run. Only on SQLite; on PostgreSQL the job is off.
/// </summary>
internal sealed class SqliteWalCheckpoint(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<SqliteWalCheckpoint> log)
    : PeriodicJob(scopes, TimeProvider.System, log)
{
    /// <summary>How long a checkpoint waits for readers and writers; the writers it holds back wait at most as long.</summary>
    public const int BusyTimeoutMs = 250;

    /// <summary>
    /// The size the WAL is cut back to when a connection restarts it after a complete checkpoint
    /// (<c>journal_size_limit</c>, set on the audit writer's connection and on this job's).
    /// </summary>
    public const long JournalSizeLimitBytes = 4 * 1024 * 1024;

    // Wall-clock time on purpose: the log grows with real writes, whatever the app's clock says.
    protected override TimeSpan Every => options.Value.Provider == DatabaseProvider.Sqlite ? options.Value.WalCheckpointEvery : TimeSpan.Zero;

    // The WAL belongs to the database file on this machine: no lease, and no write every few seconds to keep one.
    protected override bool OneNodeAtATime => false;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var result = await TruncateAsync(services.GetRequiredService<TrajectDb>(), ct);
        if (result.Busy)
        {
            log.LogDebug("WAL checkpoint kept from finishing by readers or a writer; WAL {Bytes} bytes, next run in {Every}.",
                result.WalBytesAfter, Every);
        }
    }

    /// <summary>One checkpoint that truncates the WAL, on a new unpooled connection to the context's database.</summary>
    public static async Task<WalCheckpointResult> TruncateAsync(TrajectDb db, CancellationToken ct = default)
    {
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var wal = builder.DataSource + "-wal";
        var before = Length(wal);
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA journal_size_limit = {JournalSizeLimitBytes}; PRAGMA wal_checkpoint(TRUNCATE)");
        var busy = false;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            // The first result sets are the two settings' echoes; the checkpoint's row is (busy, log frames, checkpointed).
            do
            {
                if (reader.FieldCount == 3 && await reader.ReadAsync(ct))
                {
                    busy = reader.GetInt64(0) != 0;
                }
            }
            while (await reader.NextResultAsync(ct));
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            busy = true; // a writer or reader held on longer than the busy time-out: left to the next run
        }

        return new WalCheckpointResult(busy, before, Length(wal));
    }

    private static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
