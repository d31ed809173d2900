namespace Traject.Web.Modules.Triage;

/// <summary>The kinds of timeline events this module writes; the timeline's kind registry finds them by this class's name.</summary>
internal static class TriageTimelineKinds
{
    public const string AnalysisStarted = "analysis.started";
    public const string AnalysisSaved = "analysis.saved";
    public const string AnalysisSigned = "analysis.signed";
    public const string ParentInvolvement = "analysis.parent-involvement";
    public const string CareChosen = "triage.choice";
}
