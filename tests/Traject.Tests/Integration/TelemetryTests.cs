using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Data;
using Traject.Web.Modules.Safety;

namespace Traject.Tests.Integration;

/// <summary>
/// Observability (ADR 0026): <c>/metrics</c> behind its key, the app's own instruments, and a scan of everything
/// exported during a journey (metrics, spans, log records, the OTLP bytes) for her name, date of birth and free text.
/// </summary>
public abstract class TelemetryTests(TrajectFixture f)
{
    private const string MetricsKey = "test-only-metrics-key-0123456789-abcdefghij";

    /// <summary>The fixture's app with metrics switched on; the missing-episode job runs once at start (then hourly), so a job is measured on both engines.</summary>
    private WebApplicationFactory<Program> Metered(Action<IWebHostBuilder>? more = null) => f.Factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Management:MetricsKey", MetricsKey);
        b.UseSetting("Missing:CheckEvery", "01:00:00");
        more?.Invoke(b);
    });

    private static async Task<HttpResponseMessage> GetMetricsAsync(HttpClient client, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = authorization;
        return await client.SendAsync(request);
    }

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        using var response = await GetMetricsAsync(client, new AuthenticationHeaderValue("Bearer", MetricsKey));
        var text = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return text;
    }

    /// <summary>The sum of the samples of one metric (name as Prometheus writes it) whose labels include all of <paramref name="labels"/>.</summary>
    private static double Sample(string text, string metric, params string[] labels) => text.Split('\n')
        .Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))
        .Where(l => labels.All(label => l.Contains(label, StringComparison.Ordinal)))
        .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    [SkippableFact]
    public async Task Without_a_key_there_are_no_metrics()
    {
        using var client = f.CreateClient();
        using (var anonymous = await GetMetricsAsync(client, null))
        {
            Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        }

        using var guessed = await GetMetricsAsync(client, new AuthenticationHeaderValue("Bearer", MetricsKey));
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.DoesNotContain("traject_", await guessed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer not-the-key")]
    [InlineData("Bearer " + MetricsKey + "x")]
    [InlineData("Basic " + MetricsKey)]
    public async Task A_missing_or_wrong_key_is_refused(string? authorization)
    {
        await using var host = Metered();
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.DoesNotContain("traject_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_metrics_key_is_no_login()
    {
        await using var host = Metered();
        using var client = Api.WithToken(host.CreateClient(), MetricsKey);
        using var response = await client.GetAsync("/api/v1/trajectories");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SkippableFact]
    public async Task The_key_gets_Prometheus_text_with_the_apps_own_and_the_frameworks_instruments()
    {
        await using var host = Metered();
        using var client = host.CreateClient();
        using (var live = await client.GetAsync("/health/live"))
        {
            await live.ExpectAsync(HttpStatusCode.OK);
        }

        // An audited read goes through the audit writer.
        using (var regie = Api.WithToken(host.CreateClient(), await Api.LoginAsync(host, Demo.Regie)))
        using (var list = await regie.GetAsync("/api/v1/emergency-accesses"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        }

        // The missing-episode job runs once when the app starts, in the background.
        var text = await ScrapeAsync(client);
        for (var tries = 0; tries < 100 && Sample(text, "traject_job_runs_total", "job=\"MissingEpisodeReminderJob\"") == 0; tries++)
        {
            await Task.Delay(100);
            text = await ScrapeAsync(client);
        }

        Assert.Contains("# TYPE traject_audit_queue_length gauge", text, StringComparison.Ordinal);
        Assert.True(Sample(text, "traject_audit_entries_written_total") >= 1, text);
        Assert.True(Sample(text, "traject_audit_write_duration_seconds_count", "outcome=\"success\"") >= 1, text);
        Assert.Contains("# TYPE traject_missing_episodes_open gauge", text, StringComparison.Ordinal);
        Assert.True(Sample(text, "traject_job_runs_total", "job=\"MissingEpisodeReminderJob\"", "outcome=\"success\"") >= 1, text);
        Assert.Contains("# TYPE traject_job_lag_seconds gauge", text, StringComparison.Ordinal);
        Assert.Contains("traject_job_lag_seconds{otel_scope_name=\"Traject\",job=\"MissingEpisodeReminderJob\"}", text, StringComparison.Ordinal);
        Assert.Contains("traject_job_duration_seconds_bucket{", text, StringComparison.Ordinal);
        // ASP.NET Core by route template, the runtime, and on PostgreSQL Npgsql.
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/health/live\"", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_assembly_count", text, StringComparison.Ordinal);
        if (f.Database.Provider == DatabaseProvider.PostgreSQL)
        {
            Assert.Contains("db_client_", text, StringComparison.Ordinal);
        }

        // Not part of the API: not in its contract.
        using var openApi = await client.GetAsync("/openapi/v1.json");
        Assert.DoesNotContain("/metrics", await openApi.ExpectAsync(HttpStatusCode.OK), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_failed_login_is_counted_by_reason_and_channel_and_nothing_else()
    {
        await using var host = Metered();
        using var client = host.CreateClient();
        var before = Sample(await ScrapeAsync(client), "traject_login_failures_total", "reason=\"failed\"", "channel=\"api\"");
        var email = $"counted-{Guid.NewGuid():N}@example.org";
        using (var failed = await LoginTests.PostLoginAsync(client, email, "not the password"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var text = await ScrapeAsync(client);
        Assert.True(Sample(text, "traject_login_failures_total", "reason=\"failed\"", "channel=\"api\"") >= before + 1, text);
        Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Open_missing_episodes_are_counted_in_the_database_at_most_every_30_seconds()
    {
        await using var host = Metered();
        using var client = host.CreateClient();
        using var regie = Api.WithToken(host.CreateClient(), await Api.LoginAsync(host, Demo.Regie));
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var before = Sample(await ScrapeAsync(client), "traject_missing_episodes_open");

        await ReportMissingAsync(regie, person.TrajectoryId, "Bij de bushalte");
        Assert.Equal(before, Sample(await ScrapeAsync(client), "traject_missing_episodes_open")); // the count of a moment ago
        f.Clock.Advance(MissingEpisodeMetrics.CountEvery);
        Assert.Equal(before + 1, Sample(await ScrapeAsync(client), "traject_missing_episodes_open"));
    }

    private async Task ReportMissingAsync(HttpClient coordinator, Guid trajectoryId, string lastSeenWhere, string? withWhom = null, string? clothing = null)
    {
        var regionId = await f.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Regions.OrderBy(r => r.Name).Select(r => r.Id)));
        using var response = await coordinator.PostJsonAsync($"/api/v1/trajectories/{trajectoryId}/missing-episodes", new
        {
            lastSeenAt = f.Clock.GetUtcNow().AddHours(-2), lastSeenWhere, withWhom, howSheLeft = "Niet teruggekomen", clothing,
            phoneStatus = "SwitchedOff", riskLevel = "High", homeRegionId = regionId,
        });
        await response.ExpectAsync(HttpStatusCode.Created);
    }

    [SkippableFact]
    public async Task Exported_telemetry_holds_no_name_date_of_birth_or_free_text()
    {
        // Distinctive, plainly fictitious values that nothing else in the app or the demo data holds.
        const string given = "Wendelmoet";
        const string family = "Quispelaar";
        const string seenAt = "Zilverreigerkade achter de oude bioscoop";
        const string withWhom = "Een man met een groene Vespa en een tatoeage van een kolibrie";
        const string clothing = "Okergele regenjas met vossenkraag";
        const string reason = "Acuut: zij belde vanaf het Morgenstondplein en vroeg om hulp";
        var dateOfBirth = f.Clock.Today().AddYears(-15).AddDays(-123);

        var spans = new SpanCapture();
        var logs = new LogCapture();
        await using var receiver = await OtlpReceiver.StartAsync();
        string metrics;
        var host = Metered(b =>
        {
            b.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Endpoint);
            b.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            b.UseSetting("OTEL_EXPORTER_OTLP_TIMEOUT", "60000"); // a busy test machine is no reason to drop an export
            // More than production writes (Information, the framework at Warning): every category at Debug, except the
            // framework's request line, which writes the query string and which production keeps at Warning.
            foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "System" })
            {
                b.UseSetting($"Logging:LogLevel:{category}", "Debug");
            }

            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Warning");
            b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Debug));
            b.ConfigureTestServices(s =>
            {
                s.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(spans));
                s.ConfigureOpenTelemetryLoggerProvider(l => l.AddProcessor(logs));
            });
        });
        await using (host)
        {
            using var client = host.CreateClient();
            // A failed login with an address made of her name.
            using (var failed = await LoginTests.PostLoginAsync(client, $"{given}.{family}@example.org", "niet het wachtwoord"))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            }

            using var regie = Api.WithToken(host.CreateClient(), await Api.LoginAsync(host, Demo.Regie));
            var person = await Dossiers.RegisterAsync(regie, f.Clock, p =>
            {
                p["givenName"] = given;
                p["familyName"] = family;
                p["dateOfBirth"] = dateOfBirth;
            });
            foreach (var url in new[]
                     {
                         $"/api/v1/young-people/{person.Pseudonym}", $"/api/v1/trajectories/{person.TrajectoryId}",
                         $"/api/v1/trajectories/{person.TrajectoryId}/timeline",
                         // A query string no page uses, with her name in it: it must not reach a span.
                         $"/api/v1/trajectories?search={given}+{family}&born={dateOfBirth:yyyy-MM-dd}",
                     })
            {
                using var read = await regie.GetAsync(url);
                await read.ExpectAsync(HttpStatusCode.OK);
            }

            await ReportMissingAsync(regie, person.TrajectoryId, seenAt, withWhom, clothing);
            using (var wijkteam = Api.WithToken(host.CreateClient(), await Api.LoginAsync(host, Demo.Wijkteam)))
            using (var granted = await wijkteam.PostJsonAsync($"/api/v1/young-people/{person.Pseudonym}/emergency-access", new { reason }))
            {
                await granted.ExpectAsync(HttpStatusCode.Created);
            }

            // Her dossier page in the browser, which shows her name and date of birth.
            var browser = host.CreateClient();
            using (var login = await Browser.LoginAsync(browser, Demo.Regie))
            {
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            }

            using (var page = await browser.GetAsync($"/trajectories/{person.TrajectoryId}"))
            {
                Assert.Contains(family, await page.ExpectAsync(HttpStatusCode.OK), StringComparison.Ordinal);
            }

            f.Clock.Advance(MissingEpisodeMetrics.CountEvery);
            metrics = await ScrapeAsync(client);
            Assert.True(Sample(metrics, "traject_emergency_access_requests_total", "outcome=\"granted\"") >= 1, metrics);

            // Everything to the collector now, however busy the machine (stopping the host flushes too, but within a few seconds).
            Assert.True(host.Services.GetRequiredService<TracerProvider>().ForceFlush(60_000), "the spans were not flushed");
            Assert.True(host.Services.GetRequiredService<LoggerProvider>().ForceFlush(60_000), "the log records were not flushed");
        }

        // What was exported at all:
        Assert.Contains(spans.Spans, s => s.Contains("http.route=/api/v1/young-people", StringComparison.Ordinal));
        Assert.Contains(spans.Spans, s => s.Contains("url.path=/trajectories/", StringComparison.Ordinal));
        if (f.Database.Provider == DatabaseProvider.PostgreSQL)
        {
            Assert.Contains(spans.Spans, s => s.Contains("db.query.text=", StringComparison.Ordinal));
        }

        Assert.NotEmpty(logs.Records);
        Assert.NotEmpty(receiver.Bodies("/v1/traces"));
        Assert.NotEmpty(receiver.Bodies("/v1/logs"));

        var forbidden = new List<string> { given, family, seenAt, "Zilverreigerkade", withWhom, "kolibrie", clothing, "vossenkraag", reason, "Morgenstondplein" };
        forbidden.AddRange(DateFormats(dateOfBirth));
        var exported = new Dictionary<string, string>
        {
            ["metrics"] = metrics,
            ["spans"] = string.Join('\n', spans.Spans),
            ["logs"] = string.Join('\n', logs.Records),
            ["otlp traces"] = Encoding.UTF8.GetString([.. receiver.Bodies("/v1/traces").SelectMany(b => b)]),
            ["otlp logs"] = Encoding.UTF8.GetString([.. receiver.Bodies("/v1/logs").SelectMany(b => b)]),
        };
        var found = (from e in exported
                     from term in forbidden
                     where e.Value.Contains(term, StringComparison.OrdinalIgnoreCase)
                     select $"{e.Key}: '{term}' in …{Around(e.Value, term)}…").ToList();
        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    /// <summary>The date as people and programs write it.</summary>
    private static IEnumerable<string> DateFormats(DateOnly date)
    {
        string[] formats = ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "MM/dd/yyyy", "d/M/yyyy", "M/d/yyyy", "yyyyMMdd", "ddMMyyyy", "dd.MM.yyyy", "yyyy/MM/dd"];
        foreach (var format in formats)
        {
            yield return date.ToString(format, CultureInfo.InvariantCulture);
        }

        foreach (var culture in new[] { "nl-NL", "en-GB", "en-US" })
        {
            yield return date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(culture));
            yield return date.ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo(culture));
            yield return date.ToString("d MMM yyyy", CultureInfo.GetCultureInfo(culture));
        }
    }

    private static string Around(string text, string term)
    {
        var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase);
        var start = Math.Max(0, at - 150);
        return text[start..Math.Min(text.Length, at + term.Length + 150)].ReplaceLineEndings(" ");
    }
}

/// <summary>
/// The telemetry tests run alone, after the others. A meter provider listens to every meter of a name in the process,
/// and OpenTelemetry 1.21 stops exporting an instrument of a name once any meter of that name is disposed
/// (open-telemetry/opentelemetry-dotnet#6412): here, whenever another test's host stops. One app per process, as in
/// production, never meets this.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}

[Collection(TelemetryCollection.Name)]
public sealed class TelemetrySqlite(SqliteFixture f) : TelemetryTests(f), IClassFixture<SqliteFixture>;

[Collection(TelemetryCollection.Name)]
public sealed class TelemetryPostgres(PostgresFixture f) : TelemetryTests(f), IClassFixture<PostgresFixture>;
