using System.Diagnostics.Metrics;
using Traject.Web.Common.Telemetry;

namespace Traject.Web.Modules.Safety;

/// <summary>
/// <c>traject.missing_episodes.open</c>: how many missing episodes are open, over all organisations. Counted in the
/// database at most once every <see cref="CountEvery"/> (by the app's clock): scrapes in between, however many, read the
/// last count, and only one scrape at a time counts. When the database cannot be read the gauge keeps the last count.
/// </summary>
internal sealed class MissingEpisodeMetrics : IMetricsSource
{
    public static readonly TimeSpan CountEvery = TimeSpan.FromSeconds(30);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<MissingEpisodeMetrics> _log;
    private readonly Lock _counting = new();
    private DateTimeOffset? _countedAt; // when the last count was tried, successful or not
    private long? _open;

    public MissingEpisodeMetrics(IServiceScopeFactory scopes, TimeProvider time, TrajectMeter meter, ILogger<MissingEpisodeMetrics> log)
    {
        _scopes = scopes;
        _time = time;
        _log = log;
        meter.Meter.CreateObservableGauge("traject.missing_episodes.open", Observe, "{episode}",
            $"Open missing episodes (counted at most once every {CountEvery.TotalSeconds:0} seconds).");
    }

    private IEnumerable<Measurement<long>> Observe()
    {
        var now = _time.GetUtcNow();
        if ((_countedAt is not { } at || now - at >= CountEvery || now < at) && _counting.TryEnter())
        {
            try
            {
                _countedAt = now;
                using var scope = _scopes.CreateScope();
                _open = scope.ServiceProvider.GetRequiredService<TrajectDb>().MissingEpisodes.Count(e => e.ClosedAt == null);
            }
            catch (Exception e)
            {
                _log.LogWarning("Counting the open missing episodes failed ({Exception}); the gauge keeps the last count.", e.GetType().Name);
            }
            finally
            {
                _counting.Exit();
            }
        }

        return _open is { } open ? [new Measurement<long>(open)] : [];
    }
}
