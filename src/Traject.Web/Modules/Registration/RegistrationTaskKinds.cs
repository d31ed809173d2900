using Traject.Web.Modules.Tasks;

namespace Traject.Web.Modules.Registration;

/// <summary>The kinds of task the registration module owns.</summary>
internal static class RegistrationTaskKinds
{
    /// <summary>The registration decision ("registration unless"), due when a suspicion is confirmed.</summary>
    public static readonly CareTaskKind RegistrationDecision = new(nameof(RegistrationDecision)) { Page = "registration", MustFinishBeforeClosing = true };
}
