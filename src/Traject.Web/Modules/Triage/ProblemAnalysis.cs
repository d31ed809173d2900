
namespace Traject.Web.Modules.Triage;

/// <summary>What the exploitation consists of; more than one may apply.</summary>
internal enum ExploitationForm
{
    Sexual,
    Criminal,
    Financial,
    Labour,
    Other,
}

/// <summary>The visible ("upper") problems: what care sees first.</summary>
internal enum UpperProblem
{
    Behaviour,
    RunningAway,
    SchoolAbsence,
    Aggression,
    SubstanceUse,
}

/// <summary>The underlying problems that keep the visible ones going.</summary>
internal enum UnderlyingProblem
{
    Trauma,
    Attachment,
    IntellectualDisability,
    Psychiatric,
    Family,
    Debts,
    HonourRelated,
}

/// <summary>Ten kinds of adverse childhood experience, each answered yes or no.</summary>
internal enum AdverseExperience
{
    PhysicalAbuse,
    EmotionalAbuse,
    SexualAbuse,
    PhysicalNeglect,
    EmotionalNeglect,
    ViolenceAtHome,
    AddictionAtHome,
    MentalIllnessAtHome,
    ParentsSeparated,
    FamilyMemberInPrison,
}

/// <summary>The risks the analysis weighs.</summary>
internal enum AnalysisRisk
{
    ToHerself,
    FromExploiterAndNetwork,
    Online,
    ToOthersInGroup,
    RecruitingOthers,
}

/// <summary>Where she stands with school or work.</summary>
internal enum EducationSituation
{
    AttendsRegularly,
    AttendsIrregularly,
    NotAttending,
    NoSchoolPlace,
    Working,
    Qualified,
}

/// <summary>How someone in her network is related to her.</summary>
internal enum NetworkRelation
{
    Mother,
    Father,
    StepParent,
    FosterParent,
    Guardian,
    Sibling,
    OtherFamily,
    Friend,
    Other,
}

/// <summary>
/// One problem, risk, needs and strengths analysis of a trajectory (core element 7). It is a draft until two
/// professionals, one of them a behavioural scientist, have signed it; a signed analysis never changes. The next one
/// starts as a copy of the last, so only what changed is entered.
/// </summary>
internal sealed class ProblemAnalysis : IVersioned
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public Guid? CopiedFromId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid UpdatedById { get; set; }

    /// <summary>When the second required signature made it final; null while it is a draft.</summary>
    public DateTimeOffset? SignedAt { get; set; }

    public string? ExploitationCircumstances { get; set; }
    public string? ExploitationNature { get; set; }
    public string ExploitationForms { get; set; } = string.Empty;
    public int? ExploitationMonths { get; set; }
    public bool OnlineComponent { get; set; }
    public string? OnlineDetails { get; set; }

    /// <summary>The youth-care region where the exploiter and his network operate, when known.</summary>
    public Guid? ExploiterRegionId { get; set; }

    public string UpperProblems { get; set; } = string.Empty;
    public string? UpperNotes { get; set; }
    public string UnderlyingProblems { get; set; } = string.Empty;
    public string AdverseExperiences { get; set; } = string.Empty;
    public string? UnderlyingNotes { get; set; }
    public string Risks { get; set; } = string.Empty;
    public string? RiskNotes { get; set; }
    public string? Needs { get; set; }
    public string? Strengths { get; set; }
    public string? NetworkStrengths { get; set; }
    public EducationSituation? Education { get; set; }
    public string? EducationNotes { get; set; }
    public string? NetworkNotes { get; set; }

    /// <summary>Why a mixed group is acceptable for her ("homogeneous unless"); empty means a girls-only group.</summary>
    public string? MixedGroupReason { get; set; }

    public long Version { get; set; }

    public bool IsSigned => SignedAt is not null;

    public List<AnalysisNetworkPerson> Network { get; set; } = [];
    public List<AnalysisSignature> Signatures { get; set; } = [];
}

/// <summary>A parent or someone in her network, with whether they may be involved in the exploitation.</summary>
internal sealed class AnalysisNetworkPerson
{
    public const int NameMaxLength = 200;
    public const int NotesMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AnalysisId { get; set; }
    public int Position { get; set; }
    public NetworkRelation Relation { get; set; }
    public string Name { get; set; } = string.Empty;
    public string? Notes { get; set; }
    public bool MayBeInvolved { get; set; }
}

/// <summary>One professional's signature; whether she is a behavioural scientist is kept as it was then.</summary>
internal sealed class AnalysisSignature
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AnalysisId { get; set; }
    public Guid ProfessionalId { get; set; }
    public bool BehaviouralScientist { get; set; }
    public DateTimeOffset SignedAt { get; set; }
}
