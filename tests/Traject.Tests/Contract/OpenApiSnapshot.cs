using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Traject.Tests.Contract;

/// <summary>
/// The committed contract: the OpenAPI document in a deterministic form (keys sorted), kept at
/// <see cref="RelativePath"/>. A difference fails with the changed places; <c>TRAJECT_UPDATE_SNAPSHOT=1</c> rewrites it.
/// </summary>
internal static partial class OpenApiSnapshot
{
    public const string RelativePath = "tests/Traject.Tests/Contract/openapi.v1.json";
    public const string UpdateVariable = "TRAJECT_UPDATE_SNAPSHOT";
    private const int MaxListed = 60;

    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable diffs: ≤, é and quotes as they are
    };

    /// <summary>
    /// The document with its keys sorted. Nothing else is left out (the server is relative, the same on every host), so the
    /// snapshot is the live document and a lint of the snapshot (.ci/run, redocly.yaml) is a lint of the app's.
    /// </summary>
    public static string Normalise(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        return Sorted(document)!.ToJsonString(Written) + "\n";
    }

    public static void AssertMatches(string live)
    {
        var path = Path.Combine(RepositoryRoot(), RelativePath);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, live);
            return;
        }

        var how = $"If the change is intended, note it in CHANGELOG.md (a removed or renamed field breaks clients) and rewrite the contract: "
            + $"{UpdateVariable}=1 dotnet test tests/Traject.Tests --filter FullyQualifiedName~OpenApiDocumentTests";
        Assert.True(File.Exists(path), $"No committed contract at {RelativePath}. {how}");
        var committed = Normalise(File.ReadAllText(path));
        if (committed == live)
        {
            return;
        }

        var differences = new List<string>();
        Diff(JsonNode.Parse(committed), JsonNode.Parse(live), "", differences);
        var listed = string.Join("\n", differences.Take(MaxListed))
            + (differences.Count > MaxListed ? $"\n… and {differences.Count - MaxListed} more" : "");
        Assert.Fail($"The OpenAPI document differs from the committed contract ({RelativePath}) in {differences.Count} places "
            + $"(- only in the contract, + only in the app, ~ changed):\n{listed}\n{how}");
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    private static void Diff(JsonNode? before, JsonNode? after, string at, List<string> differences)
    {
        switch (before, after)
        {
            case (JsonObject b, JsonObject a):
                foreach (var key in b.Select(p => p.Key).Union(a.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    var here = at + Segment(key);
                    if (!a.ContainsKey(key))
                    {
                        differences.Add($"- {here}");
                    }
                    else if (!b.ContainsKey(key))
                    {
                        differences.Add($"+ {here}");
                    }
                    else
                    {
                        Diff(b[key], a[key], here, differences);
                    }
                }

                break;
            case (JsonArray b, JsonArray a) when b.Concat(a).All(v => v is JsonValue or null):
                var was = b.Select(Text).ToList();
                var now = a.Select(Text).ToList();
                differences.AddRange(was.Except(now).Select(v => $"- {at}: {v}"));
                differences.AddRange(now.Except(was).Select(v => $"+ {at}: {v}"));
                if (was.Order().SequenceEqual(now.Order()) && !was.SequenceEqual(now))
                {
                    differences.Add($"~ {at}: the order changed");
                }

                break;
            case (JsonArray b, JsonArray a):
                for (var i = 0; i < Math.Max(b.Count, a.Count); i++)
                {
                    if (i >= a.Count)
                    {
                        differences.Add($"- {at}[{i}]");
                    }
                    else if (i >= b.Count)
                    {
                        differences.Add($"+ {at}[{i}]");
                    }
                    else
                    {
                        Diff(b[i], a[i], $"{at}[{i}]", differences);
                    }
                }

                break;
            default:
                if (!JsonNode.DeepEquals(before, after))
                {
                    differences.Add($"~ {at}: {Shorten(Text(before))} → {Shorten(Text(after))}");
                }

                break;
        }
    }

    private static string Segment(string key) => PlainKey().IsMatch(key) ? "." + key : $"[\"{key}\"]";

    private static string Text(JsonNode? node) => node?.ToJsonString(Written) ?? "null";

    private static string Shorten(string s) => s.Length > 120 ? s[..120] + "…" : s;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Traject.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Traject.slnx) is not above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex PlainKey();
}
