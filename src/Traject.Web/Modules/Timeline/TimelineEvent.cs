namespace Traject.Web.Modules.Timeline;

/// <summary>
/// An append-only entry in a trajectory's timeline. Every module writes here; nothing updates or deletes a row.
/// The summary holds no personal data of third parties, only what the care team may read.
/// </summary>
internal sealed class TimelineEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string Kind { get; set; } = string.Empty;
    public Guid ActorId { get; set; }
    public Guid ActorOrganisationId { get; set; }
    public string Summary { get; set; } = string.Empty;
    public string? Link { get; set; }
}

/// <summary>The kinds of timeline events this module writes; other modules add their own.</summary>
internal static class TimelineKinds
{
    public const string TrajectoryOpened = "trajectory.opened";
    public const string StatusChanged = "trajectory.status";
    public const string CoordinatorChanged = "trajectory.coordinator";
    public const string MemberAdded = "careteam.added";
    public const string MemberEnded = "careteam.ended";
    public const string YoungPersonUpdated = "youngperson.updated";
    public const string EmergencyAccess = "access.emergency";
    public const string TaskCreated = "task.created";
    public const string TaskPlanned = "task.planned";
    public const string TaskDone = "task.done";
    public const string ReportingCode = "reportingcode";
    public const string ScreeningRecorded = "screening.recorded";
    public const string ScreeningWeighed = "screening.weighed";
    public const string ScreeningFinal = "screening.final";
    public const string FuturePlan = "futureplan";
    public const string Continuity = "continuity";
    public const string AnalysisStarted = "analysis.started";
    public const string AnalysisSaved = "analysis.saved";
    public const string AnalysisSigned = "analysis.signed";
    public const string ParentInvolvement = "analysis.parent-involvement";
    public const string CareChosen = "triage.choice";
    public const string SafetyAssessed = "safety.assessed";
    public const string SafetyPlan = "safety.plan";
    public const string SafetyContext = "safety.context";
    public const string AcuteMedical = "safety.medical";
    public const string MissingReported = "missing.reported";
    public const string MissingInformed = "missing.informed";
    public const string MissingClosed = "missing.closed";
    public const string GroupIncident = "incident.recorded";

    public const string PlacementStarted = "placement.started";
    public const string PlacementPhase = "placement.phase";
    public const string PlacementNextStep = "placement.nextstep";
    public const string PlacementTimeOut = "placement.timeout";
    public const string PlacementEnded = "placement.ended";
    public const string HandoverProposed = "handover.proposed";
    public const string HandoverChanged = "handover.changed";
    public const string HandoverDecided = "handover.decided";
    public const string LeadOrganisationChanged = "trajectory.lead";
    public const string AftercarePlan = "aftercare.plan";
    public const string FollowUpRecorded = "followup.recorded";
    public const string HandedOver = "trajectory.handover";
    public const string RegistrationDecided = "registration.decided";
    public const string RegistrationConsent = "registration.consent";

    public static readonly IReadOnlyList<string> All =
        [TrajectoryOpened, StatusChanged, CoordinatorChanged, MemberAdded, MemberEnded, YoungPersonUpdated, EmergencyAccess, TaskCreated, TaskPlanned, TaskDone, ReportingCode,
         ScreeningRecorded, ScreeningWeighed, ScreeningFinal, PlacementStarted, PlacementPhase, PlacementNextStep, PlacementTimeOut, PlacementEnded,
         HandoverProposed, HandoverChanged, HandoverDecided, LeadOrganisationChanged, AftercarePlan, FollowUpRecorded, HandedOver, RegistrationDecided, RegistrationConsent,
         FuturePlan, Continuity,
         SafetyAssessed, SafetyPlan, SafetyContext, AcuteMedical, MissingReported, MissingInformed, MissingClosed, GroupIncident,
         AnalysisStarted, AnalysisSaved, AnalysisSigned, ParentInvolvement, CareChosen];
}
