using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Traject.Bench.AuditCost;
using Traject.Web.Data;

namespace Traject.Bench.WalSize;

/// <summary>
/// <c>wal-size [--reads 2000] [--connections 1] [--dossiers 10] [--settle 10]</c>: the real app on SQLite with the demo
/// data; one coordinator opens her dossiers through <c>GET /api/v1/trajectories/{id}</c> (each open an audited read)
/// from the given number of parallel connections, and the bench prints the size of the database and of its
/// write-ahead log before, right after the reads and after a quiet pause.
/// </summary>
internal static class WalSizeBench
{
    public const string Verb = "wal-size";

    public static async Task<int> RunAsync(string[] args)
    {
        var reads = Option(args, "reads", 2000);
        var connections = Option(args, "connections", 1);
        var dossiers = Option(args, "dossiers", 10);
        var settle = Option(args, "settle", 10);
        await using var database = await BenchDatabase.CreateAsync(DatabaseProvider.Sqlite, null);
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        await using var host = await BenchHost.StartAsync(database);
        var user = (await host.AddUsersAsync(1, dossiers)).Single();
        var plan = new LoadPlan(host.Address, OpenTarget.Api, [user]);

        Print("before", file);
        var clients = Enumerable.Range(0, connections).Select(_ => LoadClient.NewClient(plan, user)).ToList();
        var token = await LoadClient.ApiLoginAsync(clients[0], user.Email);
        foreach (var client in clients)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        var next = -1;
        var watch = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakAsync(file + "-wal", sampling.Token);
        await Task.WhenAll(clients.Select(async client =>
        {
            for (var i = Interlocked.Increment(ref next); i < reads; i = Interlocked.Increment(ref next))
            {
                using var response = await client.GetAsync($"/api/v1/trajectories/{user.Dossiers[i % user.Dossiers.Count]}");
                await LoadClient.ExpectAsync(response, HttpStatusCode.OK);
            }
        }));
        await sampling.CancelAsync();
        Console.WriteLine($"{reads} audited reads on {connections} connection(s) in {watch.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"largest write-ahead log seen during the reads (sampled every 100 ms): {await peak / 1024d / 1024d:0.00} MB");
        Print($"after {reads} reads", file);
        await Task.Delay(TimeSpan.FromSeconds(settle));
        Print($"after {settle} s more", file);
        var entries = await host.WithDbAsync(db => Task.FromResult(db.AuditEntries.LongCount()));
        Console.WriteLine($"audit entries in the database: {entries}");
        foreach (var client in clients)
        {
            client.Dispose();
        }

        return 0;
    }

    private static async Task<long> SamplePeakAsync(string wal, CancellationToken ct)
    {
        long peak = 0;
        while (!ct.IsCancellationRequested)
        {
            peak = Math.Max(peak, File.Exists(wal) ? new FileInfo(wal).Length : 0);
            try
            {
                await Task.Delay(100, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return peak;
    }

    private static void Print(string moment, string file) =>
        Console.WriteLine($"{moment,-24} database {Megabytes(file),8} MB   write-ahead log {Megabytes(file + "-wal"),8} MB");

    private static string Megabytes(string path) =>
        (File.Exists(path) ? new FileInfo(path).Length / 1024d / 1024d : 0).ToString("0.00", CultureInfo.InvariantCulture);

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, "--" + name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
