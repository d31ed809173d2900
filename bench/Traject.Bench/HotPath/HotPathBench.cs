using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Traject.Bench.AuditCost;
using Traject.Bench.Load;
using Traject.Web.Data;

namespace Traject.Bench.HotPath;

/// <summary>
/// <c>hot-path [--provider sqlite|postgres] [--connection "..."] [--seconds 10] [--connections 20] [--rounds 3]</c>:
/// the real app on Kestrel with the demo data, and <c>wrk</c> (Debian package <c>wrk</c>) as the load from its own
/// process. In each round it measures, one after the other, the five requests of the hot path and prints each round's
/// throughput and latency, then the median of the rounds and the ratios the goals name:
/// a signed-in trivial request against the anonymous one (goal ≥ 50 %), the audited dossier API read against a signed-in,
/// un-audited single-row read (≥ 50 %), the dossier page against the dossier API read (≥ 50 %), and the page's
/// p99 ÷ p50 (≤ 5). Each ratio compares figures of the same round, so it holds on a shared machine.
/// </summary>
internal static class HotPathBench
{
    public const string Verb = "hot-path";

    /// <summary>A request to load; <paramref name="Header"/> is asked for anew before each run.</summary>
    private sealed record Target(string Name, string Path, Func<Task<string?>> Header);

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = BenchArgs.Text(args, "provider", "sqlite") == "postgres" ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;
        var connection = BenchArgs.Text(args, "connection", null);
        var seconds = BenchArgs.Number(args, "seconds", 10);
        var connections = BenchArgs.Number(args, "connections", 20);
        var rounds = BenchArgs.Number(args, "rounds", 3);
        if (provider == DatabaseProvider.PostgreSQL && connection is null)
        {
            Console.Error.WriteLine("--provider postgres needs --connection \"<Npgsql connection string of a server it may create a database on>\".");
            return 2;
        }

        if (!Wrk.Installed)
        {
            Console.Error.WriteLine("hot-path drives the load with wrk: install it first (Debian: apt-get install wrk).");
            return 2;
        }

        await using var database = await BenchDatabase.CreateAsync(provider, connection);
        await using var host = await BenchHost.StartAsync(database);
        var (token, trajectory, programme) = await SignInAsync(host.Address);
        var bearer = () => Task.FromResult<string?>("Authorization: Bearer " + token);
        // wrk ignores Set-Cookie: a cookie older than the one-minute security-stamp interval would be re-validated and
        // re-issued on every request, which a browser never does. So each page run gets a cookie signed in just before.
        Target[] targets =
        [
            new("anonymous GET /health/live", "/health/live", () => Task.FromResult<string?>(null)),
            new("signed-in GET /health/live (bearer)", "/health/live", bearer),
            new("un-audited single-row read GET /api/v1/care-programmes/{id}", $"/api/v1/care-programmes/{programme}", bearer),
            new("audited dossier API read GET /api/v1/trajectories/{id}", $"/api/v1/trajectories/{trajectory}", bearer),
            new("dossier page GET /trajectories/{id} (cookie)", $"/trajectories/{trajectory}", async () => "Cookie: " + await CookieAsync(host.Address, trajectory)),
        ];

        Console.WriteLine($"{provider}, {Environment.ProcessorCount} cores, wrk -t2 -c{connections} -d{seconds}s, {rounds} round(s)");
        // One short pass first, so no round pays for start-up (compilation, pools, caches).
        foreach (var target in targets)
        {
            await WrkAsync(host.Address, target, connections, 3);
        }

        var figures = targets.ToDictionary(t => t, _ => new List<WrkFigure>());
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var target in targets)
            {
                var figure = await WrkAsync(host.Address, target, connections, seconds);
                figures[target].Add(figure);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}  {target.Name,-66} {figure.PerSecond,9:0.0}/s  p50 {figure.P50,7:0.00} ms  p99 {figure.P99,8:0.00} ms  errors {figure.Errors}"));
            }
        }

        Console.WriteLine();
        var ratios = Enumerable.Range(0, rounds).Select(r => new
        {
            SignedIn = figures[targets[1]][r].PerSecond / figures[targets[0]][r].PerSecond,
            Audited = figures[targets[3]][r].PerSecond / figures[targets[2]][r].PerSecond,
            Page = figures[targets[4]][r].PerSecond / figures[targets[3]][r].PerSecond,
            Tail = figures[targets[4]][r].P99 / figures[targets[4]][r].P50,
        }).ToList();
        Report("signed-in trivial ÷ anonymous", BenchArgs.Median(ratios.Select(r => r.SignedIn)), ">= 50 %", v => v >= 0.5, percent: true);
        Report("audited dossier API read ÷ un-audited single-row read", BenchArgs.Median(ratios.Select(r => r.Audited)), ">= 50 %", v => v >= 0.5, percent: true);
        Report("dossier page ÷ dossier API read", BenchArgs.Median(ratios.Select(r => r.Page)), ">= 50 %", v => v >= 0.5, percent: true);
        Report("dossier page p99 ÷ p50", BenchArgs.Median(ratios.Select(r => r.Tail)), "<= 5", v => v <= 5, percent: false);
        return figures.Values.SelectMany(f => f).Any(f => f.Errors > 0) ? 1 : 0;
    }

    private static void Report(string what, double value, string goal, Func<double, bool> met, bool percent)
    {
        var shown = percent ? $"{value * 100:0.0} %" : $"{value:0.0}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-58} {shown,9}   goal {goal,-7} {(met(value) ? "met" : "MISSED")}"));
    }


    /// <summary>Signs the demo coordinator in through the API (token); picks her first dossier and a programme.</summary>
    internal static async Task<(string Token, Guid Trajectory, Guid Programme)> SignInAsync(Uri address)
    {
        using var client = new HttpClient { BaseAddress = address };
        var token = await LoadClient.ApiLoginAsync(client, "regie@demo.traject");
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var list = await client.GetAsync("/api/v1/trajectories");
        var trajectory = Guid.Parse((string)JsonNode.Parse(await LoadClient.ExpectAsync(list, HttpStatusCode.OK))!["items"]![0]!["id"]!);
        using var catalogue = await client.GetAsync("/api/v1/care-programmes");
        var programmes = JsonNode.Parse(await LoadClient.ExpectAsync(catalogue, HttpStatusCode.OK))!;
        var first = programmes is JsonArray array ? array[0]! : programmes["items"]![0]!;
        return (token, trajectory, Guid.Parse((string)first["id"]!));
    }

    /// <summary>A fresh session cookie of the demo coordinator (through the login page), checked on her dossier page.</summary>
    internal static async Task<string> CookieAsync(Uri address, Guid trajectory)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        await LoadClient.PageLoginAsync(client, "regie@demo.traject");
        var cookie = cookies.GetCookies(address)["traject.auth"] ?? throw new InvalidOperationException("No session cookie.");
        using (var page = await client.GetAsync($"/trajectories/{trajectory}"))
        {
            await LoadClient.ExpectAsync(page, HttpStatusCode.OK); // wrk counts a redirect to the login page as success
        }

        return $"{cookie.Name}={cookie.Value}";
    }

    private static async Task<WrkFigure> WrkAsync(Uri address, Target target, int connections, int seconds) =>
        await Wrk.RunAsync(new Uri(address, target.Path), await target.Header(), connections, seconds);
}
