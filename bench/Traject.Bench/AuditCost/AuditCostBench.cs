using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Common.Auditing;

namespace Traject.Bench.AuditCost;

/// <summary>
/// The <c>audit-cost</c> verb: what writing the audit entry adds to opening a dossier, with many professionals at once.
/// Runs the real app on Kestrel on the demo data, signs in the simulated professionals, and lets them all open their
/// dossiers concurrently, in rounds that alternate between auditing as in production and the audit write switched off
/// (a switch only the bench's own host has). Reports server time per request (timed inside the server), client
/// latency, throughput and CPU per open, and checks afterwards that the audit chain is intact and that every audited
/// open left its entries.
/// </summary>
internal static class AuditCostBench
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        AuditCostOptions options;
        try
        {
            options = AuditCostOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + AuditCostOptions.Usage);
            return 2;
        }

        var loadBefore = MachineLoad.Now();
        await using var database = await BenchDatabase.CreateAsync(options.Provider, options.Connection);
        await using var host = await BenchHost.StartAsync(database);
        var users = await host.AddUsersAsync(options.Users, options.DossiersPerUser, options.Target);
        try
        {
            var cpu = new DatabaseCpu(database);
            Console.WriteLine(Invariant($"audit-cost: {options.Provider}, target {options.Target}, {options.Users} users x {options.DossiersPerUser} dossiers, {options.Opens} opens per user per round, {options.Rounds} rounds, warm-up {options.Warmup}"));
            Console.WriteLine(Invariant($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, load before {loadBefore}"));

            foreach (var audited in new[] { true, false })
            {
                await RoundAsync(host, cpu, users, options, 0, audited, options.Warmup);
            }

            var rounds = new List<RoundResult>();
            Console.WriteLine();
            Console.WriteLine("round  audit   opens  err   server mean  p50    p95  | client p50   p95  | opens/s | CPU ms/open app  db | entries/open | load");
            for (var r = 1; r <= options.Rounds; r++)
            {
                // on, off, off, on, on, off, …: each mode comes first as often as the other.
                var audited = (r - 1) % 4 is 0 or 3;
                var result = await RoundAsync(host, cpu, users, options, r, audited, options.Opens);
                rounds.Add(result);
                PrintRound(result);
            }

            Console.WriteLine();
            var on = Summarise(rounds.Where(x => x.Audited).ToList());
            var off = Summarise(rounds.Where(x => !x.Audited).ToList());
            Console.WriteLine("mode        opens  err   server mean  p50    p95  | client p50   p95  | opens/s | CPU ms/open app  db");
            PrintSummary("audit on ", on);
            PrintSummary("audit off", off);
            Console.WriteLine();
            var extraMean = on.ServerMean / off.ServerMean - 1;
            var extraMedianOfRounds = on.MedianOfRoundMeans / off.MedianOfRoundMeans - 1;
            Console.WriteLine(Invariant($"extra server time with audit: {extraMean:+0.0%;-0.0%} (pooled mean), {extraMedianOfRounds:+0.0%;-0.0%} (median of round means), {on.ServerP50 / off.ServerP50 - 1:+0.0%;-0.0%} (p50)"));
            Console.WriteLine(Invariant($"throughput with audit: {on.Throughput / off.Throughput - 1:+0.0%;-0.0%}; client p95 {on.ClientP95:0.0} ms vs {off.ClientP95:0.0} ms"));

            var check = await host.WithDbAsync(db => AuditChain.VerifyAsync(db));
            var perOpen = on.Entries / (double)on.Opens;
            Console.WriteLine(Invariant($"audit chain: {(check.Intact ? "intact" : "BROKEN: " + check.Problem)}, {check.Checked} entries; audited rounds wrote {on.Entries} entries for {on.Opens} opens ({perOpen:0.##} per open), switched-off rounds {off.Entries}"));
            Console.WriteLine(Invariant($"load after: {MachineLoad.Now()}"));
            var complete = on.Errors == 0 && off.Errors == 0 && check.Intact && off.Entries == 0 && on.Entries % on.Opens == 0 && on.Entries > 0;
            return complete ? 0 : 1;
        }
        finally
        {
            foreach (var user in users)
            {
                user.Dispose();
            }
        }
    }

    private static async Task<RoundResult> RoundAsync(BenchHost host, DatabaseCpu cpu, IReadOnlyList<BenchUser> users,
        AuditCostOptions options, int round, bool audited, int opensPerUser)
    {
        host.Audit.Off = !audited;
        var entriesBefore = await HeadAsync(host);
        var dbBefore = await cpu.SnapshotAsync();
        var process = Process.GetCurrentProcess();
        var appBefore = process.TotalProcessorTime;
        var client = new List<double>[users.Count];
        var errors = new int[users.Count];
        host.Timing.Start();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(users.Select((user, u) => Task.Run(async () =>
        {
            var latencies = client[u] = new List<double>(opensPerUser);
            for (var i = 0; i < opensPerUser; i++)
            {
                var id = user.Dossiers[(i + u) % user.Dossiers.Count];
                var url = options.Target == OpenTarget.Api ? $"/api/v1/trajectories/{id}" : $"/trajectories/{id}";
                var start = Stopwatch.GetTimestamp();
                using var response = await user.Client.GetAsync(url);
                _ = await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    errors[u]++;
                }
            }
        })));
        wall.Stop();
        var server = host.Timing.Stop();
        process.Refresh();
        var appCpu = (process.TotalProcessorTime - appBefore).TotalMilliseconds;
        var dbCpu = DatabaseCpu.Difference(dbBefore, await cpu.SnapshotAsync());
        var entries = await HeadAsync(host) - entriesBefore;
        host.Audit.Off = false;
        return new RoundResult(round, audited, users.Count * opensPerUser, errors.Sum(), wall.Elapsed.TotalSeconds, server,
            client.SelectMany(c => c).ToList(), appCpu, dbCpu, entries);
    }

    private static Task<long> HeadAsync(BenchHost host) =>
        host.WithDbAsync(db => db.AuditChainHeads.AsNoTracking().Select(h => h.Sequence).SingleAsync());

    private sealed record Summary(int Opens, int Errors, double ServerMean, double ServerP50, double ServerP95, double ClientP50,
        double ClientP95, double Throughput, double AppCpuPerOpen, double? DbCpuPerOpen, double MedianOfRoundMeans, long Entries);

    private static Summary Summarise(List<RoundResult> rounds)
    {
        var server = rounds.SelectMany(r => r.ServerMs).ToList();
        var client = rounds.SelectMany(r => r.ClientMs).ToList();
        var opens = rounds.Sum(r => r.Opens);
        var db = rounds.All(r => r.DbCpuMs is not null) ? rounds.Sum(r => r.DbCpuMs!.Value) / opens : (double?)null;
        return new Summary(opens, rounds.Sum(r => r.Errors), Stats.Mean(server), Stats.Percentile(server, 50), Stats.Percentile(server, 95),
            Stats.Percentile(client, 50), Stats.Percentile(client, 95), opens / rounds.Sum(r => r.WallSeconds),
            rounds.Sum(r => r.AppCpuMs) / opens, db, Stats.Median(rounds.Select(r => Stats.Mean(r.ServerMs))), rounds.Sum(r => r.AuditEntries));
    }

    private static void PrintRound(RoundResult r) => Console.WriteLine(Invariant(
        $"{r.Round,5}  {(r.Audited ? "on " : "off"),-5} {r.Opens,6} {r.Errors,4}   {Stats.Mean(r.ServerMs),8:0.00} {Stats.Percentile(r.ServerMs, 50),6:0.00} {Stats.Percentile(r.ServerMs, 95),6:0.0} | {Stats.Percentile(r.ClientMs, 50),8:0.00} {Stats.Percentile(r.ClientMs, 95),6:0.0} | {r.Opens / r.WallSeconds,7:0} | {r.AppCpuMs / r.Opens,11:0.00} {Db(r.DbCpuMs, r.Opens),5} | {r.AuditEntries / (double)r.Opens,12:0.##} | {MachineLoad.Now()}"));

    private static void PrintSummary(string mode, Summary s) => Console.WriteLine(Invariant(
        $"{mode}  {s.Opens,6} {s.Errors,4}   {s.ServerMean,8:0.00} {s.ServerP50,6:0.00} {s.ServerP95,6:0.0} | {s.ClientP50,8:0.00} {s.ClientP95,6:0.0} | {s.Throughput,7:0} | {s.AppCpuPerOpen,11:0.00} {(s.DbCpuPerOpen is { } d ? d.ToString("0.00", CultureInfo.InvariantCulture) : "-"),5}"));

    private static string Db(double? ms, int opens) => ms is { } v ? (v / opens).ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
