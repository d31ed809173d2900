namespace Traject.Web.Modules.Tasks;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class TasksAuditActions
{
    public const string TaskRead = "task.read";
    public const string TaskChanged = "task.change";
    public const string TaskReassigned = "task.reassign";
}
