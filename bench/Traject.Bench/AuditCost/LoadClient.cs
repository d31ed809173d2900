using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Traject.Web.Data.Seeding;

namespace Traject.Bench.AuditCost;

/// <summary>
/// The load generator of <c>audit-cost</c>, in its own process so that the app's process measures only the server's
/// CPU. Signs each professional in (bearer token for the API, cookie for the dossier page) and prints <c>ready</c>.
/// Then reads commands on standard input: <c>renew</c> signs in again when the bearer tokens are getting old (prints
/// <c>ok</c>); <c>run N</c> lets all of them open their dossiers N times each, concurrently, and prints the round's
/// <see cref="LoadResult"/> as one line of JSON; <c>exit</c> ends it.
/// </summary>
internal static partial class LoadClient
{
    public const string Verb = "audit-cost-load";

    /// <summary>Bearer tokens live 20 minutes; sign in again well before.</summary>
    private static readonly TimeSpan TokenAge = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(string planPath)
    {
        var plan = JsonSerializer.Deserialize<LoadPlan>(await File.ReadAllTextAsync(planPath), LoadJson.Options)
            ?? throw new InvalidOperationException("No load plan.");
        var clients = plan.Users.Select(u => NewClient(plan, u)).ToList();
        try
        {
            var signedIn = await SignInAsync(plan, clients);
            Console.WriteLine("ready");
            while (await Console.In.ReadLineAsync() is { } command && command != "exit")
            {
                if (command == "renew")
                {
                    if (plan.Target == OpenTarget.Api && DateTimeOffset.UtcNow - signedIn > TokenAge)
                    {
                        signedIn = await SignInAsync(plan, clients);
                    }

                    Console.WriteLine("ok");
                    continue;
                }

                var opens = int.Parse(command["run ".Length..], System.Globalization.CultureInfo.InvariantCulture);
                Console.WriteLine(JsonSerializer.Serialize(await RoundAsync(plan, clients, opens), LoadJson.Options));
            }

            return 0;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static async Task<LoadResult> RoundAsync(LoadPlan plan, List<HttpClient> clients, int opensPerUser)
    {
        var latencies = new List<double>[clients.Count];
        var errors = new int[clients.Count];
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(plan.Users.Select((user, u) => Task.Run(async () =>
        {
            var mine = latencies[u] = new List<double>(opensPerUser);
            for (var i = 0; i < opensPerUser; i++)
            {
                var id = user.Dossiers[(i + u) % user.Dossiers.Count];
                var url = plan.Target == OpenTarget.Api ? $"/api/v1/trajectories/{id}" : $"/trajectories/{id}";
                var start = Stopwatch.GetTimestamp();
                using var response = await clients[u].GetAsync(url);
                _ = await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    errors[u]++;
                }
            }
        })));
        wall.Stop();
        process.Refresh();
        return new LoadResult(wall.Elapsed.TotalSeconds, errors.Sum(), (process.TotalProcessorTime - cpuBefore).TotalMilliseconds,
            latencies.SelectMany(l => l).ToList());
    }

    private static async Task<DateTimeOffset> SignInAsync(LoadPlan plan, List<HttpClient> clients)
    {
        var at = DateTimeOffset.UtcNow;
        for (var i = 0; i < clients.Count; i++)
        {
            if (plan.Target == OpenTarget.Api)
            {
                clients[i].DefaultRequestHeaders.Authorization = new("Bearer", await ApiLoginAsync(clients[i], plan.Users[i].Email));
            }
            else
            {
                await PageLoginAsync(clients[i], plan.Users[i].Email);
            }
        }

        return at;
    }

    public static HttpClient NewClient(LoadPlan plan, PlannedUser user)
    {
        var handler = new SocketsHttpHandler { UseCookies = plan.Target == OpenTarget.Page, AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = plan.BaseAddress };
        client.DefaultRequestHeaders.Add(ServerTiming.ClientHeader, user.Address);
        return client;
    }

    public static async Task<string> ApiLoginAsync(HttpClient client, string email)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = DemoSeeder.DemoPassword });
        var body = await ExpectAsync(response, HttpStatusCode.OK);
        return (string?)JsonNode.Parse(body)!["accessToken"] ?? throw new InvalidOperationException("No access token.");
    }

    /// <summary>Signs in through the login page, as a browser does; the client's cookie container keeps the session cookie.</summary>
    public static async Task PageLoginAsync(HttpClient client, string email)
    {
        using var page = await client.GetAsync("/Account/Login");
        var form = await ExpectAsync(page, HttpStatusCode.OK);
        var token = AntiforgeryField().Match(form) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token.");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoSeeder.DemoPassword,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        });
        using var response = await client.PostAsync("/Account/Login", content);
        await ExpectAsync(response, HttpStatusCode.Redirect);
    }

    public static async Task<string> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == status
            ? body
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
