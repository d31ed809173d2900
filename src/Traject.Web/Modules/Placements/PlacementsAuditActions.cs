namespace Traject.Web.Modules.Placements;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class PlacementsAuditActions
{
    public const string PlacementRead = "placement.read";
    public const string PlacementChanged = "placement.change";
    public const string ProgrammeCapacityChanged = "programme.capacity";
}
