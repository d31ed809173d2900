namespace Traject.Web.Modules.Network;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class NetworkAuditActions
{
    public const string NetworkRead = "network.read";
    public const string NetworkChanged = "network.change";
    public const string NetworkAlertCreated = "network.alert";
    public const string NetworkAlertsRead = "network.alert.read";
    public const string NetworkAlertDismissed = "network.alert.dismiss";
}
