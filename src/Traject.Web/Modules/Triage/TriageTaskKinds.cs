using Traject.Web.Modules.Tasks;

namespace Traject.Web.Modules.Triage;

/// <summary>The kinds of task the triage module owns.</summary>
internal static class TriageTaskKinds
{
    /// <summary>Referral for triage and a matched care choice: the last step of the step plan.</summary>
    public static readonly CareTaskKind ReferralForTriage = new(nameof(ReferralForTriage)) { Page = "recommendation" };

    /// <summary>The (three-monthly) problem analysis.</summary>
    public static readonly CareTaskKind ProblemAnalysis = new(nameof(ProblemAnalysis)) { Page = "analyses" };
}
