using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Traject.Tests.Infrastructure;

namespace Traject.Tests.Contract;

/// <summary>
/// The OpenAPI document as a partner's client generator needs it: every operation named, summarised, secured and
/// with its answers and their schemas (docs/adr/0024). The document does not depend on the database engine, so these
/// tests run on SQLite only; the answers themselves are checked on both engines (ResponseSchemaTests).
/// </summary>
public sealed partial class OpenApiDocumentTests(SqliteFixture f) : IClassFixture<SqliteFixture>
{
    private static readonly string[] JsonTypes = ["application/json", "application/problem+json"];

    private async Task<OpenApiContract> ContractAsync()
    {
        using var client = f.CreateClient();
        return await OpenApiContract.LoadAsync(client);
    }

    [SkippableFact]
    public async Task Every_operation_has_an_id_a_summary_its_answers_and_its_security()
    {
        var contract = await ContractAsync();
        var anonymous = ApiEndpoints.All(f.Factory.Services).Where(e => e.AllowsAnonymous)
            .Select(e => $"{e.Method} {e.Pattern.Replace(":guid", "", StringComparison.Ordinal)}").ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(anonymous); // login and refresh
        var failures = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in contract.Operations)
        {
            void Fail(string what) => failures.Add($"{operation} ({operation.Id}): {what}");

            if (string.IsNullOrWhiteSpace(operation.Id))
            {
                Fail("no operationId");
            }
            else if (!OperationId().IsMatch(operation.Id) || !ids.Add(operation.Id))
            {
                Fail("operationId is not a unique PascalCase name");
            }

            if (string.IsNullOrWhiteSpace((string?)operation.Node["summary"]))
            {
                Fail("no summary");
            }

            var successes = operation.Responses.Where(r => r.Key.StartsWith('2')).ToList();
            if (successes.Count == 0)
            {
                Fail("no success answer");
            }

            foreach (var (status, response) in successes)
            {
                var content = response?["content"]?.AsObject();
                if (status == "204" ? content is { Count: > 0 } : content is not { Count: > 0 })
                {
                    Fail($"{status}: {(status == "204" ? "a no-content answer with content" : "no content declared")}");
                }

                foreach (var (mediaType, media) in content ?? [])
                {
                    if (media?["schema"] is not JsonObject schema || schema.Count == 0)
                    {
                        Fail($"{status} {mediaType}: no schema");
                    }
                }
            }

            var secured = operation.Node["security"]?.AsArray().Any(r => r?["Bearer"] is JsonArray) == true;
            var isAnonymous = anonymous.Contains($"{operation.Method} {operation.Path}");
            if (secured == isAnonymous)
            {
                Fail(isAnonymous ? "anonymous, yet it asks for a bearer token" : "no bearer security requirement");
            }

            if (isAnonymous && operation.Node["security"] is not JsonArray { Count: 0 })
            {
                Fail("anonymous, yet it does not say so with an empty security list");
            }

            var required = new List<string> { "503" }; // the database out of reach, for every operation
            if (!isAnonymous)
            {
                required.Add("401");
            }

            if (operation.Node["requestBody"] is not null)
            {
                required.AddRange(["400", "413", "415"]);
            }

            if (operation.Node["parameters"]?.AsArray().Any(p => (string?)p?["in"] == "query") == true)
            {
                required.Add("400");
            }

            foreach (var status in required.Where(s => operation.Responses[s] is null))
            {
                Fail($"problem response {status} is not declared");
            }

            foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('4') || r.Key == "503"))
            {
                var name = OpenApiContract.ReferencedName(response?["content"]?["application/problem+json"]?["schema"]);
                var expected = status switch { "400" => "HttpValidationProblemDetails", "409" => "ConflictProblemDetails", _ => "ProblemDetails" };
                if (name != expected)
                {
                    Fail($"{status} should be application/problem+json with {expected}, is {response?["content"]?.ToJsonString()}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} problems in the OpenAPI document:\n" + string.Join("\n", failures));
        Assert.True(contract.Operations.Count >= 100, $"expected the whole API, found {contract.Operations.Count} operations");
        var scheme = contract.Document["components"]?["securitySchemes"]?["Bearer"];
        Assert.Equal("http", (string?)scheme?["type"]);
        Assert.Equal("bearer", (string?)scheme?["scheme"]);
    }

    [SkippableFact]
    public async Task The_document_names_its_licence_its_server_and_what_each_tag_covers()
    {
        var contract = await ContractAsync();
        Assert.False(string.IsNullOrWhiteSpace((string?)contract.Document["info"]?["license"]?["name"]));
        Assert.Equal("/", (string?)contract.Document["servers"]?[0]?["url"]);
        var tags = contract.Document["tags"]!.AsArray();
        Assert.NotEmpty(tags);
        Assert.All(tags, t => Assert.False(string.IsNullOrWhiteSpace((string?)t?["description"]), $"tag '{t?["name"]}' has no description"));
        var used = contract.Operations.SelectMany(o => o.Node["tags"]?.AsArray().Select(t => (string?)t) ?? []).ToHashSet();
        Assert.Equal(used.Order(), tags.Select(t => (string?)t?["name"]).Order());
    }

    [SkippableFact]
    public async Task Schemas_give_enums_as_strings_and_ids_and_dates_with_their_formats()
    {
        var contract = await ContractAsync();
        var failures = new List<string>();
        foreach (var (name, node) in contract.Document["components"]!["schemas"]!.AsObject())
        {
            var schema = node!.AsObject();
            if (schema["enum"] is JsonArray values)
            {
                if ((string?)schema["type"] != "string" || values.Count == 0 || values.Any(v => v?.GetValueKind() != System.Text.Json.JsonValueKind.String))
                {
                    failures.Add($"{name}: an enum is type string with its names as values, is {schema.ToJsonString()}");
                }
            }

            foreach (var (property, value) in schema["properties"]?.AsObject() ?? [])
            {
                if (value is not JsonObject p || p["$ref"] is not null || p["oneOf"] is not null)
                {
                    continue;
                }

                // The API's naming: ids are Guids, "…On" a date, "…At" a moment.
                var expected = property == "id" || property.EndsWith("Id", StringComparison.Ordinal) ? "uuid"
                    : LowerThenOn().IsMatch(property) ? "date"
                    : LowerThenAt().IsMatch(property) ? "date-time"
                    : null;
                if (expected is not null && (string?)p["format"] != expected)
                {
                    failures.Add($"{name}.{property}: format {expected} expected, is {p.ToJsonString()}");
                }

                var types = p["type"] is JsonArray a ? a.Select(t => (string?)t).ToList() : [(string?)p["type"]];
                if (types.Contains("string") && (types.Contains("integer") || types.Contains("number")))
                {
                    failures.Add($"{name}.{property}: a number is a number, not also a string: {p.ToJsonString()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains("Active", contract.Component("TrajectoryStatus")!["enum"]!.AsArray().Select(v => (string?)v));
    }

    [SkippableFact]
    public async Task Answers_are_json_problem_details_or_a_declared_text_or_file()
    {
        var contract = await ContractAsync();
        var media = contract.Operations.SelectMany(o => o.Responses.SelectMany(r => r.Value?["content"]?.AsObject().Select(c => c.Key) ?? []))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.All(media.Where(m => !JsonTypes.Contains(m)), m => Assert.Contains(m, new[] { "text/csv", "image/svg+xml", "application/pdf", "image/jpeg", "image/png", "image/webp" }));
        Assert.Contains("application/json", media);
        Assert.Contains("application/problem+json", media);
    }

    [SkippableFact]
    public async Task The_document_matches_the_committed_contract()
    {
        using var client = f.CreateClient();
        var live = OpenApiSnapshot.Normalise(await client.GetStringAsync("/openapi/v1.json"));
        OpenApiSnapshot.AssertMatches(live);
    }

    [SkippableFact]
    public async Task The_check_of_an_answer_finds_every_kind_of_drift()
    {
        var contract = await ContractAsync();
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var path = $"/api/v1/trajectories/{person.TrajectoryId}";
        var body = await regie.GetStringAsync(path);
        Assert.Empty(contract.Check("GET", path, 200, "application/json", body));

        IReadOnlyList<string> CheckChanged(Action<JsonObject> change)
        {
            var changed = JsonNode.Parse(body)!.AsObject();
            change(changed);
            return contract.Check("GET", path, 200, "application/json", changed.ToJsonString());
        }

        Assert.NotEmpty(CheckChanged(t => t.Remove("pseudonym"))); // a field removed
        Assert.NotEmpty(CheckChanged(t => t["nickname"] = "Tess")); // a field the document does not know
        Assert.NotEmpty(CheckChanged(t => t["version"] = "one")); // another type
        Assert.NotEmpty(CheckChanged(t => t["startedOn"] = "yesterday")); // not a date
        Assert.NotEmpty(CheckChanged(t => t["id"] = "T-123")); // not a uuid
        Assert.NotEmpty(CheckChanged(t => t["status"] = "Dormant")); // not one of the enum's values
        Assert.NotEmpty(CheckChanged(t => t["careTeam"]!.AsArray().Add(new JsonObject { ["id"] = Guid.NewGuid() }))); // an item without its fields
        Assert.NotEmpty(contract.Check("GET", path, 418, "application/problem+json", "{}")); // an undeclared status
        Assert.NotEmpty(contract.Check("GET", path, 200, "text/html", "<p>")); // an undeclared media type
        Assert.NotEmpty(contract.Check("GET", "/api/v1/nowhere", 200, "application/json", "{}"));
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]+$")]
    private static partial Regex OperationId();

    [GeneratedRegex("[a-z]On$")]
    private static partial Regex LowerThenOn();

    [GeneratedRegex("[a-z]At$")]
    private static partial Regex LowerThenAt();
}
