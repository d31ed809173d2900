using Traject.Web.Common.Telemetry;

namespace Traject.Web.Common;

/// <summary>
/// A job that runs when the app starts and then at a fixed interval, each run in its own service scope. A run that
/// fails is logged and the next one comes at the usual time; an interval of zero switches the job off. Runs, their
/// duration and the job's lag are measured (<see cref="JobMetrics"/>).
/// <para>
/// Across nodes on one database a job runs on one node at a time (docs/adr/0029): before each run the node takes or
/// renews the job's lease in the database (<see cref="JobLeases"/>) for <see cref="LeaseIntervals"/> intervals, and a
/// node that finds it held by another skips the run. The holder lets the lease go when it stops, so another node takes
/// over at its next run; a node that dies loses it when it expires. A run that lasts longer than two intervals may meet
/// a run on another node that took over, so every job stays safe to run on several nodes at once.
/// </para>
/// </summary>
internal abstract class PeriodicJob(IServiceScopeFactory scopes, TimeProvider time, ILogger log) : BackgroundService
{
    /// <summary>How many intervals a lease lasts: the holder renews it every interval, others take it over after this.</summary>
    public const int LeaseIntervals = 3;

    private bool _holdsLease;

    /// <summary>How long between runs; zero or less switches the job off.</summary>
    protected abstract TimeSpan Every { get; }

    /// <summary>
    /// Whether the job runs on one node at a time (the default). A job about this node's own resources, such as a local
    /// file, runs on every node and takes no lease.
    /// </summary>
    protected virtual bool OneNodeAtATime => true;

    /// <summary>The job's name in leases, logs and metrics: its class name.</summary>
    public string Name => GetType().Name;

    /// <summary>One run, in a fresh scope.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = Every;
        if (every <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await TickAsync(stoppingToken);
                try
                {
                    await Task.Delay(every, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            await ReleaseLeaseAsync();
        }
    }

    /// <summary>
    /// One turn: takes or renews the lease (when the job needs one) and runs the job. Returns whether this node ran it;
    /// false when another node holds the lease, or the run failed (logged).
    /// </summary>
    public async Task<bool> TickAsync(CancellationToken ct)
    {
        var every = Every;
        var job = Name;
        var metrics = default(JobMetrics);
        var started = 0L;
        var ran = false;
        var succeeded = false;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            metrics = scope.ServiceProvider.GetService<JobMetrics>();
            started = metrics?.Starting(job, time) ?? 0;
            if (OneNodeAtATime && scope.ServiceProvider.GetService<JobLeases>() is { } leases)
            {
                _holdsLease = await leases.TryAcquireAsync(scope.ServiceProvider.GetRequiredService<TrajectDb>(), job, every * LeaseIntervals, ct);
                if (!_holdsLease)
                {
                    metrics?.Skipped(job, time, every);
                    log.LogDebug("{Job} skipped: another node holds its lease.", job);
                    return false;
                }
            }

            ran = true;
            await RunAsync(scope.ServiceProvider, ct);
            succeeded = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "{Job} failed; it runs again in {Interval}.", job, every);
            ran = true;
        }
        finally
        {
            if (ran && !ct.IsCancellationRequested)
            {
                metrics?.Finished(job, started, succeeded, every);
            }
        }

        return succeeded;
    }

    /// <summary>Lets the lease go when this node holds it (on stopping), so another node can take the job over at once.</summary>
    public async Task ReleaseLeaseAsync()
    {
        if (!_holdsLease)
        {
            return;
        }

        _holdsLease = false;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await using var scope = scopes.CreateAsyncScope();
            if (scope.ServiceProvider.GetService<JobLeases>() is { } leases)
            {
                await leases.ReleaseAsync(scope.ServiceProvider.GetRequiredService<TrajectDb>(), Name, timeout.Token);
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or OperationCanceledException or TimeoutException)
        {
            // The lease then expires on its own.
            log.LogWarning("{Job} could not release its lease ({Error}); it expires on its own.", Name, e.GetType().Name);
        }
    }
}
