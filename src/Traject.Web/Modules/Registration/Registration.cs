using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Registration;

/// <summary>What the registration decision ("registration unless") decides.</summary>
internal enum RegistrationOutcome
{
    /// <summary>Notify the national co-ordination centre by name, with consent.</summary>
    NotifyByName,

    /// <summary>Notify with date of birth only: asking consent would harm the working relationship or safety.</summary>
    NotifyDateOfBirthOnly,

    /// <summary>Do not notify: a reason from the list and an argument.</summary>
    DoNotNotify,
}

/// <summary>Whether the exploitation is suspected or confirmed (both are notified).</summary>
internal enum VictimStatus
{
    Suspected,
    Confirmed,
}

/// <summary>The forms of exploitation; a decision names one or more.</summary>
internal enum ExploitationForm
{
    Sexual,
    Criminal,
    Financial,
    Labour,
    Other,
}

/// <summary>Why a young person is not notified; the argument explains it further.</summary>
internal enum NonNotificationReason
{
    ConsentRefused,
    SafetyRisk,
    WorkingRelationship,
    NotifiedByOtherOrganisation,
    SuspicionNotSubstantiated,
    Other,
}

/// <summary>Whose consent a notification by name needs, by age on the consent date.</summary>
internal enum ConsentRequirement
{
    ParentOrGuardian,
    ParentOrGuardianAndYoungPerson,
    YoungPerson,
}

/// <summary>How consent was given.</summary>
internal enum ConsentForm
{
    Written,
    Verbal,
    Digital,
}

/// <summary>How a young person is named in a national notification.</summary>
internal enum NotificationKind
{
    ByName,
    DateOfBirthOnly,
}

/// <summary>Nationality as the national figures count it.</summary>
internal enum NotifiedNationality
{
    Dutch,
    Foreign,
    Unknown,
}

/// <summary>
/// One registration decision for a trajectory. Decisions are never edited: a later one (numbered by
/// <see cref="Sequence"/>) supersedes the current one, which keeps its content and gets <see cref="SupersededAt"/>.
/// The deciding organisation is kept, so a decision stays readable with its reasons after a hand-over.
/// </summary>
internal sealed class RegistrationDecision : IVersioned
{
    public const int ReasonMaxLength = 2000;
    public const int ArgumentMinLength = 50;
    public const int ArgumentMaxLength = 4000;
    public const int OtherFormMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public Guid YoungPersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public int Sequence { get; set; }
    public DateOnly DecidedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedById { get; set; }
    public RegistrationOutcome Outcome { get; set; }
    public VictimStatus VictimStatus { get; set; }

    /// <summary>The forms of exploitation, comma-separated enum names in declaration order (e.g. <c>Sexual,Financial</c>).</summary>
    public string Forms { get; set; } = string.Empty;

    public string? OtherForm { get; set; }

    /// <summary>The consent a notification by name rests on.</summary>
    public Guid? ConsentId { get; set; }

    /// <summary>Why consent is not asked (date of birth only).</summary>
    public string? DateOfBirthOnlyReason { get; set; }

    public NonNotificationReason? NonNotificationReason { get; set; }

    /// <summary>The argument for not notifying, at least <see cref="ArgumentMinLength"/> characters.</summary>
    public string? Argument { get; set; }

    public DateTimeOffset? SupersededAt { get; set; }
    public Guid? SupersededById { get; set; }
    public long Version { get; set; }

    public bool IsCurrent => SupersededAt is null;
}

/// <summary>
/// Consent to notify by name, given on a date by the people the consent policy requires at the young person's age on
/// that date. Withdrawn consent stops any further notification by name.
/// </summary>
internal sealed class RegistrationConsent : IVersioned
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public Guid YoungPersonId { get; set; }
    public DateOnly GivenOn { get; set; }
    public int AgeOnConsentDate { get; set; }
    public ConsentRequirement Requirement { get; set; }
    public bool YoungPersonConsented { get; set; }
    public bool ParentOrGuardianConsented { get; set; }

    /// <summary>The parent(s) or guardian who consented, as named by the professional.</summary>
    public string? ParentOrGuardianName { get; set; }

    public ConsentForm Form { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedById { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public Guid? WithdrawnById { get; set; }
    public long Version { get; set; }

    public bool IsWithdrawn => WithdrawnAt is not null;
}

/// <summary>
/// The consent policy administrators maintain: one row, its rules as <c>fromAge=Requirement</c> pairs in ascending age
/// (<see cref="ConsentRules"/>). Without a row the default policy applies.
/// </summary>
internal sealed class ConsentPolicy : IVersioned
{
    public static readonly Guid SingletonId = new("5e0c0a51-7a11-4c0e-9d2b-000000000001");

    public Guid Id { get; set; } = SingletonId;
    public string Rules { get; set; } = string.Empty;
    public DateTimeOffset ChangedAt { get; set; }
    public Guid ChangedById { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A notification to the national co-ordination centre, made for each decision that notifies. It keeps what was
/// notified (names only by name, municipality only with date of birth only), the de-duplication key, and what the
/// national figures count: year, nationality, minor, forms, region and kind of the notifying organisation.
/// <see cref="CountedInYear"/> marks the one notification per young person and year that the figures count (the
/// latest not cancelled one). A notification is exported once, in one batch.
/// </summary>
internal sealed class NationalNotification : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DecisionId { get; set; }
    public Guid TrajectoryId { get; set; }
    public Guid YoungPersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>Lower-case hex HMAC-SHA256 over the normalised identifying fields (docs/registration-export.md).</summary>
    public string DeduplicationKey { get; set; } = string.Empty;

    public DateOnly DecidedOn { get; set; }
    public int Year { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? FamilyName { get; set; }
    public string? GivenName { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public Gender Gender { get; set; }
    public string? Municipality { get; set; }
    public NotifiedNationality Nationality { get; set; }
    public int AgeOnDecision { get; set; }
    public bool Minor { get; set; }
    public VictimStatus VictimStatus { get; set; }

    /// <summary>Comma-separated <see cref="ExploitationForm"/> names, as on the decision.</summary>
    public string Forms { get; set; } = string.Empty;

    public Guid RegionId { get; set; }
    public Common.Access.OrganisationKind OrganisationKind { get; set; }
    public Guid? ConsentId { get; set; }
    public bool CountedInYear { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public Guid? ExportBatchId { get; set; }
    public long Version { get; set; }
}

/// <summary>One export of an organisation's notifications over a period: numbered per organisation, never changed.</summary>
internal sealed class NotificationExportBatch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }

    /// <summary>The organisation's name when exported, so a later export of the batch gives the same bytes.</summary>
    public string OrganisationName { get; set; } = string.Empty;

    public int Sequence { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public int Count { get; set; }
}
