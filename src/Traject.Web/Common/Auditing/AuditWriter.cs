using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Traject.Web.Common.Telemetry;

namespace Traject.Web.Common.Auditing;

/// <summary>
/// Group commit for audit entries that stand alone: reads and refusals, which save nothing else. Each caller queues
/// her entry and waits until it is committed. One write at a time takes everything queued so far and links and saves
/// it in one transaction, so twenty professionals opening dossiers at once share one chain-head lock and one commit
/// instead of queueing for twenty. A caller who finds no write under way does the write herself, at once and on her own
/// thread; entries queued while a write is under way go in the next batch, written by the same caller for a few
/// batches and then by a thread of the pool (ADR 0021). Nothing is answered before its entry is committed; a batch that
/// fails is written again entry by entry, so a bad entry fails only its own request and no other entry is lost. The
/// writes go through the writer's own open connection (<see cref="AuditBatch"/>), opened at the first write and
/// replaced after a failure. Measured: the entries waiting (<c>traject.audit.queue.length</c>), the time of each
/// transaction (<c>traject.audit.write.duration</c>, by outcome) and the entries committed (<c>traject.audit.entries.written</c>).
/// </summary>
internal sealed class AuditWriter : IAsyncDisposable, IMetricsSource
{
    private readonly IServiceScopeFactory _scopes;
    private readonly Histogram<double> _writeDuration;
    private readonly Counter<long> _written;

    public AuditWriter(IServiceScopeFactory scopes, TrajectMeter meter)
    {
        _scopes = scopes;
        _writeDuration = meter.Meter.CreateHistogram<double>("traject.audit.write.duration", "s",
            "How long one transaction of the audit writer took (a batch of reads and refusals, or one entry of a failed batch).");
        _written = meter.Meter.CreateCounter<long>("traject.audit.entries.written", "{entry}", "Audit entries committed by the audit writer.");
        meter.Meter.CreateObservableGauge("traject.audit.queue.length", () => _queue.Count, "{entry}",
            "Audit entries waiting for the audit writer (each holds up a request until it is committed).");
    }

    /// <summary>Caps one transaction; what is left waits for the next.</summary>
    public const int MaxBatch = 200;

    /// <summary>Batches a caller who leads the write writes for others after her own before she hands over.</summary>
    private const int LeaderBatches = 4;

    private readonly ConcurrentQueue<Pending> _queue = new();
    private int _writing; // 1 while a write loop runs
    private (long Sequence, string Hash)? _head; // where this writer's last batch left the chain; only the write loop uses it
    private AuditBatch? _batch; // the open connection; only the write loop uses it
    private readonly SemaphoreSlim _connection = new(1, 1); // held while the connection is in use, so disposal waits for a write
    private bool _disposed;

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource Committed);

    /// <summary>Completes when the entry is committed; fails when it could not be written.</summary>
    public Task AppendAsync(AuditEntry entry)
    {
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
        {
            return pending.Committed.Task; // the write under way takes it on
        }

        // No write under way: this caller writes at once, on her own thread, instead of waiting for the thread pool to
        // find one for the writer (under load that wait took longer than the write).
        return LeadAsync(pending);
    }

    private async Task LeadAsync(Pending own)
    {
        await WriteLoopAsync(own, null);
        await own.Committed.Task;
    }

    /// <summary>
    /// Writes what is queued, batch by batch, until the queue is empty. A caller leading the write (<paramref name="own"/>)
    /// writes for the others queued behind her for at most <see cref="LeaderBatches"/> batches after her own and then
    /// hands the rest to a thread of the pool, so her own answer is not held up for long.
    /// </summary>
    private async Task WriteLoopAsync(Pending? own, List<Pending>? first)
    {
        var after = 0; // batches written for others after the leader's own
        while (true)
        {
            var batch = first ?? [];
            first = null;
            while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count == 0)
            {
                Volatile.Write(ref _writing, 0);
                // An entry queued after the last look but before the flag was cleared found a writer running: take it on.
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            if (own is { Committed.Task.IsCompleted: true } && ++after > LeaderBatches)
            {
                _ = Task.Run(() => WriteLoopAsync(null, batch)); // the loop there owns the flag from now on
                return;
            }

            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            await SaveAsync(batch.ConvertAll(p => p.Entry));
            batch.ForEach(p => p.Committed.TrySetResult());
            return;
        }
        catch (Exception e) when (batch.Count == 1)
        {
            batch[0].Committed.TrySetException(e);
            return;
        }
        catch (Exception)
        {
            // Nothing of the batch was committed (one transaction): write each on its own.
        }

        foreach (var pending in batch)
        {
            try
            {
                await SaveAsync([pending.Entry]);
                pending.Committed.TrySetResult();
            }
            catch (Exception e)
            {
                pending.Committed.TrySetException(e);
            }
        }
    }

    private async Task SaveAsync(IReadOnlyList<AuditEntry> entries)
    {
        var kept = _batch is not null; // only the write loop touches the connection, one loop at a time
        try
        {
            await SaveOnceAsync(entries);
        }
        catch (Exception e) when (kept && DatabaseFaults.IsUnavailable(e))
        {
            // The kept connection broke while it was idle (the database restarted, the network dropped; ADR 0025): the
            // first write after the outage goes to a new connection instead of failing the read that waits for it.
            await SaveOnceAsync(entries);
        }
    }

    private async Task SaveOnceAsync(IReadOnlyList<AuditEntry> entries)
    {
        await _connection.WaitAsync();
        var started = Stopwatch.GetTimestamp();
        var outcome = "failure";
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_batch is null)
            {
                await using var scope = _scopes.CreateAsyncScope();
                _batch = await AuditBatch.OpenAsync(scope.ServiceProvider.GetRequiredService<TrajectDb>(), CancellationToken.None);
            }

            var known = _head;
            _head = null; // unknown until this batch is committed
            _head = await _batch.SaveAsync(entries, known, CancellationToken.None);
            outcome = "success";
            _written.Add(entries.Count);
        }
        catch
        {
            // Whatever state the connection is in (a transaction left open, a broken link), the next write starts afresh.
            if (_batch is not null)
            {
                await _batch.DisposeAsync();
                _batch = null;
            }

            throw;
        }
        finally
        {
            _connection.Release();
            _writeDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.WaitAsync();
        try
        {
            _disposed = true;
            if (_batch is not null)
            {
                await _batch.DisposeAsync();
                _batch = null;
            }
        }
        finally
        {
            _connection.Release();
        }
    }
}
