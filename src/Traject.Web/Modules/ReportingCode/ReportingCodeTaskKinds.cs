using Traject.Web.Modules.Tasks;

namespace Traject.Web.Modules.ReportingCode;

/// <summary>The kinds of task the reporting-code module owns.</summary>
internal static class ReportingCodeTaskKinds
{
    /// <summary>Going through the reporting code's steps to a decision: a step of the step plan.</summary>
    public static readonly CareTaskKind ReportingCodeDecision = new(nameof(ReportingCodeDecision)) { Page = "reporting-code", MustFinishBeforeClosing = true };
}
