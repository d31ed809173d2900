namespace Traject.Web.Modules.ReportingCode;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class ReportingCodeAuditActions
{
    public const string ReportingCodeRead = "reportingcode.read";
    public const string ReportingCodeRecorded = "reportingcode.record";
}
