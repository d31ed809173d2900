namespace Traject.Web.Modules.Triage;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class TriageAuditActions
{
    public const string AnalysisRead = "analysis.read";
    public const string AnalysisStarted = "analysis.start";
    public const string AnalysisSaved = "analysis.save";
    public const string AnalysisSigned = "analysis.sign";
    public const string CareChoiceRead = "carechoice.read";
    public const string CareChosen = "carechoice.record";
    public const string TriageQualityRead = "quality.triage.read";
}
