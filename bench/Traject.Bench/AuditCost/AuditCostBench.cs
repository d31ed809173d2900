using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Common.Auditing;

namespace Traject.Bench.AuditCost;

/// <summary>
/// The <c>audit-cost</c> verb: what writing the audit entry adds to opening a dossier, with many professionals at once.
/// Runs the real app on Kestrel in this process on the demo data, and a separate load process in which the simulated
/// professionals sign in and open their dossiers concurrently, in rounds that alternate between auditing as in
/// production and the audit write switched off (a switch only the bench's own host has). Reports server time per
/// request (timed inside the server), client latency, throughput and CPU per open (app, database, load process), and
/// checks afterwards that the audit chain is intact and that every audited open left its entries.
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
        var users = await host.AddUsersAsync(options.Users, options.DossiersPerUser);
        await using var load = await LoadProcess.StartAsync(new LoadPlan(host.Address, options.Target, users));
        var cpu = new DatabaseCpu(database);
        Console.Write(Invariant($"audit-cost: {options.Provider}, target {options.Target}, {options.Users} users x {options.DossiersPerUser} dossiers, "));
        Console.WriteLine(Invariant($"{options.Opens} opens per user per round, {options.Rounds} rounds, warm-up {options.Warmup}"));
        Console.Write(Invariant($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}, "));
        Console.WriteLine(Invariant($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, load before {loadBefore}"));

        await WarmUpAsync(host, load, cpu, options.Warmup);

        var rounds = new List<RoundResult>();
        Console.WriteLine();
        Console.WriteLine("round  audit   opens  err | server mean    p50    p95 | client p50    p95 | opens/s | CPU ms/open app    db  load | entries/open | machine load");
        for (var r = 1; r <= options.Rounds; r++)
        {
            // on, off, off, on, on, off, …: each mode comes first as often as the other.
            var audited = (r - 1) % 4 is 0 or 3;
            var result = await RoundAsync(host, load, cpu, r, audited, options.Opens);
            rounds.Add(result);
            Console.WriteLine(Invariant($"{r,5}  {(audited ? "on " : "off"),-5} {Row(Summary.Of([result]))} | {result.AuditEntries / (double)result.Opens,12:0.##} | {MachineLoad.Now()}"));
        }

        var on = Summary.Of(rounds.Where(x => x.Audited).ToList());
        var off = Summary.Of(rounds.Where(x => !x.Audited).ToList());
        Console.WriteLine();
        Console.WriteLine("mode          opens  err | server mean    p50    p95 | client p50    p95 | opens/s | CPU ms/open app    db  load");
        Console.WriteLine($"audit on   {Row(on)}");
        Console.WriteLine($"audit off  {Row(off)}");
        Console.WriteLine();
        Console.Write(Invariant($"extra server time with audit: {Change(on.ServerMean, off.ServerMean)} (pooled mean), "));
        Console.WriteLine(Invariant($"{Change(on.MedianOfRoundMeans, off.MedianOfRoundMeans)} (median of round means), {Change(on.ServerP50, off.ServerP50)} (p50)"));
        Console.Write(Invariant($"with audit: throughput {Change(on.Throughput, off.Throughput)}, client p50 {Change(on.ClientP50, off.ClientP50)}, "));
        Console.Write(Invariant($"client p95 {Change(on.ClientP95, off.ClientP95)}, app CPU per open {Change(on.AppCpu, off.AppCpu)}"));
        Console.WriteLine(on.DbCpu is { } dbOn && off.DbCpu is { } dbOff ? ", database CPU per open " + Change(dbOn, dbOff) : "");

        var check = await host.WithDbAsync(db => AuditChain.VerifyAsync(db));
        Console.Write(Invariant($"audit chain: {(check.Intact ? "intact" : "BROKEN: " + check.Problem)}, {check.Checked} entries; "));
        Console.WriteLine(Invariant($"audited rounds wrote {on.Entries} entries for {on.Opens} opens ({on.Entries / (double)on.Opens:0.##} per open), switched-off rounds {off.Entries}"));
        Console.WriteLine(Invariant($"load after: {MachineLoad.Now()}"));
        var complete = on.Errors == 0 && off.Errors == 0 && check.Intact && off.Entries == 0 && on.Entries > 0 && on.Entries % on.Opens == 0;
        return complete ? 0 : 1;
    }

    /// <summary>
    /// Opens in both modes until the runtime has stopped compiling: the tiered JIT keeps recompiling the hot paths for
    /// a while after the first requests, and a measured round that still pays for that (always the first, an audited
    /// one) would charge start-up to whichever mode it measures.
    /// </summary>
    private static async Task WarmUpAsync(BenchHost host, LoadProcess load, DatabaseCpu cpu, int opensPerUser)
    {
        const int QuietMethods = 200; // compiled during one on/off pair once the paths are hot (a few tens per round)
        for (var pair = 1; pair <= 10; pair++)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            foreach (var audited in new[] { true, false })
            {
                await RoundAsync(host, load, cpu, 0, audited, opensPerUser);
            }

            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
            Console.WriteLine(Invariant($"warm-up {pair}: {compiled} methods compiled"));
            if (compiled < QuietMethods)
            {
                return;
            }
        }
    }

    private static async Task<RoundResult> RoundAsync(BenchHost host, LoadProcess load, DatabaseCpu cpu, int round, bool audited, int opensPerUser)
    {
        await load.PrepareAsync();
        host.Audit.Off = !audited;
        var entriesBefore = await HeadAsync(host);
        var dbBefore = await cpu.SnapshotAsync();
        var process = Process.GetCurrentProcess();
        var appBefore = process.TotalProcessorTime;
        host.Timing.Start();
        var result = await load.RunAsync(opensPerUser);
        var server = host.Timing.Stop();
        process.Refresh();
        var appCpu = (process.TotalProcessorTime - appBefore).TotalMilliseconds;
        var dbCpu = DatabaseCpu.Difference(dbBefore, await cpu.SnapshotAsync());
        var entries = await HeadAsync(host) - entriesBefore;
        host.Audit.Off = false;
        return new RoundResult(round, audited, result.LatenciesMs.Count, result, server, appCpu, dbCpu, entries);
    }

    private static Task<long> HeadAsync(BenchHost host) =>
        host.WithDbAsync(db => db.AuditChainHeads.AsNoTracking().Select(h => h.Sequence).SingleAsync());

    private static string Row(Summary s) => Invariant(
        $"{s.Opens,6} {s.Errors,4} | {s.ServerMean,11:0.00} {s.ServerP50,6:0.00} {s.ServerP95,6:0.0} | {s.ClientP50,10:0.00} {s.ClientP95,6:0.0} | {s.Throughput,7:0} | ")
        + Invariant($"{s.AppCpu,11:0.00} {(s.DbCpu is { } d ? d.ToString("0.00", CultureInfo.InvariantCulture) : "-"),5} {s.LoadCpu,5:0.00}");

    private static string Change(double on, double off) => Invariant($"{on / off - 1:+0.0%;-0.0%}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Rounds of one mode taken together.</summary>
    private sealed record Summary(int Opens, int Errors, double ServerMean, double ServerP50, double ServerP95, double ClientP50,
        double ClientP95, double Throughput, double AppCpu, double? DbCpu, double LoadCpu, double MedianOfRoundMeans, long Entries)
    {
        public static Summary Of(IReadOnlyList<RoundResult> rounds)
        {
            var server = rounds.SelectMany(r => r.ServerMs).ToList();
            var client = rounds.SelectMany(r => r.Load.LatenciesMs).ToList();
            var opens = rounds.Sum(r => r.Opens);
            var db = rounds.All(r => r.DbCpuMs is not null) ? rounds.Sum(r => r.DbCpuMs!.Value) / opens : (double?)null;
            return new Summary(opens, rounds.Sum(r => r.Load.Errors), Stats.Mean(server), Stats.Percentile(server, 50), Stats.Percentile(server, 95),
                Stats.Percentile(client, 50), Stats.Percentile(client, 95), opens / rounds.Sum(r => r.Load.WallSeconds),
                rounds.Sum(r => r.AppCpuMs) / opens, db, rounds.Sum(r => r.Load.CpuMs) / opens,
                Stats.Median(rounds.Select(r => Stats.Mean(r.ServerMs))), rounds.Sum(r => r.AuditEntries));
        }
    }
}
