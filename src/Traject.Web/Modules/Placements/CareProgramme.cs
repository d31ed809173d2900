
namespace Traject.Web.Modules.Placements;

/// <summary>Where a young person lives or is treated during a placement.</summary>
internal enum PlacementSetting
{
    Crisis,
    Open,
    SemiClosed,
    Closed,
    FosterFamily,
    FamilyHome,
    Outpatient,
}

/// <summary>Who lives in the group: one gender only ("homogeneous group unless"), mixed, or no group at all.</summary>
internal enum GroupComposition
{
    Homogeneous,
    Mixed,
    NoGroup,
}

/// <summary>The indication a programme requires before a placement.</summary>
internal enum RequiredIndication
{
    None,
    JeugdzorgPlus,
}

/// <summary>
/// Whom a programme serves by gender (seed 003: girls-only groups, a sex-specific ward). <see cref="All"/> is the
/// catalogue's value when nothing narrower is stated; a placement outside it needs an argued exception.
/// </summary>
internal enum TargetGender
{
    All,
    Girls,
    Boys,
}

/// <summary>Whether a programme takes young people from its own region or from the whole country.</summary>
internal enum ProgrammeReach
{
    Regional,
    National,
}

/// <summary>How far a phase restricts phone, internet, leave or contact with the network; strictest first.</summary>
internal enum RestrictionLevel
{
    NotAllowed,
    Supervised,
    Limited,
    Allowed,
}

/// <summary>
/// A care programme in the catalogue: its stable identity, whether it takes new placements, the organisation that runs
/// it (which keeps the capacity figures up to date) and its capacity. The content lives in its versions: an edit
/// publishes a new version (<see cref="CurrentNumber"/> goes up) and placements keep pointing at the version they began with.
/// </summary>
internal sealed class CareProgramme : IVersioned
{
    public const int CodeMaxLength = 64;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable kebab-case key, such as <c>veilig-lima</c>; unique.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>The number of the current (latest) version.</summary>
    public int CurrentNumber { get; set; }

    /// <summary>False: kept for the placements that use it, but no new placements.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>The organisation in Traject that runs the programme; its professionals update the capacity figures.</summary>
    public Guid? OrganisationId { get; set; }

    public int? Places { get; set; }
    public int? Occupied { get; set; }
    public int? ExpectedWaitingWeeks { get; set; }
    public DateTimeOffset? CapacityUpdatedAt { get; set; }
    public Guid? CapacityUpdatedById { get; set; }

    public long Version { get; set; }

    public List<CareProgrammeVersion> Versions { get; set; } = [];
}

/// <summary>
/// One version of a programme's content. Written once and never changed or deleted (the database refuses both,
/// migration 0013), so a placement can always be read with the programme, phases and restrictions it began with.
/// </summary>
internal sealed class CareProgrammeVersion
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProgrammeId { get; set; }
    public CareProgramme? Programme { get; set; }

    /// <summary>1, 2, 3, … per programme; unique with the programme.</summary>
    public int Number { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>The provider as the catalogue names it (it need not be an organisation in Traject).</summary>
    public string Provider { get; set; } = string.Empty;

    /// <summary>The settings the programme can be followed in, comma-separated (<see cref="PlacementSetting"/> names).</summary>
    public string Settings { get; set; } = string.Empty;

    public string TargetGroup { get; set; } = string.Empty;

    /// <summary>Whom the programme serves by gender: girls, boys or all.</summary>
    public TargetGender TargetGender { get; set; }

    /// <summary>The age from which she fits (her birthday of that age included).</summary>
    public int? MinAge { get; set; }

    /// <summary>
    /// The age at which the programme ends, not included: "from 10 to 18" takes her up to the day before her 18th
    /// birthday (<see cref="PlacementRules.AgeFits"/>).
    /// </summary>
    public int? MaxAge { get; set; }

    /// <summary>The longest a placement in the programme may last ("at most nine months"); null when the programme sets none.</summary>
    public int? MaxDurationWeeks { get; set; }

    /// <summary>How long a placement usually lasts ("about one year"): a guide, not a limit; null when the programme names none.</summary>
    public int? IndicativeDurationWeeks { get; set; }

    /// <summary>How long the programme's own professionals stay involved after the placement; null when not part of it.</summary>
    public int? AftercareWeeks { get; set; }

    public RequiredIndication RequiredIndication { get; set; }
    public GroupComposition GroupComposition { get; set; }
    public ProgrammeReach Reach { get; set; }

    /// <summary>The region a regional programme serves; null for a national one or when not yet known.</summary>
    public Guid? RegionId { get; set; }

    /// <summary>Suitable for young people with an intellectual disability (LVB); null when the catalogue does not say.</summary>
    public bool? SuitableForIntellectualDisability { get; set; }

    public bool FemaleStaffOnly { get; set; }
    public bool ProtectedAddress { get; set; }
    public string? Description { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>The administrator who published it; null for the versions built into the application.</summary>
    public Guid? PublishedById { get; set; }

    public List<CareProgrammePhase> Phases { get; set; } = [];

    public IReadOnlyList<PlacementSetting> SettingList => ParseSettings(Settings);

    public static string FormatSettings(IEnumerable<PlacementSetting> settings) => string.Join(',', settings.Distinct().Order());

    public static IReadOnlyList<PlacementSetting> ParseSettings(string settings) =>
        settings.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<PlacementSetting>).ToList();
}

/// <summary>One phase of a programme version, in order, with what it allows.</summary>
internal sealed class CareProgrammePhase
{
    public const int NameMaxLength = 100;
    public const int NotesMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProgrammeVersionId { get; set; }

    /// <summary>1, 2, 3, … within the version.</summary>
    public int Order { get; set; }

    public string Name { get; set; } = string.Empty;
    public int? TypicalWeeks { get; set; }
    public RestrictionLevel Phone { get; set; }
    public RestrictionLevel Internet { get; set; }
    public RestrictionLevel Leave { get; set; }
    public RestrictionLevel NetworkContact { get; set; }
    public string? Notes { get; set; }
}
