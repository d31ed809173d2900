using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace Traject.Web.Common;

/// <summary>
/// The UI texts of the whole app behind <see cref="IStringLocalizer{SharedResource}"/>. Each module keeps its texts in
/// <c>Modules/&lt;Module&gt;/Texts.{nl,en}.resx</c>, a page area in <c>Pages/&lt;Area&gt;/Texts.*.resx</c>, and texts used
/// in several places live in <c>Resources/Common.*.resx</c>. The files are found by their manifest names in the satellite
/// assemblies (so a new module only adds its resx files), merged into one read-only dictionary per culture on first
/// use, and a key in two files is an error: every text has one owner. Lookup behaves like the ResourceManager-based
/// localizer: the current UI culture, then its parents, else the key itself with <c>ResourceNotFound</c>.
/// </summary>
internal sealed class ModuleTexts : IStringLocalizer<SharedResource>
{
    /// <summary>The cultures with texts: Dutch for everything, English where it differs from the key.</summary>
    public static readonly IReadOnlyList<CultureInfo> Cultures = [new("nl"), new("en")];

    private readonly Lazy<FrozenDictionary<string, FrozenDictionary<string, Entry>>> _byCulture;

    /// <summary>The texts of this app's satellite assemblies.</summary>
    public ModuleTexts()
        : this(() => FromSatellites(typeof(SharedResource).Assembly, Cultures))
    {
    }

    /// <summary>Texts from the given files (for tests); they are merged, and checked, on first use.</summary>
    internal ModuleTexts(IEnumerable<TextFile> files)
        : this(() => files)
    {
    }

    private ModuleTexts(Func<IEnumerable<TextFile>> files) =>
        _byCulture = new(() => Merge(files()), LazyThreadSafetyMode.ExecutionAndPublication);

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var found = Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, found?.Value ?? name, resourceNotFound: found is null, searchedLocation: found?.BaseName);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var found = Find(name, CultureInfo.CurrentUICulture);
            var value = string.Format(CultureInfo.CurrentCulture, found?.Value ?? name, arguments);
            return new LocalizedString(name, value, resourceNotFound: found is null, searchedLocation: found?.BaseName);
        }
    }

    /// <summary>
    /// The texts of the current UI culture, with those of its parents when asked. As with resource files, a culture
    /// without texts of its own (or, with its parents, a chain without any) is a <see cref="MissingManifestResourceException"/>.
    /// </summary>
    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var culture = CultureInfo.CurrentUICulture;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        for (var c = culture; ; c = c.Parent)
        {
            if (_byCulture.Value.TryGetValue(c.Name, out var texts))
            {
                names.UnionWith(texts.Keys);
            }

            if (!includeParentCultures || c.Equals(CultureInfo.InvariantCulture))
            {
                break;
            }
        }

        if (names.Count == 0)
        {
            throw new MissingManifestResourceException($"No texts for the culture '{culture.Name}'{(includeParentCultures ? " or its parents" : string.Empty)}.");
        }

        return names.Select(n => Find(n, culture) is { } found
            ? new LocalizedString(n, found.Value, resourceNotFound: false, searchedLocation: found.BaseName)
            : new LocalizedString(n, n, resourceNotFound: true));
    }

    /// <summary>The text for <paramref name="name"/> in <paramref name="culture"/> or the nearest parent culture that has it.</summary>
    internal Entry? Find(string name, CultureInfo culture)
    {
        var byCulture = _byCulture.Value;
        for (var c = culture; ; c = c.Parent)
        {
            if (byCulture.TryGetValue(c.Name, out var texts) && texts.TryGetValue(name, out var found))
            {
                return found;
            }

            if (c.Equals(CultureInfo.InvariantCulture))
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Every <c>&lt;base name&gt;.&lt;culture&gt;.resources</c> in the satellite assembly of each culture: the compiled resx
    /// files, named after their folder (<c>Traject.Web.Modules.Safety.Texts</c>, <c>Traject.Web.Resources.Common</c>).
    /// </summary>
    internal static IReadOnlyList<TextFile> FromSatellites(Assembly assembly, IEnumerable<CultureInfo> cultures)
    {
        var files = new List<TextFile>();
        foreach (var culture in cultures)
        {
            var satellite = assembly.GetSatelliteAssembly(culture);
            var suffix = "." + culture.Name + ".resources";
            foreach (var manifest in satellite.GetManifestResourceNames().Where(n => n.EndsWith(suffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                using var stream = satellite.GetManifestResourceStream(manifest)
                    ?? throw new MissingManifestResourceException($"The resource {manifest} cannot be read.");
                using var reader = new ResourceReader(stream);
                var entries = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in reader)
                {
                    entries.Add((string)entry.Key, entry.Value as string
                        ?? throw new InvalidOperationException($"{manifest}: the resource '{entry.Key}' is not a string."));
                }

                files.Add(new TextFile(manifest[..^suffix.Length], culture.Name, entries));
            }
        }

        return files;
    }

    /// <summary>One dictionary per culture; throws when a key is in more than one file (in any culture).</summary>
    private static FrozenDictionary<string, FrozenDictionary<string, Entry>> Merge(IEnumerable<TextFile> files)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var conflicts = new SortedSet<string>(StringComparer.Ordinal);
        var byCulture = new Dictionary<string, Dictionary<string, Entry>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!byCulture.TryGetValue(file.Culture, out var texts))
            {
                byCulture[file.Culture] = texts = new Dictionary<string, Entry>(StringComparer.Ordinal);
            }

            foreach (var (key, value) in file.Entries)
            {
                if (owners.TryGetValue(key, out var owner) && owner != file.BaseName)
                {
                    conflicts.Add($"'{key}' in {owner} and {file.BaseName}");
                    continue;
                }

                owners[key] = file.BaseName;
                if (!texts.TryAdd(key, new Entry(value, file.BaseName)))
                {
                    conflicts.Add($"'{key}' twice in {file.BaseName} ({file.Culture})");
                }
            }
        }

        if (conflicts.Count > 0)
        {
            throw new InvalidOperationException("A text has one owner, but these keys are in more than one resource file: " + string.Join("; ", conflicts));
        }

        return byCulture.ToFrozenDictionary(c => c.Key, c => c.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>A text and the resource file it comes from.</summary>
    internal sealed record Entry(string Value, string BaseName);
}

/// <summary>The entries of one compiled resx file: its base name (the manifest name without culture) and culture.</summary>
internal sealed record TextFile(string BaseName, string Culture, IReadOnlyDictionary<string, string> Entries);
