
namespace Traject.Web.Modules.Placements;

/// <summary>Why a placement ended.</summary>
internal enum PlacementEndReason
{
    Completed,
    MovedToNextStep,
    BrokenOff,
    RanAway,
    Other,
}

/// <summary>
/// A placement (sub-trajectory) in a trajectory: one programme version at one organisation, in one setting, from a
/// start date to an end. It moves through the phases of its programme version, names its next step, and may hold short
/// closed time-outs without ending.
/// </summary>
internal sealed class Placement : RaisesDomainEvents, IVersioned
{
    public const int ArgumentMaxLength = 2000;
    public const int ArgumentMinLength = 20;
    public const int NoteMaxLength = 1000;
    public const int NextPlaceMaxLength = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public Guid ProgrammeVersionId { get; set; }
    public CareProgrammeVersion? ProgrammeVersion { get; set; }

    /// <summary>The organisation that carries out the placement.</summary>
    public Guid OrganisationId { get; set; }

    public PlacementSetting Setting { get; set; }
    public GroupComposition GroupComposition { get; set; }

    /// <summary>Why a mixed group is right for her ("homogeneous group unless"); required for a mixed group.</summary>
    public string? MixedGroupArgument { get; set; }

    /// <summary>
    /// Why this programme is right for her although it does not serve her gender (an argued exception); required then,
    /// kept only then.
    /// </summary>
    public string? GenderArgument { get; set; }

    /// <summary>The indication the programme requires (such as JeugdzorgPlus) is there.</summary>
    public bool IndicationConfirmed { get; set; }

    public DateOnly StartedOn { get; set; }
    public DateOnly? PlannedEndOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public PlacementEndReason? EndReason { get; set; }
    public string? EndNote { get; set; }

    /// <summary>The order of the programme phase she is in now.</summary>
    public int CurrentPhase { get; set; }

    /// <summary>By when the next place and the receiving organisation must be named (residential placements); else null.</summary>
    public DateOnly? NextStepDueOn { get; set; }

    public string? NextPlace { get; set; }
    public Guid? NextOrganisationId { get; set; }
    public Guid? NextProgrammeId { get; set; }
    public DateTimeOffset? NextStepRecordedAt { get; set; }
    public Guid? NextStepRecordedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public List<PlacementPhaseChange> PhaseChanges { get; set; } = [];
    public List<PlacementTimeOut> TimeOuts { get; set; } = [];

    public bool IsEnded => EndedOn is not null;

    public bool IsResidential => PlacementRules.IsResidential(Setting);
}

/// <summary>She entered a phase of the programme on a date; who decided. Append-only.</summary>
internal sealed class PlacementPhaseChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlacementId { get; set; }
    public int Phase { get; set; }
    public DateOnly StartedOn { get; set; }
    public Guid DecidedById { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public string? Note { get; set; }
}

/// <summary>A short stay in closed care inside an open placement, which goes on meanwhile. Append-only.</summary>
internal sealed class PlacementTimeOut
{
    public const int PlaceMaxLength = 200;
    public const int ReasonMaxLength = 1000;
    public const int ReasonMinLength = 10;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlacementId { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string? Place { get; set; }
    public string Reason { get; set; } = string.Empty;
    public Guid RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
