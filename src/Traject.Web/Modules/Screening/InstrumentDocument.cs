using System.Text.Json;
using System.Text.RegularExpressions;

namespace Traject.Web.Modules.Screening;

/// <summary>
/// An instrument version as JSON: what <c>GET /api/v1/screening/instrument</c> answers, what administrators publish
/// and what the database stores. Everything is nullable so that a published document can be checked field by field.
/// </summary>
internal sealed record InstrumentDocument(string? Version, IReadOnlyList<SignalDocument?>? Signals);

internal sealed record SignalDocument(
    string? Code,
    string? Group,
    SignalLabels? Labels,
    IReadOnlyList<string?>? RiskProfiles,
    IReadOnlyList<string?>? LegalElements,
    bool? Acute);

internal sealed record SignalLabels(string? Nl, string? En);

/// <summary>Checks, reads and writes <see cref="InstrumentDocument"/>s.</summary>
internal static partial class InstrumentJson
{
    public const int VersionMaxLength = 32;
    public const int CodeMaxLength = 64;
    public const int LabelMaxLength = 200;
    public const int MaxSignals = 200;

    /// <summary>The format stored in the database: compact, camelCase.</summary>
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web);

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z.-]*$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();

    /// <summary>Whether <paramref name="version"/> has the shape of a version name (to check before looking it up).</summary>
    public static bool IsVersionName(string? version) =>
        version is { Length: > 0 and <= VersionMaxLength } && VersionPattern().IsMatch(version);

    /// <summary>Whether <paramref name="code"/> has the shape of a signal code: lower-case words joined by hyphens.</summary>
    public static bool IsCode(string? code) => code is { Length: > 0 and <= CodeMaxLength } && CodePattern().IsMatch(code);

    public static InstrumentDocument ToDocument(Instrument instrument) => new(
        instrument.Version,
        instrument.Signals.Select(s => (SignalDocument?)new SignalDocument(
            s.Code, s.Group, new SignalLabels(s.LabelNl, s.LabelEn),
            s.RiskProfiles.Select(p => (string?)InstrumentNames.Of(p)).ToList(),
            s.LegalElements.Select(e => (string?)InstrumentNames.Of(e)).ToList(),
            s.Acute)).ToList());

    public static string Serialize(Instrument instrument) => JsonSerializer.Serialize(ToDocument(instrument), Stored);

    /// <summary>Reads a stored or built-in version, which was checked when it was published: any problem is a bug.</summary>
    public static Instrument Parse(string json)
    {
        var document = JsonSerializer.Deserialize<InstrumentDocument>(json, Stored)
            ?? throw new InvalidOperationException("The instrument JSON is empty.");
        var result = Validate(document);
        return result.IsSuccess
            ? result.Value
            : throw new InvalidOperationException("The instrument JSON is invalid: " +
                string.Join("; ", result.Error!.Fields!.Select(f => f.Key + ": " + string.Join(", ", f.Value))));
    }

    /// <summary>
    /// Checks a document field by field: a version name; 1 to <see cref="MaxSignals"/> signals, each with a unique
    /// kebab-case code, a known group, a Dutch and an English label, known and distinct risk profiles and legal
    /// elements, and at least one tag. The list as a whole must be able to reach every outcome: at least one risk
    /// factor, one acute signal and one signal of each element of the general test (act, means, purpose); signals of
    /// paid sexual acts of a minor (<c>paid-sex-minor</c>) are optional.
    /// </summary>
    public static Result<Instrument> Validate(InstrumentDocument document)
    {
        var v = new Validator();
        var version = v.Text("version", document.Version, VersionMaxLength);
        if (version.Length > 0 && !VersionPattern().IsMatch(version))
        {
            v.Add("version", "Use letters, digits, dots and hyphens, starting with a letter or digit.");
        }

        var signals = document.Signals ?? [];
        if (signals.Count is 0 or > MaxSignals)
        {
            v.Add("signals", "Give from 1 to {0} signals.", MaxSignals);
            return v.ToError();
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var definitions = new List<SignalDefinition>(signals.Count);
        for (var i = 0; i < signals.Count; i++)
        {
            var field = $"signals[{i}]";
            if (signals[i] is not { } s)
            {
                v.Add(field, "This field is required.");
                continue;
            }

            var code = v.Text(field + ".code", s.Code, CodeMaxLength);
            if (code.Length > 0 && !CodePattern().IsMatch(code))
            {
                v.Add(field + ".code", "Use lower-case letters and digits in words joined by hyphens, such as {0}.", "older-partner-with-gifts");
            }
            else if (code.Length > 0 && !seen.Add(code))
            {
                v.Add(field + ".code", "The code {0} is used twice.", code);
            }

            var group = s.Group?.Trim();
            if (string.IsNullOrEmpty(group))
            {
                v.Add(field + ".group", "This field is required.");
            }
            else if (!InstrumentGroups.All.Contains(group, StringComparer.Ordinal))
            {
                v.Add(field + ".group", "Unknown group. Known groups: {0}.", string.Join(", ", InstrumentGroups.All));
            }

            var nl = v.Text(field + ".labels.nl", s.Labels?.Nl, LabelMaxLength);
            var en = v.Text(field + ".labels.en", s.Labels?.En, LabelMaxLength);
            var profiles = Tags<RiskProfile>(v, field + ".riskProfiles", s.RiskProfiles, InstrumentNames.TryParse,
                string.Join(", ", Enum.GetValues<RiskProfile>().Select(InstrumentNames.Of)));
            var elements = Tags<LegalElement>(v, field + ".legalElements", s.LegalElements, InstrumentNames.TryParse,
                string.Join(", ", Enum.GetValues<LegalElement>().Select(InstrumentNames.Of)));
            var acute = s.Acute ?? false;
            if (profiles.Count == 0 && elements.Count == 0 && !acute)
            {
                v.Add(field, "Tag the signal as a risk factor (with its risk profiles), a legal element or acute danger.");
            }

            definitions.Add(new SignalDefinition(code, group ?? string.Empty, nl, en, profiles, elements, acute));
        }

        if (v.IsValid)
        {
            if (!definitions.Any(d => d.RiskProfiles.Count > 0))
            {
                v.Add("signals", "The instrument needs at least one risk factor.");
            }

            if (!definitions.Any(d => d.Acute))
            {
                v.Add("signals", "The instrument needs at least one acute-danger signal.");
            }

            foreach (var element in LegalTest.GeneralElements.Where(e => !definitions.Any(d => d.LegalElements.Contains(e))))
            {
                v.Add("signals", "The instrument needs at least one signal of the legal element {0}.", element);
            }
        }

        return v.IsValid ? new Instrument(version, definitions) : v.ToError();
    }

    private delegate bool TryParseTag<T>(string? name, out T value);

    private static List<T> Tags<T>(Validator v, string field, IReadOnlyList<string?>? names, TryParseTag<T> parse, string known)
        where T : struct, Enum
    {
        var tags = new List<T>();
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            if (!parse(names![i], out var tag))
            {
                v.Add($"{field}[{i}]", "Unknown value. Known values: {0}.", known);
            }
            else if (tags.Contains(tag))
            {
                v.Add($"{field}[{i}]", "This value is given twice.");
            }
            else
            {
                tags.Add(tag);
            }
        }

        tags.Sort();
        return tags;
    }
}
