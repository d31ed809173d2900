namespace Traject.Web.Modules.Registration;

/// <summary>The kinds of timeline events this module writes; the timeline's kind registry finds them by this class's name.</summary>
internal static class RegistrationTimelineKinds
{
    public const string HandedOver = "trajectory.handover";
    public const string RegistrationDecided = "registration.decided";
    public const string RegistrationConsent = "registration.consent";
}
