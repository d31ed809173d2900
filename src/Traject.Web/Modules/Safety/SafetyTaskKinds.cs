using Traject.Web.Modules.Tasks;

namespace Traject.Web.Modules.Safety;

/// <summary>The kinds of task the safety module owns.</summary>
internal static class SafetyTaskKinds
{
    /// <summary>The first safety assessment: a step of the step plan, the next day when the danger is acute.</summary>
    public static readonly CareTaskKind SafetyAssessment = new(nameof(SafetyAssessment)) { Page = "safety" };

    /// <summary>The periodic reassessment of the safety plan.</summary>
    public static readonly CareTaskKind SafetyReassessment = new(nameof(SafetyReassessment)) { Page = "safety" };

    /// <summary>Informing the parties of a missing episode.</summary>
    public static readonly CareTaskKind InformAboutMissingEpisode = new(nameof(InformAboutMissingEpisode)) { Page = "safety", MustFinishBeforeClosing = true };

    /// <summary>Acute medical care after a missing episode.</summary>
    public static readonly CareTaskKind AcuteMedicalCare = new(nameof(AcuteMedicalCare)) { Page = "safety", MustFinishBeforeClosing = true };
}
