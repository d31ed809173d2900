namespace Traject.Web.Modules.FuturePlans;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class FuturePlansAuditActions
{
    public const string FuturePlanRead = "futureplan.read";
    public const string FuturePlanChanged = "futureplan.change";
    public const string MyPlanRead = "futureplan.myplan";
}
