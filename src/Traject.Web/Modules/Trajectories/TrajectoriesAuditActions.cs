namespace Traject.Web.Modules.Trajectories;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class TrajectoriesAuditActions
{
    public const string YoungPersonCreated = "youngperson.create";
    public const string YoungPersonRead = "youngperson.read";
    public const string YoungPersonUpdated = "youngperson.update";
    public const string TrajectoryCreated = "trajectory.create";
    public const string TrajectoryRead = "trajectory.read";
    public const string DossierViewed = "dossier.view";
    public const string TrajectoryUpdated = "trajectory.update";
    public const string EarlyCloseProposed = "trajectory.early-close.propose";
    public const string EarlyCloseCoSigned = "trajectory.early-close.cosign";
    public const string EarlyCloseWithdrawn = "trajectory.early-close.withdraw";
    public const string TrajectoryList = "trajectory.search";
    public const string CareTeamChanged = "careteam.change";
    public const string CoordinatorChanged = "coordinator.change";
    public const string TimelineRead = "timeline.read";
    public const string AccessOverviewRead = "accesslog.read";
    public const string AccessOverviewExport = "accesslog.export";
    public const string TrajectoryHandedOver = "trajectory.handover";
}
