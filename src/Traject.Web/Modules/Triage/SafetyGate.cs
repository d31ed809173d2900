using System.Globalization;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Screening;

namespace Traject.Web.Modules.Triage;

/// <summary>
/// Matched care respects safety: when the screening's weighing classified her as a suspected victim or in acute danger,
/// no programme is recommended until her safety has a current assessment (one that is not overdue for re-assessment,
/// <see cref="ReassessmentSchedule.IsCurrent"/>), since the setting she needs follows from it. Pure; messages are stored
/// templates rendered in the reader's language.
/// </summary>
internal static class SafetyGate
{
    /// <summary>Whether the classification asks for her safety to be assessed before care is matched.</summary>
    public static bool AsksForSafety(Classification? final) => final is Classification.Suspected or Classification.Acute;

    /// <summary>Why the recommendation waits, or null when it can be given.</summary>
    /// <param name="final">The final classification of her latest decided screening, or null when none is decided.</param>
    /// <param name="lastAssessedOn">The day of her latest safety assessment, or null when there is none.</param>
    /// <param name="state">Where the re-assessment stands today.</param>
    /// <param name="dueOn">When the re-assessment is (or was) due.</param>
    public static string? Withheld(Classification? final, DateOnly? lastAssessedOn, ReassessmentState state, DateOnly dueOn)
    {
        if (!AsksForSafety(final))
        {
            return null;
        }

        if (lastAssessedOn is null)
        {
            return Text.Encode("The screening concluded: {0}. Matched care waits for a safety assessment: assess her safety first.", final!);
        }

        return ReassessmentSchedule.IsCurrent(state)
            ? null
            : Text.Encode("The screening concluded: {0}. Matched care waits for a current safety assessment: the re-assessment was due on {1}.",
                final!, dueOn.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
    }
}
