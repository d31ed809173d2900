namespace Traject.Web.Modules.Screening;

/// <summary>
/// The instrument versions shipped with the application (<c>BuiltInInstrument.&lt;version&gt;.json</c>, embedded
/// resources): our own signal list, written from the sources in the domain brief. A shipped version never changes; a
/// correction is shipped as a new file with a newer version. The reference-data seeding stores every shipped version
/// an installation does not have yet, oldest first, so the newest becomes the current one and screenings keep the
/// version they used; administrators publish newer ones.
/// </summary>
internal static class BuiltInInstrument
{
    private const string Prefix = ".Screening.BuiltInInstrument.";

    /// <summary>2026.1: the first list. 2026.2: adds the legal element of paid sexual acts of a minor (art. 273f lid 1 sub 5 / sub 8).</summary>
    private static readonly string[] Versions = ["2026.1", "2026.2"];

    private static readonly Lazy<IReadOnlyList<(string Json, Instrument Instrument)>> LazyAll = new(() =>
    {
        var assembly = typeof(BuiltInInstrument).Assembly;
        var names = assembly.GetManifestResourceNames();
        return Versions.Select(version =>
        {
            var name = names.Single(n => n.EndsWith(Prefix + version + ".json", StringComparison.Ordinal));
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var json = reader.ReadToEnd();
            var instrument = InstrumentJson.Parse(json);
            return instrument.Version == version
                ? (json, instrument)
                : throw new InvalidOperationException($"The built-in instrument {name} holds version {instrument.Version}.");
        }).ToList();
    });

    /// <summary>Every shipped version, oldest first.</summary>
    public static IReadOnlyList<Instrument> All => LazyAll.Value.Select(v => v.Instrument).ToList();

    /// <summary>The newest shipped version.</summary>
    public static Instrument Instance => LazyAll.Value[^1].Instrument;

    /// <summary>The newest resource text as shipped (indented, for people to read and to start a new version from).</summary>
    public static string Json => LazyAll.Value[^1].Json;
}
