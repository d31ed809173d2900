using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;

namespace Traject.Tests.Integration;

/// <summary>
/// A corpus of hostile and broken input against every /api/v1 endpoint, read from the app's routing table so new
/// endpoints are covered without editing this file. Whatever comes in: never a 5xx, every 4xx is problem+json with a
/// status and shape the OpenAPI document declares for the endpoint, and markup sent in is never echoed unescaped.
/// </summary>
public abstract class MalformedInputTests(TrajectFixture f)
{
    private const string Markup = "<script>alert(1)</script>";
    private int _address;
    private Contract.OpenApiContract? _contract;

    private sealed record Target(ApiEndpoint Endpoint, HttpClient Client, Func<string, string> RouteValue);

    private sealed class Findings
    {
        private readonly List<string> _failures = [];

        public int Sent { get; set; }

        public void Add(string failure) => _failures.Add(failure);

        public void AssertNone()
        {
            Assert.True(Sent > 0, "nothing was sent");
            Assert.True(_failures.Count == 0, $"{_failures.Count} of {Sent} requests misbehaved:\n" + string.Join("\n", _failures.Take(40)));
        }
    }

    /// <summary>Every endpoint with a caller allowed to use it and real ids for its route, so input reaches the handlers.</summary>
    private async Task<List<Target>> TargetsAsync()
    {
        var regie = await f.ClientAsync(Demo.Regie);
        var admin = await f.ClientAsync(Demo.Admin);
        var anonymous = f.CreateClient();
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var membership = (await Dossiers.DetailAsync(regie, person.TrajectoryId)).CareTeam.Single().Id;
        var regionId = await f.WithDbAsync(db => db.Regions.Select(r => r.Id).FirstAsync());
        var values = new Dictionary<string, Func<ApiEndpoint, string>>(StringComparer.Ordinal)
        {
            ["key"] = _ => person.Pseudonym,
            ["membershipId"] = _ => membership.ToString(),
            ["id"] = e => e.Pattern switch
            {
                var p when p.StartsWith("/api/v1/trajectories", StringComparison.Ordinal) => person.TrajectoryId.ToString(),
                var p when p.StartsWith("/api/v1/young-people", StringComparison.Ordinal) => person.YoungPersonId.ToString(),
                var p when p.StartsWith("/api/v1/regions", StringComparison.Ordinal) => regionId.ToString(),
                var p when p.StartsWith("/api/v1/organisations", StringComparison.Ordinal) => f.Ids.Organisation(Demo.North).ToString(),
                var p when p.StartsWith("/api/v1/professionals", StringComparison.Ordinal) => f.Ids.User(Demo.Mentor).ToString(),
                _ => Guid.CreateVersion7().ToString(),
            },
        };
        var adminRoutes = new[] { "/api/v1/regions", "/api/v1/organisations", "/api/v1/professionals", "/api/v1/screening/instrument/versions" };
        return ApiEndpoints.All(f.Factory.Services).Select(e => new Target(
            e,
            e.AllowsAnonymous ? anonymous : adminRoutes.Any(r => e.Pattern.StartsWith(r, StringComparison.Ordinal)) ? admin : regie,
            name => values.TryGetValue(name, out var value) ? value(e) : Guid.CreateVersion7().ToString())).ToList();
    }

    private async Task SendAsync(Findings findings, Target target, string url, HttpContent? content, string label, HttpStatusCode? expected = null)
    {
        using var request = ApiEndpoints.Request(target.Endpoint, url, content);
        // Each request from its own address, so the login rate limit does not hide what the handler would do.
        var n = Interlocked.Increment(ref _address);
        request.Headers.Add(TrajectFactory.ClientAddressHeader, $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");
        using var response = await target.Client.SendAsync(request);
        findings.Sent++;
        var body = await response.Content.ReadAsStringAsync();
        var where = $"{target.Endpoint} [{label}] -> {(int)response.StatusCode}";
        // Every refusal is one the OpenAPI document declares for the endpoint, in the declared shape. A route value such
        // as ".." can take the request to no endpoint at all: the catch-all's 404 belongs to no operation.
        _contract ??= await Contract.OpenApiContract.LoadAsync(f.CreateClient());
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        if (_contract.Find(request.Method.Method, path) is not null || response.StatusCode != HttpStatusCode.NotFound)
        {
            foreach (var problem in _contract.Check(request.Method.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body))
            {
                findings.Add($"{where}: {problem}");
            }
        }

        if ((int)response.StatusCode >= 500)
        {
            findings.Add($"{where}: server error {Shorten(body)}");
        }

        if ((int)response.StatusCode is >= 400 and < 500 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            findings.Add($"{where}: 4xx as '{response.Content.Headers.ContentType?.MediaType}', not problem+json: {Shorten(body)}");
        }

        if (body.Contains(Markup, StringComparison.OrdinalIgnoreCase) || body.Contains("<script", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add($"{where}: markup echoed unescaped: {Shorten(body)}");
        }

        if (expected is not null && response.StatusCode != expected)
        {
            findings.Add($"{where}: expected {(int)expected}");
        }
    }

    private static string Shorten(string s) => s.Length > 300 ? s[..300] + "…" : s;

    private static StringContent Json(string json, string mediaType = "application/json")
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    /// <summary>The JSON properties of the endpoint's body type with a plausible value each.</summary>
    private static Dictionary<string, (Type Type, JsonNode? Value)> Fields(Type bodyType, TimeProvider clock) =>
        bodyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).ToDictionary(
            p => JsonNamingPolicy.CamelCase.ConvertName(p.Name),
            p =>
            {
                var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
                JsonNode? value = type switch
                {
                    _ when type == typeof(string) => "Corpus",
                    _ when type == typeof(Guid) => Guid.CreateVersion7().ToString(),
                    _ when type == typeof(DateOnly) => clock.Today().ToString("yyyy-MM-dd", null),
                    _ when type == typeof(bool) => true,
                    _ when type == typeof(long) || type == typeof(int) => 1,
                    _ when type.IsEnum => Enum.GetNames(type)[0],
                    _ when type == typeof(string[]) => new JsonArray("Corpus"),
                    _ => null,
                };
                return (type, value);
            },
            StringComparer.Ordinal);

    private static string BodyWith(Dictionary<string, (Type Type, JsonNode? Value)> fields, string? field = null, JsonNode? value = null)
    {
        var body = new JsonObject();
        foreach (var (name, (_, v)) in fields)
        {
            body[name] = name == field ? value?.DeepClone() : v?.DeepClone();
        }

        return body.ToJsonString();
    }

    [SkippableFact]
    public async Task Malformed_JSON_is_a_400_problem()
    {
        var findings = new Findings();
        var corpus = new[]
        {
            "{", "}", "{\"a\":", "[1,2", "nul", "{\"givenName\": \"x\",}", "{'givenName': 'x'}", "{\"givenName\": \"x\" \"familyName\": 1}",
            "\"just a string\"", "123", "[]", "null", "{}{}", "\u0000", "{\"a\": \"\\uZZZZ\"}", "{\"a\": NaN}",
            new string('[', 200) + new string(']', 200), string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100),
            "\uFEFF{", "{\"version\": 1e400}", "{\"version\": 99999999999999999999999}", "{\"" + Markup + "\": 1,",
        };
        foreach (var target in (await TargetsAsync()).Where(t => t.Endpoint.BodyType is not null))
        {
            var url = target.Endpoint.Url(target.RouteValue);
            foreach (var json in corpus)
            {
                await SendAsync(findings, target, url, Json(json), "malformed " + Shorten(json)[..Math.Min(20, json.Length)]);
            }
        }

        findings.AssertNone();
    }

    [SkippableFact]
    public async Task Wrong_JSON_types_and_unknown_enum_values_are_4xx_problems()
    {
        var findings = new Findings();
        foreach (var target in (await TargetsAsync()).Where(t => t.Endpoint.BodyType is not null))
        {
            var url = target.Endpoint.Url(target.RouteValue);
            var fields = Fields(target.Endpoint.BodyType!, f.Clock);
            foreach (var (name, (type, _)) in fields)
            {
                var wrong = new List<JsonNode?> { new JsonObject(), new JsonArray(1, 2), 12.5, -1, long.MaxValue, false };
                if (type != typeof(string))
                {
                    wrong.AddRange(["not-a-value", Markup, ""]);
                }

                if (type.IsEnum)
                {
                    wrong.AddRange(["NotAnEnumValue", Enum.GetNames(type)[0].ToLowerInvariant() + "x", "1", 1, 999]);
                }

                if (type == typeof(DateOnly))
                {
                    wrong.AddRange(["2026-02-30", "31-12-2020", "0000-00-00", "9999-12-31T23:59:59Z"]);
                }

                if (type == typeof(Guid))
                {
                    wrong.AddRange(["00000000-0000-0000-0000-000000000000", "{" + Guid.NewGuid() + "}", "123"]);
                }

                foreach (var value in wrong)
                {
                    await SendAsync(findings, target, url, Json(BodyWith(fields, name, value)), $"{name}={value?.ToJsonString()}");
                }
            }

            await SendAsync(findings, target, url, Json(BodyWith(fields) is var all ? all.Replace("\"Corpus\"", "null", StringComparison.Ordinal) : all), "nulls");
        }

        findings.AssertNone();
    }

    [SkippableFact]
    public async Task Long_strings_control_characters_and_markup_are_handled_and_never_echoed()
    {
        var findings = new Findings();
        var values = new[]
        {
            Markup, "\"><img src=x onerror=alert(1)>", "Demi\u0000Voorbeeld", "\u0007\u001B[31m\u001F\u007F", "a\u0085b\u2028c", "\uD800",
            "' OR 1=1 --", "Robert'); DROP TABLE \"YoungPeople\";--", "../../etc/passwd", "{0} {1} {{}}", new string('x', 10_000),
            "   ", "\t\r\n", "🙂 Zoë Ünïcödé",
        };
        foreach (var target in (await TargetsAsync()).Where(t => t.Endpoint.BodyType is not null))
        {
            var url = target.Endpoint.Url(target.RouteValue);
            var fields = Fields(target.Endpoint.BodyType!, f.Clock);
            foreach (var (name, (type, _)) in fields.Where(x => x.Value.Type == typeof(string) || x.Value.Type == typeof(string[])))
            {
                foreach (var value in values)
                {
                    JsonNode node = type == typeof(string[]) ? new JsonArray(value) : JsonValue.Create(value)!;
                    await SendAsync(findings, target, url, Json(BodyWith(fields, name, node)), $"{name}={Shorten(value)[..Math.Min(12, value.Length)]}");
                }
            }
        }

        findings.AssertNone();
    }

    [SkippableFact]
    public async Task Empty_and_non_JSON_bodies_are_4xx_problems()
    {
        var findings = new Findings();
        foreach (var target in (await TargetsAsync()).Where(t => t.Endpoint.BodyType is not null))
        {
            var url = target.Endpoint.Url(target.RouteValue);
            var valid = BodyWith(Fields(target.Endpoint.BodyType!, f.Clock));
            await SendAsync(findings, target, url, null, "no body");
            await SendAsync(findings, target, url, Json(""), "empty json");
            await SendAsync(findings, target, url, Json(valid, "text/plain"), "text/plain");
            await SendAsync(findings, target, url, Json("<a>" + Markup + "</a>", "application/xml"), "xml");
            await SendAsync(findings, target, url, new FormUrlEncodedContent(new Dictionary<string, string> { ["givenName"] = Markup }), "form");
            await SendAsync(findings, target, url, new ByteArrayContent([0xFF, 0xFE, 0x00, 0x7B]) { Headers = { ContentType = new("application/json") } }, "binary");
            await SendAsync(findings, target, url, Json(valid, "application/json; charset=iso-8859-1"), "latin1");
        }

        findings.AssertNone();
    }

    [SkippableFact]
    public async Task Every_write_endpoint_refuses_other_charsets_and_media_types_with_415_naming_what_it_accepts()
    {
        var findings = new Findings();
        var writes = (await TargetsAsync()).Where(t => t.Endpoint.Method is "POST" or "PUT" or "PATCH").ToList();
        Assert.True(writes.Count >= 60, $"expected every write endpoint, found {writes.Count}");
        foreach (var target in writes)
        {
            var url = target.Endpoint.Url(target.RouteValue);
            var valid = target.Endpoint.BodyType is null ? "{}" : BodyWith(Fields(target.Endpoint.BodyType, f.Clock));
            foreach (var contentType in new[] { "application/json; charset=bogus", "text/plain", "application/json; charset=utf-16", "application/xml; charset=utf-8" })
            {
                using var request = ApiEndpoints.Request(target.Endpoint, url, Json(valid, contentType));
                var n = Interlocked.Increment(ref _address);
                request.Headers.Add(TrajectFactory.ClientAddressHeader, $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");
                using var response = await target.Client.SendAsync(request);
                findings.Sent++;
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.UnsupportedMediaType
                    || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                    || JsonNode.Parse(body)?["acceptedCharsets"]?.AsArray().Select(c => (string?)c).SingleOrDefault() != "utf-8")
                {
                    findings.Add($"{target.Endpoint} [{contentType}] -> {(int)response.StatusCode} {Shorten(body)}");
                }
            }
        }

        findings.AssertNone();

        // JSON in UTF-8, with or without the charset, still goes through.
        using var regie = await f.ClientAsync(Demo.Regie);
        foreach (var contentType in new[] { "application/json", "application/json; charset=utf-8", "application/json; charset=\"UTF-8\"" })
        {
            using var created = await regie.PostAsync("/api/v1/young-people", Json(JsonSerializer.Serialize(Dossiers.NewPerson(f.Clock), Api.Json), contentType));
            await created.ExpectAsync(HttpStatusCode.Created);
        }
    }

    [SkippableFact]
    public async Task Invalid_route_values_and_query_strings_are_4xx_problems()
    {
        var findings = new Findings();
        var routeValues = new[]
        {
            "not-a-guid", "00000000-0000-0000-0000-000000000000", Markup, "' OR 1=1 --", "..", "%2e%2e%2f", "J-0000-0000", "j-ABCD-EFGH",
            new string('9', 5000), "12345678-1234-1234-1234-1234567890123",
        };
        foreach (var target in await TargetsAsync())
        {
            var fields = target.Endpoint.BodyType is null ? null : BodyWith(Fields(target.Endpoint.BodyType, f.Clock));
            foreach (var parameter in target.Endpoint.RouteParameters)
            {
                foreach (var bad in routeValues)
                {
                    var url = target.Endpoint.Url(name => name == parameter ? bad : target.RouteValue(name));
                    await SendAsync(findings, target, url, fields is null ? null : Json(fields), $"{parameter}={Shorten(bad)[..Math.Min(12, bad.Length)]}");
                }
            }

            if (target.Endpoint.Method == "GET")
            {
                var url = target.Endpoint.Url(target.RouteValue);
                foreach (var query in new[]
                {
                    "?page=-1", "?page=abc", "?page=99999999999", "?pageSize=0", "?pageSize=100000", "?status=Bogus", "?status=" + Uri.EscapeDataString(Markup),
                    "?kind=" + Uri.EscapeDataString(Markup), "?scope=" + Uri.EscapeDataString(Markup), "?scope=all&scope=mine", "?page=1&page=2", "?%00=%00",
                })
                {
                    await SendAsync(findings, target, url + query, null, query);
                }
            }
        }

        findings.AssertNone();
    }

    [SkippableFact]
    public async Task Bodies_over_64_KB_get_413()
    {
        var findings = new Findings();
        foreach (var target in (await TargetsAsync()).Where(t => t.Endpoint.BodyType is not null))
        {
            var url = target.Endpoint.Url(target.RouteValue);
            var fields = Fields(target.Endpoint.BodyType!, f.Clock);
            foreach (var name in fields.Where(x => x.Value.Type == typeof(string)).Select(x => x.Key))
            {
                await SendAsync(findings, target, url, Json(BodyWith(fields, name, new string('x', 100_000))), $"{name}=100k chars", HttpStatusCode.RequestEntityTooLarge);
            }

            await SendAsync(findings, target, url, Json("{\"padding\": \"" + new string(' ', 65 * 1024) + "\"}"), "65 KB", HttpStatusCode.RequestEntityTooLarge);
        }

        findings.AssertNone();

        using var regie = await f.ClientAsync(Demo.Regie);
        var justUnder = Dossiers.NewPerson(f.Clock);
        justUnder["padding"] = new string(' ', 60 * 1024);
        using var accepted = await regie.PostJsonAsync("/api/v1/young-people", justUnder);
        await accepted.ExpectAsync(HttpStatusCode.Created);
    }
}

public sealed class MalformedInputSqlite(SqliteFixture f) : MalformedInputTests(f), IClassFixture<SqliteFixture>;

public sealed class MalformedInputPostgres(PostgresFixture f) : MalformedInputTests(f), IClassFixture<PostgresFixture>;
