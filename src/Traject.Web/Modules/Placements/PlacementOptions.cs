using System.ComponentModel.DataAnnotations;

namespace Traject.Web.Modules.Placements;

/// <summary>The <c>Placements</c> configuration section.</summary>
internal sealed class PlacementOptions : IValidatableObject
{
    public const string Section = "Placements";

    /// <summary>"Plan the next step from day one": days after the start of a residential placement to name the next place.</summary>
    [Range(1, 365)]
    public int NextStepDays { get; set; } = 28;

    /// <summary>The longest a closed time-out inside an open placement may last, in days.</summary>
    [Range(1, 90)]
    public int TimeOutMaxDays { get; set; } = 28;

    /// <summary>How long a closed time-out lasts when no end is given, in days, the first day included: two weeks (seed 000).</summary>
    [Range(1, 90)]
    public int TimeOutDefaultDays { get; set; } = 14;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TimeOutDefaultDays > TimeOutMaxDays)
        {
            yield return new ValidationResult("A time-out's default length cannot exceed its maximum.", [nameof(TimeOutDefaultDays)]);
        }
    }
}
