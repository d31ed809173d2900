namespace Traject.Web.Modules.Screening;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class ScreeningAuditActions
{
    public const string SignalPooled = "signal.pool";
    public const string PooledSignalsRead = "pooledsignal.read";
    public const string ScreeningRead = "screening.read";
    public const string ScreeningRecorded = "screening.record";
    public const string ScreeningWeighed = "screening.weigh";
}
