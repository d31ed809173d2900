namespace Traject.Web.Modules.Safety;

/// <summary>The kinds of timeline events this module writes; the timeline's kind registry finds them by this class's name.</summary>
internal static class SafetyTimelineKinds
{
    public const string SafetyAssessed = "safety.assessed";
    public const string SafetyPlan = "safety.plan";
    public const string SafetyContext = "safety.context";
    public const string AcuteMedical = "safety.medical";
    public const string MissingReported = "missing.reported";
    public const string MissingInformed = "missing.informed";
    public const string MissingClosed = "missing.closed";
    public const string GroupIncident = "incident.recorded";
}
