using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Data;

namespace Traject.Tests.Integration;

/// <summary>
/// Periodic jobs run on one node at a time (ADR 0029): two app nodes on one database each tick a job every interval,
/// and per interval exactly one of them runs it, always the same one while it renews its lease; a lease left to expire
/// (a node that died) is taken over, and one released when a node stops is taken at the other node's next tick.
/// </summary>
public abstract class JobLeaseTests(TrajectFixture f)
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    [SkippableFact]
    public async Task Two_nodes_on_one_database_run_a_job_on_one_of_them_per_interval()
    {
        var (a, b, runs, clock) = await TwoNodesAsync();
        for (var interval = 0; interval < 6; interval++)
        {
            var ticks = await Task.WhenAll(a.TickAsync(CancellationToken.None), b.TickAsync(CancellationToken.None));
            Assert.Equal(1, ticks.Count(ran => ran));
            clock.Advance(Every);
        }

        Assert.Equal(6, runs.Count);
        Assert.Single(runs.Distinct());
        var lease = await LeaseAsync(a);
        Assert.Equal(runs.First(), lease.Holder);
        Assert.Equal(clock.GetUtcNow() - Every + (PeriodicJob.LeaseIntervals * Every), lease.ExpiresAt);
    }

    [SkippableFact]
    public async Task An_expired_lease_is_taken_over_and_a_released_one_at_the_next_tick()
    {
        var (a, b, runs, clock) = await TwoNodesAsync();
        Assert.True(await a.TickAsync(CancellationToken.None));
        clock.Advance(Every);
        Assert.False(await b.TickAsync(CancellationToken.None));

        // Node a stops ticking without letting go (it died): its lease runs out after LeaseIntervals intervals.
        clock.Advance(((PeriodicJob.LeaseIntervals - 1) * Every) - TimeSpan.FromSeconds(1));
        Assert.False(await b.TickAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await b.TickAsync(CancellationToken.None));
        Assert.False(await a.TickAsync(CancellationToken.None));
        Assert.Equal(["a", "b"], runs);

        // Node b stops and lets go: a takes the job at its very next tick, no waiting for the lease to run out.
        await b.ReleaseLeaseAsync();
        Assert.True(await a.TickAsync(CancellationToken.None));
        Assert.Equal(["a", "b", "a"], runs);
        Assert.Equal("a", (await LeaseAsync(a)).Holder);
    }

    [SkippableFact]
    public async Task Running_in_the_background_only_the_holder_runs_until_it_stops()
    {
        // Real intervals, a frozen clock for the leases: the holder's lease never runs out while it keeps renewing.
        var (a, b, runs, clock) = await TwoNodesAsync(TimeSpan.FromMilliseconds(100));
        await a.StartAsync(CancellationToken.None);
        await WaitForAsync(() => runs.Contains("a"));
        await b.StartAsync(CancellationToken.None);
        await WaitForAsync(() => runs.Count(n => n == "a") >= 5);
        Assert.DoesNotContain("b", runs);

        await a.StopAsync(CancellationToken.None);
        await WaitForAsync(() => runs.Contains("b"));
        await b.StopAsync(CancellationToken.None);
        var lease = await LeaseAsync(b);
        Assert.Equal("b", lease.Holder);
        Assert.Equal(clock.GetUtcNow(), lease.ExpiresAt); // let go on stopping, not left to run out
    }

    private async Task<(CountingJob A, CountingJob B, ConcurrentQueue<string> Runs, FakeClock Clock)> TwoNodesAsync(TimeSpan? every = null)
    {
        var database = await f.NewDatabaseAsync();
        var clock = new FakeClock();
        var runs = new ConcurrentQueue<string>();
        var a = Node(database, "a", clock, runs, every ?? Every);
        var b = Node(database, "b", clock, runs, every ?? Every);
        return (a, b, runs, clock);
    }

    private CountingJob Node(TestDatabase database, string node, FakeClock clock, ConcurrentQueue<string> runs, TimeSpan every)
    {
        var host = f.NewHost(database, clock: clock).WithWebHostBuilder(b => b.UseSetting("Jobs:NodeId", node));
        Assert.Equal(node, host.Services.GetRequiredService<JobLeases>().Node);
        var scopes = host.Services.GetRequiredService<IServiceScopeFactory>();
        return new CountingJob(scopes, clock, node, runs, every) { Scopes = scopes };
    }

    private static async Task<JobLease> LeaseAsync(CountingJob job)
    {
        await using var scope = job.Scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TrajectDb>().JobLeases.AsNoTracking().SingleAsync(l => l.Job == nameof(CountingJob));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "timed out waiting");
    }

    private sealed class CountingJob(IServiceScopeFactory scopes, TimeProvider time, string node, ConcurrentQueue<string> runs, TimeSpan every)
        : PeriodicJob(scopes, time, NullLogger.Instance)
    {
        public required IServiceScopeFactory Scopes { get; init; }

        protected override TimeSpan Every => every;

        protected override Task RunAsync(IServiceProvider services, CancellationToken ct)
        {
            runs.Enqueue(node);
            return Task.CompletedTask;
        }
    }
}

public sealed class JobLeaseSqlite(SqliteFixture f) : JobLeaseTests(f), IClassFixture<SqliteFixture>;

public sealed class JobLeasePostgres(PostgresFixture f) : JobLeaseTests(f), IClassFixture<PostgresFixture>;
