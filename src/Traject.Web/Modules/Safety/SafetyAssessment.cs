
namespace Traject.Web.Modules.Safety;

/// <summary>
/// One structured safety assessment of a trajectory: every item rated, the level the rules suggested and the level the
/// professional set (with a reason when it differs), under the responsibility of a treatment coordinator. Never changed
/// afterwards: a new assessment follows it. The latest one holds the trajectory's current safety level.
/// </summary>
internal sealed class SafetyAssessment
{
    public const int NoteMaxLength = 1000;
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public DateTimeOffset AssessedAt { get; set; }
    public Guid AssessedById { get; set; }
    public Guid TreatmentCoordinatorId { get; set; }
    public SafetyLevel SuggestedLevel { get; set; }
    public SafetyLevel Level { get; set; }
    public string? DeviationReason { get; set; }

    /// <summary>The missing episodes of the last 90 days the rules took into account.</summary>
    public int RecentMissingEpisodes { get; set; }

    public List<SafetyAssessmentItem> Items { get; set; } = [];
}

internal sealed class SafetyAssessmentItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public SafetyItem Item { get; set; }
    public Concern Concern { get; set; }
    public string? Note { get; set; }
}

/// <summary>The kinds of measure a safety plan holds.</summary>
internal enum SafetyMeasureKind
{
    PlacementOutsideRegion,
    RestrictedPhoneAndInternet,
    LeaveRules,
    AgreementsWithParents,
    PoliceAgreements,
    SafeContacts,
    WhatToDoWhenThreatened,
    Other,
}

/// <summary>
/// The safety plan of a trajectory: the measures that follow from the assessment, each with an owner, and the date it
/// is reviewed. One per trajectory, changed as a whole.
/// </summary>
internal sealed class SafetyPlan : IVersioned
{
    public const int MaxMeasures = 30;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public Guid? BasedOnAssessmentId { get; set; }
    public DateOnly ReviewOn { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid UpdatedById { get; set; }
    public long Version { get; set; }

    public List<SafetyMeasure> Measures { get; set; } = [];
}

internal sealed class SafetyMeasure
{
    public const int DescriptionMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public int Position { get; set; }
    public SafetyMeasureKind Kind { get; set; }
    public string Description { get; set; } = string.Empty;
    public Guid OwnerId { get; set; }
}

/// <summary>
/// Safety facts of a trajectory that other steps read: whether a parent may be involved in the exploitation (then
/// parents are not on the list of whom to inform when she goes missing) and her home region (whose police is informed
/// too). One row per trajectory, created when first set.
/// </summary>
internal sealed class SafetyContext : IVersioned
{
    public const int NoteMaxLength = 1000;

    public Guid TrajectoryId { get; set; }
    public bool ParentMayBeInvolved { get; set; }
    public string? ParentInvolvementNote { get; set; }
    public Guid? HomeRegionId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid UpdatedById { get; set; }
    public long Version { get; set; }
}

internal enum AcuteMedicalCareKind
{
    SexualAssaultCentre,
    Pregnancy,
    Injury,
    Other,
}

/// <summary>Acute medical care given (core element 6): what, where and when; also after a missing episode.</summary>
internal sealed class AcuteMedicalEvent
{
    public const int WhereMaxLength = 200;
    public const int NoteMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public AcuteMedicalCareKind Kind { get; set; }
    public string Where { get; set; } = string.Empty;
    public DateTimeOffset OccurredAt { get; set; }
    public string? Note { get; set; }
    public Guid? MissingEpisodeId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedById { get; set; }
}
