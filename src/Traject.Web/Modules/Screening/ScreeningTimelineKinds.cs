namespace Traject.Web.Modules.Screening;

/// <summary>The kinds of timeline events this module writes; the timeline's kind registry finds them by this class's name.</summary>
internal static class ScreeningTimelineKinds
{
    public const string ScreeningRecorded = "screening.recorded";
    public const string ScreeningWeighed = "screening.weighed";
    public const string ScreeningFinal = "screening.final";
}
