
namespace Traject.Web.Modules.Screening;

/// <summary>Who told us about a signal.</summary>
internal enum SignalSource
{
    OwnObservation,
    YoungPerson,
    Parent,
    Network,
    School,
    Police,
    OtherOrganisation,
    Other,
}

/// <summary>A screening is open until its multidisciplinary weighing has decided the classification.</summary>
internal enum ScreeningStatus
{
    Open,
    Final,
}

/// <summary>
/// One screening of a trajectory: the observed signals, the instrument version used, what the engine suggested (kept
/// as it was shown) and, once the weighing agrees, the final classification. Signals and weighings are never changed;
/// the version goes up with every weighing, so two weighings at the same moment are decided one after the other. A
/// weighing that confirms a suspicion raises <see cref="SuspicionConfirmed"/>.
/// </summary>
internal sealed class Screening : RaisesDomainEvents, IVersioned
{
    public const int MaxSignals = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public string InstrumentVersion { get; set; } = string.Empty;
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedById { get; set; }

    /// <summary>The latest date a signal was observed (the day of recording when there are none): the engine's date.</summary>
    public DateOnly ObservedOn { get; set; }

    public Classification Suggestion { get; set; }

    /// <summary>Risk profiles in the instrument's wire names, comma-separated.</summary>
    public string RiskProfiles { get; set; } = string.Empty;

    /// <summary>The evidenced legal elements with their signal codes, as JSON (<c>{"act":["code"],…}</c>).</summary>
    public string LegalElements { get; set; } = "{}";

    /// <summary>The explanation as shown: a JSON array of stored messages (<c>Text.Encode</c>), rendered when read.</summary>
    public string Explanation { get; set; } = "[]";

    public ScreeningStatus Status { get; set; }
    public Classification? FinalClassification { get; set; }
    public DateTimeOffset? FinalisedAt { get; set; }

    /// <summary>When this screening started the step plan (acute at once, otherwise when final); never twice.</summary>
    public DateTimeOffset? StepPlanStartedAt { get; set; }

    public long Version { get; set; }

    public List<ScreeningSignal> Signals { get; set; } = [];
    public List<ScreeningWeighing> Weighings { get; set; } = [];
}

/// <summary>One observed signal: its code in the instrument version used, when it was seen, who told us, and a note.</summary>
internal sealed class ScreeningSignal
{
    public const int NoteMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ScreeningId { get; set; }
    public string Code { get; set; } = string.Empty;
    public DateOnly ObservedOn { get; set; }
    public SignalSource Source { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// One professional's weighing of a screening in the multidisciplinary meeting: who took part, when, her conclusion,
/// and why it differs from the suggestion when it does. Whether she is a behavioural scientist is kept as it was then.
/// </summary>
internal sealed class ScreeningWeighing
{
    public const int ParticipantsMaxLength = 1000;
    public const int ReasonMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ScreeningId { get; set; }
    public Guid ProfessionalId { get; set; }
    public bool BehaviouralScientist { get; set; }
    public string Participants { get; set; } = string.Empty;
    public DateOnly HeldOn { get; set; }
    public Classification Conclusion { get; set; }
    public string? DeviationReason { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
