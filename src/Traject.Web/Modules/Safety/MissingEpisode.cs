
namespace Traject.Web.Modules.Safety;

internal enum PhoneStatus
{
    WithHerReachable,
    WithHerNotAnswering,
    SwitchedOff,
    LeftBehind,
    Unknown,
}

/// <summary>
/// A missing episode (vermissing / onttrekking): recorded fast when she is gone, closed when she is back, with the
/// return conversation. While open, the list of whom to inform shows who has been told and who not yet.
/// </summary>
internal sealed class MissingEpisode : IVersioned
{
    public const int ShortTextMaxLength = 300;
    public const int LongTextMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public Guid ReportedById { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public string LastSeenWhere { get; set; } = string.Empty;
    public string? WithWhom { get; set; }
    public string HowSheLeft { get; set; } = string.Empty;
    public string? Clothing { get; set; }
    public PhoneStatus PhoneStatus { get; set; }
    public SafetyLevel RiskLevel { get; set; }
    public Guid CurrentRegionId { get; set; }
    public Guid HomeRegionId { get; set; }

    /// <summary>Whether a parent may be involved, as known when the episode was reported (parents were then left off the list).</summary>
    public bool ParentMayBeInvolved { get; set; }

    public DateTimeOffset? FoundAt { get; set; }
    public string? FoundWhere { get; set; }
    public string? FoundBy { get; set; }
    public bool? AcuteMedicalNeed { get; set; }
    public string? ReturnWhere { get; set; }
    public string? ReturnWithWhom { get; set; }
    public string? ReturnWhatHappened { get; set; }
    public bool? NewNetworkEntries { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public Guid? ClosedById { get; set; }

    /// <summary>Why the episode was closed while someone on the list of whom to inform was not told.</summary>
    public string? UninformedArgument { get; set; }
    public long Version { get; set; }

    public List<MissingNotice> Notices { get; set; } = [];

    /// <summary>The shortest argument for closing an episode while someone on the list was not informed.</summary>
    public const int UninformedArgumentMinLength = 20;

    public bool IsOpen => ClosedAt is null;
}

/// <summary>Who must be told that she is missing.</summary>
internal enum InformParty
{
    PoliceCurrentRegion,
    PoliceHomeRegion,
    ParentsOrGuardian,
    Coordinator,
    FamilyGuardian,
}

internal enum InformChannel
{
    Phone,
    InPerson,
    Email,
    InApp,
    Other,
}

/// <summary>One line of the list of whom to inform: the party, its name, and who told them when and how.</summary>
internal sealed class MissingNotice : IVersioned
{
    public const int NameMaxLength = 300;
    public const int NoteMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EpisodeId { get; set; }
    public int Position { get; set; }
    public InformParty Party { get; set; }
    public string Name { get; set; } = string.Empty;
    public DateTimeOffset? InformedAt { get; set; }
    public Guid? InformedById { get; set; }
    public InformChannel? Channel { get; set; }
    public string? Note { get; set; }
    public long Version { get; set; }

    public bool IsInformed => InformedAt is not null;
}

/// <summary>A region with its name, and the police organisations registered in it.</summary>
internal sealed record RegionPolice(Guid RegionId, string RegionName, IReadOnlyList<string> PoliceOrganisations);

/// <summary>A line of the list before it is stored.</summary>
internal sealed record InformTarget(InformParty Party, string Name);

/// <summary>
/// Who must be informed when a young person goes missing: the police of the region she is in now and of her home region
/// (once when they are the same), her parents or guardian unless a parent may be involved in the exploitation, her
/// coordinator, and each family guardian in her care team. Names are stored as stable text templates. Pure.
/// </summary>
internal static class InformList
{
    public static IReadOnlyList<InformTarget> For(RegionPolice current, RegionPolice home, bool parentMayBeInvolved,
        string coordinator, IReadOnlyList<string> familyGuardians)
    {
        var list = new List<InformTarget> { new(InformParty.PoliceCurrentRegion, Police(current)) };
        if (home.RegionId != current.RegionId)
        {
            list.Add(new(InformParty.PoliceHomeRegion, Police(home)));
        }

        if (!parentMayBeInvolved)
        {
            list.Add(new(InformParty.ParentsOrGuardian, "Parents or guardian"));
        }

        list.Add(new(InformParty.Coordinator, coordinator));
        list.AddRange(familyGuardians.Distinct(StringComparer.Ordinal).Select(g => new InformTarget(InformParty.FamilyGuardian, g)));
        return list;
    }

    private static string Police(RegionPolice region) => region.PoliceOrganisations.Count == 0
        ? Text.Encode("Police in region {0}", region.RegionName)
        : Text.Encode("{0} (region {1})", string.Join(", ", region.PoliceOrganisations.Order(StringComparer.Ordinal)), region.RegionName);
}
