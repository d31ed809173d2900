namespace Traject.Web.Modules.ReportingCode;

/// <summary>The kinds of timeline events this module writes; the timeline's kind registry finds them by this class's name.</summary>
internal static class ReportingCodeTimelineKinds
{
    public const string ReportingCode = "reportingcode";
}
