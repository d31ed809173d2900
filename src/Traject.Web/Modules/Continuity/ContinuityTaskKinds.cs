using Traject.Web.Modules.Tasks;

namespace Traject.Web.Modules.Continuity;

/// <summary>The kinds of task the continuity module owns.</summary>
internal static class ContinuityTaskKinds
{
    /// <summary>Planning the continuity of care at eighteen (the checklist).</summary>
    public static readonly CareTaskKind PlanContinuityAtEighteen = new(nameof(PlanContinuityAtEighteen)) { Page = "overview#continuity" };
}
