namespace Traject.Web.Modules.Aftercare;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class AftercareAuditActions
{
    public const string AftercareRead = "aftercare.read";
    public const string AftercarePlanRecorded = "aftercare.plan";
    public const string FollowUpRecorded = "followup.record";
    public const string KeptFollowUpsListed = "followup.kept";
}
