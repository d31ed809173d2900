namespace Traject.Web.Common.Auditing;

/// <summary>
/// One line of the audit trail: who did what to which record, on what basis, with what outcome.
/// Holds ids and pseudonyms only, never names or free text about a young person.
/// </summary>
internal sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTimeOffset At { get; set; }
    public Guid? ActorId { get; set; }
    public Guid? ActorOrganisationId { get; set; }
    public string Action { get; set; } = string.Empty;
    public string? EntityType { get; set; }
    public Guid? EntityId { get; set; }
    public string? Pseudonym { get; set; }
    public string? Basis { get; set; }
    public string Outcome { get; set; } = AuditOutcomes.Allowed;
    public string? Channel { get; set; }
    public string? ClientAddress { get; set; }
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
    public const string TrajectoryUpdated = "trajectory.update";
    public const string TrajectoryList = "trajectory.search";
    public const string CareTeamChanged = "careteam.change";
    public const string CoordinatorChanged = "coordinator.change";
    public const string TimelineRead = "timeline.read";
    public const string AdminAction = "admin";
}
