namespace Traject.Web.Modules.Safety;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class SafetyAuditActions
{
    public const string SafetyRead = "safety.read";
    public const string SafetyAssessed = "safety.assess";
    public const string SafetyPlanChanged = "safety.plan";
    public const string SafetyContextChanged = "safety.context";
    public const string AcuteMedicalRecorded = "safety.medical";
    public const string MissingRead = "missing.read";
    public const string MissingReported = "missing.report";
    public const string MissingInformed = "missing.inform";
    public const string MissingClosed = "missing.close";
    public const string IncidentsRead = "incident.read";
    public const string IncidentRecorded = "incident.record";
    public const string IncidentActions = "incident.actions";
}
