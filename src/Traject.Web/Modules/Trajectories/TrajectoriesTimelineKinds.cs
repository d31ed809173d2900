namespace Traject.Web.Modules.Trajectories;

/// <summary>The kinds of timeline events this module writes; the timeline's kind registry finds them by this class's name.</summary>
internal static class TrajectoriesTimelineKinds
{
    public const string TrajectoryOpened = "trajectory.opened";
    public const string StatusChanged = "trajectory.status";
    public const string EarlyClose = "trajectory.early-close";
    public const string CoordinatorChanged = "trajectory.coordinator";
    public const string MemberAdded = "careteam.added";
    public const string MemberEnded = "careteam.ended";
    public const string YoungPersonUpdated = "youngperson.updated";
}
