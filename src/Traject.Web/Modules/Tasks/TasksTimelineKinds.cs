namespace Traject.Web.Modules.Tasks;

/// <summary>The kinds of timeline events this module writes; the timeline's kind registry finds them by this class's name.</summary>
internal static class TasksTimelineKinds
{
    public const string TaskCreated = "task.created";
    public const string TaskPlanned = "task.planned";
    public const string TaskDone = "task.done";
}
