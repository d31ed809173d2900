using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Traject.Web.Common.Telemetry;

/// <summary>
/// Runs and lag of the periodic jobs (<see cref="PeriodicJob"/>), tagged with the job's class name only.
/// <c>traject.job.runs</c> counts finished runs by outcome; <c>traject.job.duration</c> is how long a run took;
/// <c>traject.job.lag</c> is how far a job is behind its schedule: the time since its next run was due, zero while it
/// waits for that moment. A run that hangs, or a job that died, shows as a lag that keeps growing.
/// <c>traject.job.skips</c> counts the runs a node left out because another node holds the job's lease (ADR 0029);
/// a skipped run counts as on schedule, so a standby node shows no lag.
/// </summary>
internal sealed class JobMetrics : IMetricsSource
{
    private readonly ConcurrentDictionary<string, Schedule> _jobs = new(StringComparer.Ordinal);
    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _skips;

    private sealed class Schedule(TimeProvider time)
    {
        public TimeProvider Time { get; } = time;

        public DateTimeOffset DueAt { get; set; } = time.GetUtcNow();
    }

    public JobMetrics(TrajectMeter meter)
    {
        _runs = meter.Meter.CreateCounter<long>("traject.job.runs", "{run}", "Finished runs of a periodic job, by outcome.");
        _skips = meter.Meter.CreateCounter<long>("traject.job.skips", "{run}", "Runs of a periodic job left out because another node holds its lease.");
        _duration = meter.Meter.CreateHistogram<double>("traject.job.duration", "s", "How long one run of a periodic job took.");
        meter.Meter.CreateObservableGauge("traject.job.lag", ObserveLag, "s",
            "How far a periodic job is behind its schedule: the time since its next run was due (0 while it waits).");
    }

    /// <summary>A job's run is starting; the first call registers the job on its own clock.</summary>
    public long Starting(string job, TimeProvider time)
    {
        _jobs.GetOrAdd(job, _ => new Schedule(time));
        return time.GetTimestamp();
    }

    /// <summary>A run ended; the next one is due <paramref name="every"/> from now.</summary>
    public void Finished(string job, long started, bool succeeded, TimeSpan every)
    {
        if (!_jobs.TryGetValue(job, out var schedule))
        {
            return;
        }

        var tags = new TagList { { "job", job }, { "outcome", succeeded ? "success" : "failure" } };
        _runs.Add(1, tags);
        _duration.Record(schedule.Time.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("job", job));
        schedule.DueAt = schedule.Time.GetUtcNow() + every;
    }

    /// <summary>A run was left out because another node holds the lease; the next one is due <paramref name="every"/> from now.</summary>
    public void Skipped(string job, TimeProvider time, TimeSpan every)
    {
        var schedule = _jobs.GetOrAdd(job, _ => new Schedule(time));
        _skips.Add(1, new KeyValuePair<string, object?>("job", job));
        schedule.DueAt = schedule.Time.GetUtcNow() + every;
    }

    private IEnumerable<Measurement<double>> ObserveLag()
    {
        foreach (var (job, schedule) in _jobs)
        {
            var late = schedule.Time.GetUtcNow() - schedule.DueAt;
            yield return new Measurement<double>(Math.Max(0, late.TotalSeconds), new KeyValuePair<string, object?>("job", job));
        }
    }
}
