using System.Globalization;
using System.Text.RegularExpressions;
using Traject.Web.Common;
using Traject.Web.Common.Access;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;
using Traject.Web.Modules.Triage;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Tests.Unit;

/// <summary>Dutch first: every text the code shows or stores as a message template has a Dutch translation.</summary>
public partial class LocalizationTests
{
    private static readonly ModuleTexts Texts = new();
    private static readonly CultureInfo Dutch = new("nl-NL");

    // L["..."], validator messages, rule errors, stored templates (Text.Encode and timeline events).
    private const string Messages =
        """\bv\.Add\("[A-Za-z.]+", "([^"]+)"|\bAdd\(field, "([^"]+)"|Error\.(?:Conflict|Forbidden)\(\s*"([^"]+"""
        + """)"|Error\.Invalid\("[A-Za-z.]+", "([^"]+)"|Text\.Encode\(\s*"([^"]+)"|new(?: Error)?\(ErrorKind\.\w+,\s*"([^"]+"""
        + """)"|\["[A-Za-z]+"\] = \["([^"]+)"\]|TimelineKinds\.\w+,[^"\n]*"([^"]+)"|TimelineKinds\.\w+, Link\(t\.Id\),\s*"([^"]+"""
        + """)"|L\["([^"]+)"\]""";

    [GeneratedRegex(Messages)]
    private static partial Regex MessagePattern();

    private static IEnumerable<string> SourceFiles()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Traject.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var src = Path.Combine(dir!.FullName, "src", "Traject.Web");
        return Directory.EnumerateFiles(src, "*.cs*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
    }

    private static bool HasDutch(string key) => Texts.Find(key, Dutch)?.Value is { Length: > 0 };

    [GeneratedRegex(@"\b(?:u|uw|U|Uw|UW)\b")]
    private static partial Regex FormalAddress();

    /// <summary>The Dutch texts address the professional one way, with "je" (docs/glossary.md): never "u" or "uw".</summary>
    [Fact]
    public void The_Dutch_texts_say_je_and_never_u()
    {
        var dir = Path.GetDirectoryName(SourceFiles().First(f => f.EndsWith("Program.cs", StringComparison.Ordinal)))!;
        var values = Directory.EnumerateFiles(dir, "*.nl.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => System.Xml.Linq.XDocument.Load(f).Descendants("value").Select(v => v.Value))
            .ToList();
        Assert.True(values.Count > 500, $"Only {values.Count} Dutch texts found.");
        Assert.Contains(values, v => v.Contains(" je ", StringComparison.Ordinal));
        var formal = values.Where(v => FormalAddress().IsMatch(v)).ToList();
        Assert.True(formal.Count == 0, "Says \"u\": " + string.Join(" | ", formal));
    }

    [Fact]
    public void Every_message_in_the_code_has_a_Dutch_translation()
    {
        var keys = SourceFiles()
            .SelectMany(f => MessagePattern().Matches(File.ReadAllText(f)))
            .Select(m => m.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value)
            .Where(k => !k.StartsWith('/'))  // links, not messages
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(keys.Count > 100, $"Only {keys.Count} messages found: the pattern no longer matches the code.");
        Assert.Contains("Status changed from {0} to {1}", keys);
        Assert.Contains("This field is required.", keys);
        var missing = keys.Where(k => !HasDutch(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "No Dutch for: " + string.Join(" | ", missing));
    }

    [Fact]
    public void Every_enum_value_role_basis_and_timeline_kind_has_a_Dutch_label()
    {
        var keys = new List<string>();
        keys.AddRange(Enum.GetNames<Gender>().Select(n => "Gender." + n));
        keys.AddRange(Enum.GetNames<Nationality>().Select(n => "Nationality." + n));
        keys.AddRange(Enum.GetNames<TrajectoryStatus>().Select(n => "TrajectoryStatus." + n));
        keys.AddRange(Enum.GetNames<CareTeamRole>().Select(n => "CareTeamRole." + n));
        keys.AddRange(Enum.GetNames<OrganisationKind>().Select(n => "OrganisationKind." + n));
        keys.AddRange(Enum.GetNames<Classification>().Select(n => "Classification." + n));
        keys.AddRange(Enum.GetNames<RiskProfile>().Select(n => "RiskProfile." + n));
        keys.AddRange(Enum.GetNames<LegalElement>().Select(n => "LegalElement." + n));
        keys.AddRange(Enum.GetNames<SignalSource>().Select(n => "SignalSource." + n));
        keys.AddRange(Enum.GetNames<ScreeningStatus>().Select(n => "ScreeningStatus." + n));
        keys.AddRange(Enum.GetNames<WeighingNeed>().Select(n => "WeighingNeed." + n));
        keys.AddRange(Enum.GetNames<Traject.Web.Modules.FuturePlans.LifeDomain>().SelectMany(n => new[] { "LifeDomain." + n, "MyPlan." + n }));
        keys.AddRange(Enum.GetNames<Traject.Web.Modules.FuturePlans.StepStatus>().Select(n => "StepStatus." + n));
        keys.AddRange(new[] { "Planned", "Doing", "Done" }.Select(n => "MyPlan." + n));
        keys.AddRange(Enum.GetNames<Traject.Web.Modules.Continuity.ContinuityItem>().Select(n => "ContinuityItem." + n));
        keys.AddRange(Enum.GetNames<Traject.Web.Modules.Continuity.ContinuityState>().Select(n => "ContinuityState." + n));
        keys.AddRange(Traject.Web.Modules.Tasks.CareTaskKinds.All.Select(k => k.LabelKey));
        keys.AddRange(Enum.GetNames<PlacementSetting>().Select(n => "PlacementSetting." + n));
        keys.AddRange(Enum.GetNames<GroupComposition>().Select(n => "GroupComposition." + n));
        keys.AddRange(Enum.GetNames<RequiredIndication>().Select(n => "RequiredIndication." + n));
        keys.AddRange(Enum.GetNames<ProgrammeReach>().Select(n => "ProgrammeReach." + n));
        keys.AddRange(Enum.GetNames<RestrictionLevel>().Select(n => "RestrictionLevel." + n));
        keys.AddRange(Enum.GetNames<PlacementEndReason>().Select(n => "PlacementEndReason." + n));
        keys.AddRange(Enum.GetNames<PlacementWarning>().Select(n => "PlacementWarning." + n));
        keys.AddRange(Enum.GetNames<ExploitationForm>().Select(n => "ExploitationForm." + n));
        keys.AddRange(Enum.GetNames<UpperProblem>().Select(n => "UpperProblem." + n));
        keys.AddRange(Enum.GetNames<UnderlyingProblem>().Select(n => "UnderlyingProblem." + n));
        keys.AddRange(Enum.GetNames<AdverseExperience>().Select(n => "AdverseExperience." + n));
        keys.AddRange(Enum.GetNames<AnalysisRisk>().Select(n => "AnalysisRisk." + n));
        keys.AddRange(Enum.GetNames<EducationSituation>().Select(n => "EducationSituation." + n));
        keys.AddRange(Enum.GetNames<NetworkRelation>().Select(n => "NetworkRelation." + n));
        keys.AddRange(Enum.GetNames<SignatureNeed>().Select(n => "SignatureNeed." + n));
        keys.AddRange(Enum.GetNames<AnalysisDue>().Select(n => "AnalysisDue." + n));
        keys.AddRange(Enum.GetNames<Traject.Web.Modules.Journal.ContactKind>().Select(n => "ContactKind." + n));
        keys.AddRange(Enum.GetNames<Traject.Web.Modules.Journal.AttachmentCategory>().Select(n => "AttachmentCategory." + n));
        keys.AddRange(Roles.All.Select(r => "Role." + r));
        keys.AddRange(TimelineKinds.All.Select(k => "TimelineKind." + k));
        keys.AddRange(AccessPolicy.Permits.Keys.Select(b => "AccessBasis." + b));
        // Every audit action any module writes is shown in words in her access overview.
        keys.AddRange(typeof(TimelineKinds).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("AuditActions", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f.IsLiteral).Select(f => "AuditAction." + (string)f.GetRawConstantValue()!));
        var missing = keys.Where(k => !HasDutch(k)).ToList();
        Assert.True(missing.Count == 0, "No Dutch for: " + string.Join(" | ", missing));
    }

    [Fact]
    public void No_select_offers_a_blank_option_that_reads_like_a_value()
    {
        // An empty option is either a prompt ("Choose…") or names what leaving it empty means ("None", "All", "unknown").
        var blank = new Regex("""<option value="">\s*([^<]*?)\s*</option>""");
        var options = SourceFiles().Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(f => blank.Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Text: m.Groups[1].Value)))
            .ToList();
        Assert.True(options.Count > 20, $"Only {options.Count} blank options found: the pattern no longer matches the pages.");
        var bad = options.Where(o => !o.Text.StartsWith("@L[\"", StringComparison.Ordinal)).ToList();
        Assert.True(bad.Count == 0, "Blank options without words: " + string.Join(", ", bad.Select(o => $"{o.File}: '{o.Text}'")));
    }
}
