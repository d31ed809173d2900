namespace Traject.Web.Common;

/// <summary>
/// A job that runs when the app starts and then at a fixed interval, each run in its own service scope. A run that
/// fails is logged and the next one comes at the usual time; an interval of zero switches the job off. Every job is
/// safe to run on several nodes at once.
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

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Job} failed; it runs again in {Interval}.", GetType().Name, every);
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
