namespace Traject.Web.Modules.Handovers;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class HandoversAuditActions
{
    public const string HandoverRead = "handover.read";
    public const string HandoverProposed = "handover.propose";
    public const string HandoverChanged = "handover.change";
    public const string HandoverAccepted = "handover.accept";
    public const string HandoverRefused = "handover.refuse";
    public const string HandoverWithdrawn = "handover.withdraw";
}
