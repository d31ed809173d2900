namespace Traject.Web.Modules.Aftercare;

/// <summary>The kinds of timeline events this module writes; the timeline's kind registry finds them by this class's name.</summary>
internal static class AftercareTimelineKinds
{
    public const string AftercarePlan = "aftercare.plan";
    public const string FollowUpRecorded = "followup.recorded";
}
