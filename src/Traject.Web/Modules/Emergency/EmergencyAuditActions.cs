namespace Traject.Web.Modules.Emergency;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class EmergencyAuditActions
{
    public const string EmergencyAccessGranted = "emergency.grant";
    public const string EmergencyAccessReviewed = "emergency.review";
    public const string EmergencyAccessList = "emergency.list";

    /// <summary>A search for a young person by name and date of birth before breaking the glass; the entry holds the count found, never the name.</summary>
    public const string EmergencySearchByNameAndBirth = "emergency.search-name-birth";
}
