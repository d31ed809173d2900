using Traject.Web.Common.Telemetry;

namespace Traject.Web.Common;

/// <summary>
/// A job that runs when the app starts and then at a fixed interval, each run in its own service scope. A run that
/// fails is logged and the next one comes at the usual time; an interval of zero switches the job off. Every job is
/// safe to run on several nodes at once. Runs, their duration and the job's lag are measured (<see cref="JobMetrics"/>).
/// </summary>
internal abstract class PeriodicJob(IServiceScopeFactory scopes, TimeProvider time, ILogger log) : BackgroundService
{
    /// <summary>How long between runs; zero or less switches the job off.</summary>
    protected abstract TimeSpan Every { get; }

    /// <summary>One run, in a fresh scope.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = Every;
        if (every <= TimeSpan.Zero)
        {
            return;
        }

        var job = GetType().Name;
        while (!stoppingToken.IsCancellationRequested)
        {
            var metrics = default(JobMetrics);
            var started = 0L;
            var succeeded = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                metrics = scope.ServiceProvider.GetService<JobMetrics>();
                started = metrics?.Starting(job, time) ?? 0;
                await RunAsync(scope.ServiceProvider, stoppingToken);
                succeeded = true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Job} failed; it runs again in {Interval}.", job, every);
            }
            finally
            {
                if (!stoppingToken.IsCancellationRequested)
                {
                    metrics?.Finished(job, started, succeeded, every);
                }
            }

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
}
