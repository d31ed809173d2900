namespace Traject.Web.Modules.Screening;

/// <summary>
/// The instrument version shipped with the application (<c>BuiltInInstrument.json</c>, an embedded resource): our own
/// signal list, written from the sources in the domain brief. The reference-data seeding stores it in every
/// installation, so there is always a current version; administrators publish newer ones.
/// </summary>
internal static class BuiltInInstrument
{
    private static readonly Lazy<string> LazyJson = new(() =>
    {
        var assembly = typeof(BuiltInInstrument).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".Screening.BuiltInInstrument.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<Instrument> LazyInstance = new(() => InstrumentJson.Parse(LazyJson.Value));

    public static Instrument Instance => LazyInstance.Value;

    /// <summary>The resource text as shipped (indented, for people to read and to start a new version from).</summary>
    public static string Json => LazyJson.Value;
}
