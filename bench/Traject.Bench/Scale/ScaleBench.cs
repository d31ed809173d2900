using System.Diagnostics;
using System.Globalization;
using System.Net;
using Traject.Bench.AuditCost;
using Traject.Bench.HotPath;
using Traject.Bench.Load;
using Traject.Web.Data;

namespace Traject.Bench.Scale;

/// <summary>
/// <c>scale [--provider sqlite|postgres] [--connection "..."] [--small 1000] [--large 100000] [--data folder] [--reseed]
/// [--seed-only] [--seconds 8] [--connections 20] [--rounds 3]</c>: the app's own executable on two databases at once, one with the
/// demo data and <c>--small</c> generated young people, one with <c>--large</c>. It reports:
/// seeding (time, young people per second, peak memory of the seeding process; databases are kept in <c>--data</c> for the
/// next run unless <c>--reseed</c>); the first start (time to ready, until the scheduled rules' first runs are done, peak
/// memory); then in rounds, with <c>wrk</c> on each app one right after the other, the un-audited single-row read, the
/// audited dossier API read, the coordinator's list, the dossier page and the national figures. From the same round it
/// takes large ÷ small (throughput of the small database ÷ that of the large one; goal ≤ 1.5 for the dossier and the
/// lists), the hot-path ratios on the large database, one national-figures request at a time (goal &lt; 1 s), and each
/// app's peak memory through the load (goal ≤ 500 MB).
/// </summary>
internal static class ScaleBench
{
    public const string Verb = "scale";

    private static readonly string[] Jobs = ["ContinuityScheduler", "MissingEpisodeReminderJob"];

    private sealed record Target(string Name, Func<Side, string> Path, Func<Side, Task<string?>> Header, bool Goal);

    /// <summary>One app on one database, signed in.</summary>
    private sealed record Side(ScaleDatabase Database, AppProcess App, string Token, string ReporterToken, Guid Trajectory, Guid Programme);

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = BenchArgs.Text(args, "provider", "sqlite") == "postgres" ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;
        var connection = BenchArgs.Text(args, "connection", null);
        var sizes = new[] { BenchArgs.Number(args, "small", 1000), BenchArgs.Number(args, "large", 100_000) };
        var data = Path.GetFullPath(BenchArgs.Text(args, "data", Path.Combine(Path.GetTempPath(), "traject-scale"))!);
        var reseed = args.Contains("--reseed");
        var seconds = BenchArgs.Number(args, "seconds", 8);
        var connections = BenchArgs.Number(args, "connections", 20);
        var rounds = BenchArgs.Number(args, "rounds", 3);
        if (provider == DatabaseProvider.PostgreSQL && connection is null)
        {
            Console.Error.WriteLine("--provider postgres needs --connection \"<Npgsql connection string of a server it may create databases on>\".");
            return 2;
        }

        if (!Wrk.Installed)
        {
            Console.Error.WriteLine("scale drives the load with wrk: install it first (Debian: apt-get install wrk).");
            return 2;
        }

        Console.WriteLine($"{provider}, {Environment.ProcessorCount} cores, databases of {sizes[0]:N0} and {sizes[1]:N0} young people in {data}");
        var databases = sizes.Select(size => ScaleDatabase.For(provider, size, data, connection)).ToList();
        var fresh = new Dictionary<ScaleDatabase, bool>();
        var seedOnly = args.Contains("--seed-only");
        foreach (var database in databases)
        {
            var present = await database.YoungPeopleAsync();
            fresh[database] = reseed || present is null || present < database.Size;
            if (!fresh[database])
            {
                Console.WriteLine($"seed {database.Size,7:N0}: kept from an earlier run ({present:N0} young people)");
                continue;
            }

            await database.ResetAsync();
            var (exit, took, peak, output) = await AppProcess.RunVerbAsync(database, "seed", "--demo", "--scale",
                database.Size.ToString(CultureInfo.InvariantCulture));
            if (exit != 0)
            {
                Console.Error.WriteLine($"seed --scale {database.Size} failed ({exit}):\n{output}");
                return 1;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seed {database.Size,7:N0}: {took.TotalSeconds,7:0.0} s, {database.Size / took.TotalSeconds,6:0} young people/s, "
                + $"peak memory {peak,5:0} MB   goal <= 500 MB {(peak <= 500 ? "met" : "MISSED")}"));
        }

        if (seedOnly)
        {
            return 0;
        }

        var sides = new List<Side>();
        try
        {
            foreach (var database in databases)
            {
                var first = !database.StartedBefore;
                var clock = Stopwatch.StartNew();
                var app = await AppProcess.StartServerAsync(database);
                var ready = clock.Elapsed;
                var firstRuns = await app.FirstRunsAsync(Jobs);
                database.StartedBefore = true;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"start {database.Size,6:N0} ({(first ? "first start on the seeded data" : "a later start")}): ready in {ready.TotalSeconds:0.0} s, "
                    + $"scheduled rules' first runs done {firstRuns.TotalSeconds:0.0} s later, peak memory {app.PeakMegabytes:0} MB"));
                var (token, trajectory, programme) = await HotPathBench.SignInAsync(app.Address!);
                using var reporter = new HttpClient { BaseAddress = app.Address };
                sides.Add(new Side(database, app, token, await LoadClient.ApiLoginAsync(reporter, "rapporteur@demo.traject"), trajectory, programme));
            }

            return await MeasureAsync(sides, seconds, connections, rounds);
        }
        finally
        {
            foreach (var side in sides)
            {
                await side.App.DisposeAsync();
            }
        }
    }

    private static async Task<int> MeasureAsync(List<Side> sides, int seconds, int connections, int rounds)
    {
        var year = DateTime.UtcNow.Year - 1;
        Target[] targets =
        [
            new("un-audited single-row read GET /api/v1/care-programmes/{id}", s => $"/api/v1/care-programmes/{s.Programme}", Bearer, false),
            new("audited dossier API read GET /api/v1/trajectories/{id}", s => $"/api/v1/trajectories/{s.Trajectory}", Bearer, true),
            new("her list GET /api/v1/trajectories", _ => "/api/v1/trajectories", Bearer, true),
            new("dossier page GET /trajectories/{id} (cookie)", s => $"/trajectories/{s.Trajectory}",
                async s => "Cookie: " + await HotPathBench.CookieAsync(s.App.Address!, s.Trajectory), true),
            new("national figures GET /api/v1/statistics/national", _ => $"/api/v1/statistics/national?year={year}",
                s => Task.FromResult<string?>("Authorization: Bearer " + s.ReporterToken), false),
        ];

        Console.WriteLine($"wrk -t2 -c{connections} -d{seconds}s, {rounds} round(s); each request on both databases one right after the other");
        foreach (var target in targets)
        {
            foreach (var side in sides)
            {
                await WrkAsync(side, target, connections, 3); // so no round pays for start-up
            }
        }

        var before = await sides[^1].Database.TableScansAsync();
        var figures = targets.ToDictionary(t => t, _ => sides.ToDictionary(s => s, _ => new List<WrkFigure>()));
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var target in targets)
            {
                // Small first in odd rounds, large first in even ones, so a machine that gets busier or quieter favours neither.
                foreach (var side in round % 2 == 1 ? sides : Enumerable.Reverse(sides))
                {
                    var figure = await WrkAsync(side, target, connections, seconds);
                    figures[target][side].Add(figure);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"round {round}  {side.Database.Size,7:N0}  {target.Name,-60} {figure.PerSecond,8:0.0}/s  p50 {figure.P50,8:0.00} ms  p99 {figure.P99,8:0.00} ms  errors {figure.Errors}"));
                }
            }
        }

        var (small, large) = (sides[0], sides[^1]);
        await ReportTableScansAsync(large.Database, before);
        Console.WriteLine();
        Console.WriteLine($"large ÷ small: throughput at {small.Database.Size:N0} ÷ throughput at {large.Database.Size:N0} (median of the rounds' ratios)");
        foreach (var target in targets)
        {
            var ratio = BenchArgs.Median(Enumerable.Range(0, rounds).Select(r => figures[target][small][r].PerSecond / figures[target][large][r].PerSecond));
            Report(target.Name, ratio, target.Goal ? "<= 1.5" : "-", target.Goal ? v => v <= 1.5 : null);
        }

        Console.WriteLine($"on the large database ({large.Database.Size:N0}), ratios of one round, median of the rounds");
        double Of(int target, int r) => figures[targets[target]][large][r].PerSecond;
        Report("audited dossier API read ÷ un-audited single-row read",
            BenchArgs.Median(Enumerable.Range(0, rounds).Select(r => Of(1, r) / Of(0, r))), ">= 50 %", v => v >= 0.5, percent: true);
        Report("dossier page ÷ dossier API read",
            BenchArgs.Median(Enumerable.Range(0, rounds).Select(r => Of(3, r) / Of(1, r))), ">= 50 %", v => v >= 0.5, percent: true);
        foreach (var i in new[] { 1, 3 })
        {
            Report(targets[i].Name.Split(" GET")[0] + " p99 ÷ p50",
                BenchArgs.Median(figures[targets[i]][large].Select(f => f.P99 / f.P50)), "<= 5", v => v <= 5);
        }

        foreach (var side in sides)
        {
            var one = await OneAtATimeAsync(side, targets[4].Path(side), 10);
            Report($"national figures of {year}, one request at a time, {side.Database.Size:N0} (median ms; max {one.Max:0})", one.Median, "< 1000 ms",
                v => v < 1000);
        }

        foreach (var side in sides)
        {
            Report($"app memory, peak through start and load, {side.Database.Size:N0} (MB)", side.App.PeakMegabytes, "<= 500 MB", v => v <= 500);
        }

        return figures.Values.SelectMany(f => f.Values).SelectMany(f => f).Any(f => f.Errors > 0) ? 1 : 0;

        static Task<string?> Bearer(Side s) => Task.FromResult<string?>("Authorization: Bearer " + s.Token);
    }

    /// <summary>On PostgreSQL: the tables of the large database read whole during the rounds, most rows first.</summary>
    private static async Task ReportTableScansAsync(ScaleDatabase database, Dictionary<string, (long SeqScans, long SeqRows, long IndexScans, long Rows)> before)
    {
        var after = await database.TableScansAsync();
        var read = after.Select(t => (Table: t.Key, t.Value.Rows,
                SeqScans: t.Value.SeqScans - before.GetValueOrDefault(t.Key).SeqScans,
                SeqRows: t.Value.SeqRows - before.GetValueOrDefault(t.Key).SeqRows,
                IndexScans: t.Value.IndexScans - before.GetValueOrDefault(t.Key).IndexScans))
            .Where(t => t.SeqScans > 0).OrderByDescending(t => t.SeqRows).Take(8).ToList();
        if (after.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"tables of the {database.Size:N0} database read sequentially during the rounds (PostgreSQL statistics), most rows first:");
        foreach (var t in read)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {t.Table,-36} {t.Rows,10:N0} rows   {t.SeqScans,8:N0} sequential scans reading {t.SeqRows,14:N0} rows   {t.IndexScans,10:N0} index scans"));
        }
    }

    private static async Task<WrkFigure> WrkAsync(Side side, Target target, int connections, int seconds) =>
        await Wrk.RunAsync(new Uri(side.App.Address!, target.Path(side)), await target.Header(side), connections, seconds);

    /// <summary>Times <paramref name="count"/> requests one after the other: median and maximum in milliseconds.</summary>
    private static async Task<(double Median, double Max)> OneAtATimeAsync(Side side, string path, int count)
    {
        using var client = new HttpClient { BaseAddress = side.App.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", side.ReporterToken);
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            await LoadClient.ExpectAsync(response, HttpStatusCode.OK);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (BenchArgs.Median(times), times.Max());
    }

    private static void Report(string what, double value, string goal, Func<double, bool>? met, bool percent = false)
    {
        var shown = percent ? $"{value * 100:0.0} %" : $"{value:0.00}";
        var verdict = met is null ? "" : met(value) ? "met" : "MISSED";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-84} {shown,9}   goal {goal,-9} {verdict}"));
    }
}
