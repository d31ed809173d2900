namespace Traject.Web.Modules.Tasks;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class TasksAuditActions
{
    public const string TaskRead = "task.read";
    public const string TaskChanged = "task.change";
    public const string TaskReassigned = "task.reassign";

    /// <summary>My open tasks over all my young people were listed (one entry per list, as a search).</summary>
    public const string MyTasksRead = "task.search";
}
