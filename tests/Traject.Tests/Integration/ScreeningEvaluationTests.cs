using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Modules.Screening;

namespace Traject.Tests.Integration;

/// <summary>The instrument as the API shows it, the stateless evaluation and the `screen` verb that prints the same JSON.</summary>
public abstract class ScreeningEvaluationTests(TrajectFixture f)
{
    private const string Evaluate = "/api/v1/screening/evaluate";

    private static readonly Instrument BuiltIn = BuiltInInstrument.Instance;

    // Codes picked by their tags, as other tests do.
    private static string First(Func<SignalDefinition, bool> kind) => BuiltIn.Signals.First(kind).Code;

    private static readonly string Act = First(s => s.LegalElements.SequenceEqual([LegalElement.Act]) && s.RiskProfiles.Count == 0);
    private static readonly string Purpose = First(s => s.LegalElements.SequenceEqual([LegalElement.Purpose]) && s.RiskProfiles.Count == 0);
    private static readonly string Risk = First(s => s.RiskProfiles.Count > 0 && s.LegalElements.Count == 0 && !s.Acute);
    private static readonly string Acute = First(s => s.Acute);

    private static async Task<JsonObject> EvaluateAsync(HttpClient client, object body, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Evaluate) { Content = JsonContent(body) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request);
        return JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!.AsObject();
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body, Api.Json), System.Text.Encoding.UTF8, "application/json");

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(n => (string)n!).ToList();

    [SkippableFact]
    public async Task The_current_instrument_is_the_built_in_one_with_every_signal_and_its_tags_for_everyone_logged_in()
    {
        using var politie = await f.ClientAsync(Demo.Politie);
        using var current = await politie.GetAsync("/api/v1/screening/instrument");
        var instrument = JsonNode.Parse(await current.ExpectAsync(HttpStatusCode.OK))!.AsObject();
        Assert.Equal("2026.2", (string?)instrument["version"]);
        var signals = instrument["signals"]!.AsArray();
        Assert.Equal(BuiltIn.Signals.Count, signals.Count);
        var acute = signals.Single(s => (string?)s!["code"] == Acute)!;
        Assert.True((bool)acute["acute"]!);
        Assert.Equal(BuiltIn.Find(Acute)!.LabelNl, (string?)acute["labels"]!["nl"]);
        Assert.Equal(BuiltIn.Find(Acute)!.LabelEn, (string?)acute["labels"]!["en"]);
        var both = signals.First(s => s!["riskProfiles"]!.AsArray().Count > 0 && s["legalElements"]!.AsArray().Count > 0)!;
        Assert.All(Strings(both["riskProfiles"]), p => Assert.Contains(p, Enum.GetValues<RiskProfile>().Select(InstrumentNames.Of)));
        Assert.All(Strings(both["legalElements"]), e => Assert.Contains(e, new[] { "act", "means", "purpose" }));
        Assert.Contains((string?)both["group"], InstrumentGroups.All);

        using var named = await politie.GetAsync("/api/v1/screening/instrument?version=2026.2");
        Assert.Equal(instrument.ToJsonString(), JsonNode.Parse(await named.ExpectAsync(HttpStatusCode.OK))!.ToJsonString());
        using var unknown = await politie.GetAsync("/api/v1/screening/instrument?version=1999.9");
        await unknown.ProblemAsync(HttpStatusCode.NotFound);

        using var versions = await politie.GetAsync("/api/v1/screening/instrument/versions");
        var list = JsonNode.Parse(await versions.ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(["2026.2", "2026.1"], list.Select(v => (string?)v!["version"]));
        var builtIn = list[0]!;
        Assert.True((bool)builtIn["current"]!);
        Assert.False((bool)list[1]!["current"]!);
        Assert.All(list, v => Assert.Null(v!["publishedBy"]));
        Assert.Equal(BuiltIn.Signals.Count, (int)builtIn["signals"]!);

        using var anonymous = f.CreateClient();
        using var refused = await anonymous.GetAsync("/api/v1/screening/instrument");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [SkippableFact]
    public async Task An_evaluation_answers_classification_profiles_legal_elements_and_explanation_in_the_request_language_and_stores_nothing()
    {
        using var mentor = await f.ClientAsync(Demo.Mentor);
        var auditBefore = await f.WithDbAsync(db => db.AuditEntries.CountAsync());
        Task<List<string>> UsedAsync() => f.WithDbAsync(db => db.InstrumentVersions.Where(v => v.Used).OrderBy(v => v.Version).Select(v => v.Version).ToListAsync());
        var usedBefore = await UsedAsync(); // the demo's screenings use the current version
        var body = new { dateOfBirth = "2011-05-01", observationDate = "2026-11-01", signals = new[] { Purpose, Risk, Act, Act } };

        var dutch = await EvaluateAsync(mentor, body);
        Assert.Equal("suspected", (string?)dutch["classification"]);
        Assert.Equal(BuiltIn.Find(Risk)!.RiskProfiles.Select(InstrumentNames.Of), Strings(dutch["riskProfiles"]));
        Assert.Equal([Act], Strings(dutch["legalElements"]!["act"]));
        Assert.Empty(Strings(dutch["legalElements"]!["means"]));
        Assert.Equal([Purpose], Strings(dutch["legalElements"]!["purpose"]));
        Assert.Equal("2026.2", (string?)dutch["instrumentVersion"]);
        Assert.Empty(Strings(dutch["legalElements"]!["paidSexMinor"]));
        var lines = Strings(dutch["explanation"]);
        Assert.StartsWith("Leeftijd op de datum van waarneming: 15.", lines[0], StringComparison.Ordinal);
        Assert.Contains($"Handeling (juridisch element): {BuiltIn.Find(Act)!.LabelNl}.", lines);
        Assert.Equal("Voorstel: Vermoedelijk slachtoffer. De signalen dekken elk juridisch element dat de toets vraagt.", lines[^1]);

        var english = await EvaluateAsync(mentor, body, "en");
        Assert.Equal(dutch["classification"]!.ToJsonString(), english["classification"]!.ToJsonString());
        Assert.Contains($"Act (legal element): {BuiltIn.Find(Act)!.LabelEn}.", Strings(english["explanation"]));
        Assert.Equal("Suggestion: Suspected victim. The signals match every legal element the test requires.", Strings(english["explanation"])[^1]);

        // The same signals for an adult are potential; an acute signal overrides; nothing observed is none.
        var adult = await EvaluateAsync(mentor, new { dateOfBirth = "2004-05-01", observationDate = "2026-11-01", signals = new[] { Purpose, Act }, instrumentVersion = "2026.1" });
        Assert.Equal("potential", (string?)adult["classification"]);
        Assert.Equal("acute", (string?)(await EvaluateAsync(mentor, new { dateOfBirth = "2004-05-01", observationDate = "2026-11-01", signals = new[] { Risk, Acute } }))["classification"]);
        var none = await EvaluateAsync(mentor, new { dateOfBirth = "2004-05-01", observationDate = "2026-11-01", signals = Array.Empty<string>() });
        Assert.Equal("none", (string?)none["classification"]);
        Assert.Empty(none["riskProfiles"]!.AsArray());

        Assert.Equal(auditBefore, await f.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(usedBefore, await UsedAsync());
    }

    [SkippableFact]
    public async Task Version_2026_2_lists_paid_sex_minor_and_its_signals_make_a_minor_a_suspected_victim_on_their_own()
    {
        using var mentor = await f.ClientAsync(Demo.Mentor);
        using (var current = await mentor.GetAsync("/api/v1/screening/instrument"))
        {
            var signals = JsonNode.Parse(await current.ExpectAsync(HttpStatusCode.OK))!["signals"]!.AsArray();
            var paid = signals.Where(s => Strings(s!["legalElements"]).Contains("paid-sex-minor")).ToList();
            Assert.Equal(["others-profit-from-paid-sex", "sex-for-money-goods-or-shelter", "sex-arranged-by-others", "offered-online-for-sex"],
                paid.Select(s => (string?)s!["code"]));
            Assert.All(paid, s => Assert.Equal(["purpose", "paid-sex-minor"], Strings(s!["legalElements"])));
        }

        // The version screenings made before keep: 2026.1 has no such element and stays as it was.
        using (var old = await mentor.GetAsync("/api/v1/screening/instrument?version=2026.1"))
        {
            var signals = JsonNode.Parse(await old.ExpectAsync(HttpStatusCode.OK))!["signals"]!.AsArray();
            Assert.DoesNotContain(signals, s => Strings(s!["legalElements"]).Contains("paid-sex-minor"));
            Assert.Equal(BuiltIn.Signals.Count - 1, signals.Count);
        }

        // 17 on the observation date: the signal alone is the legal test (sub 5 / sub 8); 18 that day: a purpose only.
        var minor = await EvaluateAsync(mentor, new { dateOfBirth = "2008-11-02", observationDate = "2026-11-01", signals = new[] { "sex-for-money-goods-or-shelter" } });
        Assert.Equal("suspected", (string?)minor["classification"]);
        Assert.Equal(["sex-for-money-goods-or-shelter"], Strings(minor["legalElements"]!["paidSexMinor"]));
        Assert.Equal(["sex-for-money-goods-or-shelter"], Strings(minor["legalElements"]!["purpose"]));
        Assert.Empty(Strings(minor["legalElements"]!["act"]));
        Assert.Equal("Voorstel: Vermoedelijk slachtoffer. Onder de 18 zijn betaalde seksuele handelingen met of voor een derde mensenhandel, "
            + "zonder handeling of middel (art. 273f lid 1 sub 5 / sub 8 Sr).", Strings(minor["explanation"])[^1]);
        var english = await EvaluateAsync(mentor, new { dateOfBirth = "2008-11-02", observationDate = "2026-11-01", signals = new[] { "others-profit-from-paid-sex" } }, "en");
        Assert.Equal("suspected", (string?)english["classification"]);
        Assert.Contains("sub 5 / sub 8", Strings(english["explanation"])[^1], StringComparison.Ordinal);

        var adult = await EvaluateAsync(mentor, new { dateOfBirth = "2008-11-01", observationDate = "2026-11-01", signals = new[] { "sex-for-money-goods-or-shelter" } }, "en");
        Assert.Equal("potential", (string?)adult["classification"]);
        Assert.Empty(Strings(adult["legalElements"]!["paidSexMinor"]));
        Assert.Equal(["sex-for-money-goods-or-shelter"], Strings(adult["legalElements"]!["purpose"]));
        Assert.Contains("From 18, signals of paid sexual acts count as an exploitation purpose only: art. 273f lid 1 sub 5 / sub 8 Sr concerns minors.",
            Strings(adult["explanation"]));
    }

    [SkippableFact]
    public async Task Missing_or_malformed_dates_unknown_codes_and_unknown_versions_are_400_with_the_fields()
    {
        using var client = await f.ClientAsync(Demo.Wijkteam);
        async Task<JsonObject> BadAsync(string json)
        {
            using var response = await client.PostAsync(Evaluate, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
            return await response.ProblemAsync(HttpStatusCode.BadRequest);
        }

        var missing = await BadAsync("""{"signals": []}""");
        Assert.Equal(["dateOfBirth", "observationDate"], missing.Fields().Order());

        var malformed = await BadAsync("""{"dateOfBirth": "2011-02-30", "observationDate": "2026-11-01", "signals": []}""");
        Assert.Equal(["dateOfBirth"], malformed.Fields());
        var dutchDate = await BadAsync("""{"dateOfBirth": "01-05-2011", "observationDate": "2026-11-01", "signals": []}""");
        Assert.Equal(["dateOfBirth"], dutchDate.Fields());

        var reversed = await BadAsync("""{"dateOfBirth": "2026-11-02", "observationDate": "2026-11-01", "signals": []}""");
        Assert.Equal("De geboortedatum kan niet na de datum van waarneming liggen.", (string?)reversed["errors"]!["dateOfBirth"]![0]);

        var unknown = await BadAsync($$"""{"dateOfBirth": "2011-05-01", "observationDate": "2026-11-01", "signals": ["{{Act}}", "no-such-signal", "<b>x</b>", ""]}""");
        Assert.Equal(["signals[1]", "signals[2]", "signals[3]"], unknown.Fields().Order());
        Assert.Equal("Onbekende signaalcode no-such-signal in instrumentversie 2026.2.", (string?)unknown["errors"]!["signals[1]"]![0]);
        Assert.DoesNotContain("<b>", unknown.ToJsonString(), StringComparison.Ordinal);

        var noSignals = await BadAsync("""{"dateOfBirth": "2011-05-01", "observationDate": "2026-11-01"}""");
        Assert.Equal(["signals"], noSignals.Fields());

        var version = await BadAsync($$"""{"dateOfBirth": "2011-05-01", "observationDate": "2026-11-01", "signals": ["{{Act}}"], "instrumentVersion": "1999.9"}""");
        Assert.Equal(["instrumentVersion"], version.Fields());
    }

    [SkippableFact]
    public async Task The_screen_verb_prints_the_same_JSON_as_the_API_without_a_database()
    {
        using var client = await f.ClientAsync(Demo.Regie);
        var body = new { dateOfBirth = "2008-11-01", observationDate = "2026-11-01", signals = new[] { Act, Purpose, Risk } };
        var folder = Directory.CreateTempSubdirectory("traject-screen").FullName;
        try
        {
            var file = Path.Combine(folder, "case.json");
            await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(body, Api.Json));
            foreach (var (language, culture) in new[] { ((string?)null, (string?)null), ("en", "en") })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, Evaluate) { Content = JsonContent(body) };
                if (language is not null)
                {
                    request.Headers.AcceptLanguage.ParseAdd(language);
                }

                using var response = await client.SendAsync(request);
                var api = await response.ExpectAsync(HttpStatusCode.OK);
                var (exit, output, error) = await RunScreenAsync(folder, culture is null ? ["screen", "--file", file] : ["screen", "--file", file, "--culture", culture]);
                Assert.True(exit == 0, error);
                Assert.Equal(api, output.TrimEnd('\n', '\r'));
                Assert.Contains("\"classification\":\"potential\"", api, StringComparison.Ordinal); // 18 on the day itself

            }

            await File.WriteAllTextAsync(file, """{"dateOfBirth": "2008-11-01", "observationDate": "2026-11-01", "signals": ["no-such-signal"]}""");
            var bad = await RunScreenAsync(folder, ["screen", "--file", file]);
            Assert.Equal(2, bad.Exit);
            Assert.Contains("signals[0]: Onbekende signaalcode no-such-signal", bad.Error, StringComparison.Ordinal);
            Assert.Equal(string.Empty, bad.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Runs the application's own executable with a database that cannot be reached: without an instrument version the
    /// verb must not need one.
    /// </summary>
    private static async Task<(int Exit, string Output, string Error)> RunScreenAsync(string folder, string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Traject.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Database__Provider"] = "PostgreSQL";
        start.Environment["Database__ConnectionString"] = "Host=127.0.0.1;Port=9;Username=nobody;Database=none;Timeout=2";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}

public sealed class ScreeningEvaluationSqlite(SqliteFixture f) : ScreeningEvaluationTests(f), IClassFixture<SqliteFixture>;

public sealed class ScreeningEvaluationPostgres(PostgresFixture f) : ScreeningEvaluationTests(f), IClassFixture<PostgresFixture>;
