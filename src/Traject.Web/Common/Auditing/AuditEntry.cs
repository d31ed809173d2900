namespace Traject.Web.Common.Auditing;

/// <summary>
/// One line of the audit trail: who did what to which record, on what basis, with what outcome.
/// Holds ids and pseudonyms only, never names or free text about a young person.
/// </summary>
internal sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Position in the chain: 1, 2, 3 … without gaps, assigned when the entry is saved.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }
    public Guid? ActorId { get; set; }
    public Guid? ActorOrganisationId { get; set; }

    /// <summary>The actor's roles at the time, comma-separated.</summary>
    public string? ActorRoles { get; set; }

    /// <summary>On whose behalf the actor acted, when not her own.</summary>
    public Guid? OnBehalfOfId { get; set; }
    public string Action { get; set; } = string.Empty;
    public string? EntityType { get; set; }
    public Guid? EntityId { get; set; }
    public string? Pseudonym { get; set; }
    public string? Basis { get; set; }

    /// <summary>The reason given with the basis (emergency access); never dossier content.</summary>
    public string? BasisReason { get; set; }
    public string Outcome { get; set; } = AuditOutcomes.Allowed;
    public string? Channel { get; set; }

    /// <summary>What else the entry names: the parts of a dossier shown in one page view. Codes only, never content.</summary>
    public string? Detail { get; set; }
    public string? ClientAddress { get; set; }

    /// <summary>SHA-256 (hex) of the previous entry; empty for the first.</summary>
    public string PreviousHash { get; set; } = string.Empty;

    /// <summary>SHA-256 (hex) over this entry's canonical content and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; set; } = string.Empty;
}

/// <summary>The end of the audit chain: the last sequence number and hash. One row; its update serialises writers.</summary>
internal sealed class AuditChainHead
{
    public int Id { get; set; }
    public long Sequence { get; set; }
    public string Hash { get; set; } = string.Empty;
}

internal static class AuditOutcomes
{
    public const string Allowed = "allowed";
    public const string Denied = "denied";
    public const string Failed = "failed";
}

/// <summary>Audit action names: <c>area.verb</c>.</summary>
internal static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string Logout = "logout";
    public const string LogoutEverywhere = "logout.everywhere";
    public const string PasswordChanged = "password.change";
    public const string EnrolmentRequired = "secondfactor.required";
    public const string SecondFactorEnrolled = "secondfactor.enrol";
    public const string SecondFactorFailed = "secondfactor.failed";
    public const string RecoveryCodeUsed = "secondfactor.recovery";
    public const string SecondFactorReset = "secondfactor.reset";
    public const string YoungPersonCreated = "youngperson.create";
    public const string YoungPersonRead = "youngperson.read";
    public const string YoungPersonUpdated = "youngperson.update";
    public const string TrajectoryCreated = "trajectory.create";
    public const string TrajectoryRead = "trajectory.read";
    public const string DossierViewed = "dossier.view";
    public const string TrajectoryUpdated = "trajectory.update";
    public const string TrajectoryList = "trajectory.search";
    public const string CareTeamChanged = "careteam.change";
    public const string CoordinatorChanged = "coordinator.change";
    public const string TimelineRead = "timeline.read";
    public const string AdminAction = "admin";
    public const string AccessOverviewRead = "accesslog.read";
    public const string AccessOverviewExport = "accesslog.export";
    public const string AuditVerified = "admin.audit.verify";
    public const string EmergencyAccessGranted = "emergency.grant";
    public const string EmergencyAccessReviewed = "emergency.review";
    public const string EmergencyAccessList = "emergency.list";
    public const string TaskRead = "task.read";
    public const string TaskChanged = "task.change";
    public const string TaskReassigned = "task.reassign";
    public const string ReportingCodeRead = "reportingcode.read";
    public const string ReportingCodeRecorded = "reportingcode.record";
    public const string SignalPooled = "signal.pool";
    public const string PooledSignalsRead = "pooledsignal.read";
    public const string ScreeningRead = "screening.read";
    public const string ScreeningRecorded = "screening.record";
    public const string ScreeningWeighed = "screening.weigh";
    public const string NetworkRead = "network.read";
    public const string NetworkChanged = "network.change";
    public const string NetworkAlertCreated = "network.alert";
    public const string NetworkAlertsRead = "network.alert.read";
    public const string NetworkAlertDismissed = "network.alert.dismiss";
    public const string HandoverRead = "handover.read";
    public const string HandoverProposed = "handover.propose";
    public const string HandoverChanged = "handover.change";
    public const string HandoverAccepted = "handover.accept";
    public const string HandoverRefused = "handover.refuse";
    public const string HandoverWithdrawn = "handover.withdraw";
    public const string AftercareRead = "aftercare.read";
    public const string AftercarePlanRecorded = "aftercare.plan";
    public const string FollowUpRecorded = "followup.record";
    public const string FuturePlanRead = "futureplan.read";
    public const string FuturePlanChanged = "futureplan.change";
    public const string MyPlanRead = "futureplan.myplan";
    public const string ContinuityRead = "continuity.read";
    public const string ContinuityChanged = "continuity.change";
    public const string AnalysisRead = "analysis.read";
    public const string AnalysisStarted = "analysis.start";
    public const string AnalysisSaved = "analysis.save";
    public const string AnalysisSigned = "analysis.sign";
    public const string CareChoiceRead = "carechoice.read";
    public const string CareChosen = "carechoice.record";
    public const string TriageQualityRead = "quality.triage.read";
    public const string SafetyRead = "safety.read";
    public const string SafetyAssessed = "safety.assess";
    public const string SafetyPlanChanged = "safety.plan";
    public const string SafetyContextChanged = "safety.context";
    public const string AcuteMedicalRecorded = "safety.medical";
    public const string MissingRead = "missing.read";
    public const string MissingReported = "missing.report";
    public const string MissingInformed = "missing.inform";
    public const string MissingClosed = "missing.close";
    public const string IncidentsRead = "incident.read";
    public const string IncidentRecorded = "incident.record";
    public const string IncidentActions = "incident.actions";
    public const string PlacementRead = "placement.read";
    public const string PlacementChanged = "placement.change";
    public const string ProgrammeCapacityChanged = "programme.capacity";
    public const string TrajectoryHandedOver = "trajectory.handover";
    public const string RegistrationRead = "registration.read";
    public const string RegistrationDecided = "registration.decide";
    public const string ConsentRecorded = "registration.consent";
    public const string ConsentWithdrawn = "registration.consent.withdraw";
    public const string ConsentPolicyChanged = "registration.consentpolicy";
    public const string RegistrationOverviewRead = "registration.overview";
    public const string NotificationsExported = "registration.export";
    public const string NotificationExportRead = "registration.export.read";
}
