using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Traject.Web.Modules.Tasks;

/// <summary>
/// A kind of task. The module that owns a kind declares it in its <c>&lt;Module&gt;TaskKinds</c> class; the name is
/// what is stored (at most 48 characters) and what the API shows, and the owner's texts label it as
/// <c>CareTaskKind.Name</c>. Two kinds are the same when their names are.
/// </summary>
[JsonConverter(typeof(CareTaskKindJsonConverter))]
internal readonly record struct CareTaskKind(string Name) : IComparable<CareTaskKind>, ILabelled
{
    public const int NameMaxLength = 48;

    /// <summary>
    /// The dossier page, relative to the trajectory (<c>safety</c>, or <c>overview#continuity</c> for a part of a page),
    /// where a task of this kind is done; null when it has none.
    /// </summary>
    public string? Page { get; init; }

    /// <summary>
    /// Set when a task of this kind is done only by recording what it asks for on its own page (e.g. a follow-up
    /// contact's outcome), never by hand: the message that says so (a text key).
    /// </summary>
    public string? DoneByRecording { get; init; }

    /// <summary>Where in the dossier a task of this kind is done, or null.</summary>
    public string? Href(Guid trajectoryId) => Page switch
    {
        null => null,
        ['#', ..] => $"/trajectories/{trajectoryId}{Page}",
        _ => $"/trajectories/{trajectoryId}/{Page}",
    };

    /// <summary>
    /// A task of this kind keeps the trajectory from closing while it is open (a decision or a duty towards others);
    /// an open task of another kind ends with the closing.
    /// </summary>
    public bool MustFinishBeforeClosing { get; init; }

    /// <summary>A task of this kind outlives the trajectory's closing (the follow-up contacts after care).</summary>
    public bool OutlivesClosing { get; init; }

    /// <inheritdoc />
    public string LabelKey => nameof(CareTaskKind) + "." + Name;

    /// <inheritdoc />
    public bool Equals(CareTaskKind other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => Name is null ? 0 : StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc />
    public int CompareTo(CareTaskKind other) => string.CompareOrdinal(Name, other.Name);

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// Every kind of task, gathered from the modules' <c>&lt;Module&gt;TaskKinds</c> classes: each module keeps the kinds it
/// owns, and what is read back from the database or a label test asks this registry.
/// </summary>
internal static class CareTaskKinds
{
    private static readonly Lazy<IReadOnlyDictionary<string, CareTaskKind>> Declared = new(() => typeof(CareTaskKinds).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("TaskKinds", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed && t != typeof(CareTaskKinds))
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.FieldType == typeof(CareTaskKind))
        .Select(f => (CareTaskKind)f.GetValue(null)!)
        .ToDictionary(k => k.Name, StringComparer.Ordinal));

    /// <summary>All declared kinds, by name.</summary>
    public static IReadOnlyCollection<CareTaskKind> All => Declared.Value.Values.OrderBy(k => k).ToList();

    /// <summary>The declared kind of this name (with its page and rules), or a bare kind for a name no module declares (any more).</summary>
    public static CareTaskKind Named(string name) => Declared.Value.TryGetValue(name, out var kind) ? kind : new CareTaskKind(name);
}

/// <summary>Writes and reads a task kind as its name, as the API always showed it.</summary>
internal sealed class CareTaskKindJsonConverter : JsonConverter<CareTaskKind>
{
    /// <inheritdoc />
    public override CareTaskKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { Length: > 0 } name ? CareTaskKinds.Named(name) : throw new JsonException("A task kind is a name.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, CareTaskKind value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}
