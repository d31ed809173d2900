using System.ComponentModel.DataAnnotations;

namespace Traject.Web.Modules.Handovers;

/// <summary>The <c>Handover</c> configuration section.</summary>
internal sealed class HandoverOptions
{
    public const string Section = "Handover";

    /// <summary>How many days after acceptance the leaving organisation's team keeps access (the last day included).</summary>
    [Range(0, 365)]
    public int LeavingAccessDays { get; set; } = 30;
}
