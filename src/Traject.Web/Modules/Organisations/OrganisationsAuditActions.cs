namespace Traject.Web.Modules.Organisations;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class OrganisationsAuditActions
{
    public const string AdminAction = "admin";
}
