using System.ComponentModel.DataAnnotations;

namespace Traject.Web.Modules.Aftercare;

/// <summary>The <c>Aftercare</c> configuration section.</summary>
internal sealed class AftercareOptions
{
    public const string Section = "Aftercare";

    /// <summary>The shortest aftercare plan, in months (also the length a new plan proposes).</summary>
    [Range(1, AftercarePlan.MaxMonths)]
    public int MinimumMonths { get; set; } = 6;
}
