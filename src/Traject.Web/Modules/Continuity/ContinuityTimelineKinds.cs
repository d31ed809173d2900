namespace Traject.Web.Modules.Continuity;

/// <summary>The kinds of timeline events this module writes; the timeline's kind registry finds them by this class's name.</summary>
internal static class ContinuityTimelineKinds
{
    public const string Continuity = "continuity";
}
