namespace Traject.Web.Modules.FuturePlans;

/// <summary>The kinds of timeline events this module writes; the timeline's kind registry finds them by this class's name.</summary>
internal static class FuturePlansTimelineKinds
{
    public const string FuturePlan = "futureplan";
}
