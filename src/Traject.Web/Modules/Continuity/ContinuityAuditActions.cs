namespace Traject.Web.Modules.Continuity;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class ContinuityAuditActions
{
    public const string ContinuityRead = "continuity.read";
    public const string ContinuityChanged = "continuity.change";
}
