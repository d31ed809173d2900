namespace Traject.Web.Modules.Emergency;

/// <summary>The kinds of timeline events this module writes; the timeline's kind registry finds them by this class's name.</summary>
internal static class EmergencyTimelineKinds
{
    public const string EmergencyAccess = "access.emergency";
}
