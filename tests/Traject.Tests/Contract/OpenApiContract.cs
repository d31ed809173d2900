using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Traject.Tests.Infrastructure;

namespace Traject.Tests.Contract;

/// <summary>One operation of the document: method, path template and its JSON.</summary>
internal sealed record ContractOperation(string Method, string Path, JsonObject Node)
{
    private readonly Regex _pattern = new("^" + Regex.Replace(Regex.Escape(Path), @"\\\{[^}]+}", "[^/]+") + "$");

    public string? Id => (string?)Node["operationId"];

    public int ParameterCount => Path.Count(c => c == '{');

    public JsonObject Responses => Node["responses"]?.AsObject() ?? [];

    public bool Matches(string method, string path) => string.Equals(method, Method, StringComparison.OrdinalIgnoreCase) && _pattern.IsMatch(path);

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// The app's OpenAPI document, read as a client generator reads it: the operations, and for an answer the schema its
/// operation declares for that status and media type. <see cref="Check"/> validates an answer against it (JSON Schema
/// 2020-12, the dialect of OpenAPI 3.1), with formats asserted and no property the document does not name.
/// </summary>
internal sealed class OpenApiContract
{
    private const string ProblemSchemaSuffix = "ProblemDetails";
    private readonly JsonObject _definitions;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    private OpenApiContract(JsonObject document)
    {
        Document = document;
        Operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => new ContractOperation(o.Key.ToUpperInvariant(), p.Key, o.Value!.AsObject())))
            .ToList();
        _definitions = Strict(JsonNode.Parse(Rebase(document["components"]?["schemas"]?.ToJsonString() ?? "{}"))!.AsObject());
    }

    public JsonObject Document { get; }

    public IReadOnlyList<ContractOperation> Operations { get; }

    public static async Task<OpenApiContract> LoadAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/openapi/v1.json");
        return new OpenApiContract(JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!.AsObject());
    }

    /// <summary>The operation a request goes to: the most literal path template that matches (so /analyses/compare, not /analyses/{analysisId}).</summary>
    public ContractOperation? Find(string method, string path) =>
        Operations.Where(o => o.Matches(method, path.Length > 1 ? path.TrimEnd('/') : path)).OrderBy(o => o.ParameterCount).FirstOrDefault();

    /// <summary>What is wrong with this answer according to the document; empty when it conforms.</summary>
    public IReadOnlyList<string> Check(string method, string path, int status, string? mediaType, string body)
    {
        if (Find(method, path) is not { } operation)
        {
            return [$"{method} {path} is not in the document"];
        }

        if (operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not JsonObject response)
        {
            return [$"{operation}: status {status} is not declared (declared: {string.Join(", ", operation.Responses.Select(r => r.Key))})"];
        }

        var content = response["content"]?.AsObject();
        if (body.Length == 0)
        {
            return content is null || content.Count == 0 ? [] : [$"{operation} {status}: the document declares a body, the answer has none"];
        }

        if (mediaType is null || content?[mediaType] is not JsonObject media)
        {
            return [$"{operation} {status}: answered as '{mediaType}', declared {string.Join(", ", content?.Select(c => c.Key) ?? [])}"];
        }

        if (media["schema"] is not JsonObject schema)
        {
            return [$"{operation} {status} {mediaType}: no schema"];
        }

        if (!(mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal)))
        {
            return []; // text or a file: the media type is the contract
        }

        var evaluation = SchemaFor(schema).Evaluate(JsonNode.Parse(body), new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        return evaluation.IsValid
            ? []
            : (evaluation.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{operation} {status}: {d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
                .DefaultIfEmpty($"{operation} {status}: the answer does not match its schema")
                .Take(20)
                .ToList();
    }

    /// <summary>The schema of the components a reference names, e.g. "TrajectoryDetail".</summary>
    public JsonObject? Component(string name) => Document["components"]?["schemas"]?[name] as JsonObject;

    /// <summary>The component a schema refers to (directly), e.g. "#/components/schemas/ProblemDetails" → "ProblemDetails".</summary>
    public static string? ReferencedName(JsonNode? schema) =>
        (string?)schema?["$ref"] is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal)
            ? reference["#/components/schemas/".Length..]
            : null;

    private JsonSchema SchemaFor(JsonObject schema) => _schemas.GetOrAdd(schema.ToJsonString(), text =>
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = _definitions.DeepClone(),
            ["allOf"] = new JsonArray(JsonNode.Parse(Rebase(text))),
        };
        return JsonSchema.FromText(root.ToJsonString());
    });

    /// <summary>References into components become references into the validation schema's $defs.</summary>
    private static string Rebase(string json) => json.Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);

    /// <summary>
    /// An answer may hold no property its schema does not name (so a field added in code but missing from the document
    /// fails); problem details keep their open extensions (traceId, reasons).
    /// </summary>
    private static JsonObject Strict(JsonObject definitions)
    {
        foreach (var (name, node) in definitions)
        {
            if (node is JsonObject schema && schema["properties"] is JsonObject && schema["additionalProperties"] is null
                && !name.EndsWith(ProblemSchemaSuffix, StringComparison.Ordinal))
            {
                schema["additionalProperties"] = false;
            }
        }

        return definitions;
    }
}
