
namespace Traject.Web.Modules.Placements;

/// <summary>What the dossier warns about for a placement.</summary>
internal enum PlacementWarning
{
    /// <summary>The placement has lasted (or lasted) longer than the programme's maximum duration.</summary>
    ExceedsMaximumDuration,

    /// <summary>The planned end lies beyond the programme's maximum duration.</summary>
    PlannedEndBeyondMaximum,

    /// <summary>A residential placement whose next place and receiving organisation are still not named after the deadline.</summary>
    NextStepOverdue,

    /// <summary>Her age at the start was outside the programme's target ages.</summary>
    AgeOutsideTargetGroup,
}

/// <summary>The facts of one placement the warnings are computed from.</summary>
internal sealed record PlacementFacts(
    DateOnly StartedOn,
    DateOnly? PlannedEndOn,
    DateOnly? EndedOn,
    int? MaxDurationWeeks,
    DateOnly? NextStepDueOn,
    bool NextStepNamed,
    int AgeAtStart,
    int? MinAge,
    int? MaxAge);

/// <summary>
/// The pure rules of placements: duration, the next-step deadline, phase moves and time-outs. No I/O; dates in, decisions out.
/// </summary>
internal static class PlacementRules
{
    /// <summary>Every setting but outpatient care means she lives there: "plan the next step from day one" applies.</summary>
    public static bool IsResidential(PlacementSetting setting) => setting != PlacementSetting.Outpatient;

    /// <summary>A closed time-out happens inside a placement that is not closed itself, where she lives.</summary>
    public static bool AllowsTimeOut(PlacementSetting setting) =>
        setting is PlacementSetting.Open or PlacementSetting.SemiClosed or PlacementSetting.FosterFamily or PlacementSetting.FamilyHome;

    /// <summary>The date by which the next place must be named, or null for a placement that is not residential.</summary>
    public static DateOnly? NextStepDue(PlacementSetting setting, DateOnly startedOn, int days) =>
        IsResidential(setting) ? startedOn.AddDays(days) : null;

    /// <summary>The last day within the programme's maximum duration, or null when it has none.</summary>
    public static DateOnly? MaximumEnd(DateOnly startedOn, int? maxDurationWeeks) =>
        maxDurationWeeks is { } weeks ? startedOn.AddDays(weeks * 7) : null;

    public static IReadOnlyList<PlacementWarning> Warnings(PlacementFacts p, DateOnly today)
    {
        var warnings = new List<PlacementWarning>();
        if (MaximumEnd(p.StartedOn, p.MaxDurationWeeks) is { } maximum)
        {
            var last = p.EndedOn ?? today;
            if (last > maximum)
            {
                warnings.Add(PlacementWarning.ExceedsMaximumDuration);
            }
            else if (p.EndedOn is null && p.PlannedEndOn > maximum)
            {
                warnings.Add(PlacementWarning.PlannedEndBeyondMaximum);
            }
        }

        if (p.EndedOn is null && !p.NextStepNamed && p.NextStepDueOn < today)
        {
            warnings.Add(PlacementWarning.NextStepOverdue);
        }

        if ((p.MinAge is { } min && p.AgeAtStart < min) || (p.MaxAge is { } max && p.AgeAtStart > max))
        {
            warnings.Add(PlacementWarning.AgeOutsideTargetGroup);
        }

        return warnings;
    }

    /// <summary>
    /// Whether she may move from the current phase to another phase of the programme on a date: a phase that exists
    /// and is not the current one, on or after the day the current phase began and not in the future. Going back needs a note.
    /// </summary>
    public static Error? CheckPhaseMove(int current, DateOnly currentSince, int target, int phaseCount, DateOnly on, string? note, DateOnly today)
    {
        if (target < 1 || target > phaseCount)
        {
            return Error.Invalid("phase", "The programme has no such phase.");
        }

        if (target == current)
        {
            return Error.Conflict("She is already in this phase.");
        }

        if (on > today)
        {
            return Error.Invalid("startedOn", "The date cannot be in the future.");
        }

        if (on < currentSince)
        {
            return Error.Invalid("startedOn", "The new phase cannot start before the current phase began.");
        }

        if (target < current && string.IsNullOrWhiteSpace(note))
        {
            return Error.Invalid("note", "Explain why she goes back to an earlier phase.");
        }

        return null;
    }

    /// <summary>
    /// Whether a closed time-out may be recorded: inside a placement that allows one, within its period, no longer than
    /// the maximum and not overlapping another time-out.
    /// </summary>
    public static Error? CheckTimeOut(PlacementSetting setting, DateOnly placementStart, DateOnly startsOn, DateOnly endsOn,
        IEnumerable<(DateOnly StartsOn, DateOnly EndsOn)> existing, int maxDays)
    {
        if (!AllowsTimeOut(setting))
        {
            return Error.Conflict("A time-out is for a placement that is not closed itself, where she lives.");
        }

        if (endsOn < startsOn)
        {
            return Error.Invalid("endsOn", "The end date cannot be before the start date.");
        }

        if (startsOn < placementStart)
        {
            return Error.Invalid("startsOn", "A time-out cannot start before the placement.");
        }

        if (endsOn.DayNumber - startsOn.DayNumber + 1 > maxDays)
        {
            return Error.Invalid("endsOn", Text.Encode("A time-out lasts at most {0} days; a longer stay is a new placement.", maxDays));
        }

        if (existing.Any(t => t.StartsOn <= endsOn && startsOn <= t.EndsOn))
        {
            return Error.Conflict("This time-out overlaps another time-out of the placement.");
        }

        return null;
    }

    /// <summary>Whether a placement may end on a date: not before it started and not in the future.</summary>
    public static Error? CheckEnd(DateOnly startedOn, DateOnly endedOn, DateOnly today)
    {
        if (endedOn < startedOn)
        {
            return Error.Invalid("endedOn", "The end date cannot be before the start date.");
        }

        return endedOn > today ? Error.Invalid("endedOn", "The end date cannot be in the future.") : null;
    }
}
