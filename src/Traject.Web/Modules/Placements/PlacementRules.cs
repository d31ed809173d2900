using Traject.Web.Modules.YoungPeople;

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

    /// <summary>
    /// The programme ends at 18 and the placement runs into her 18th birthday (its planned or expected end, or today):
    /// plan continuity with the turning-18 checklist.
    /// </summary>
    PassesEighteenthBirthday,

    /// <summary>The placement lasts, or is planned, longer than the programme's indicative duration: a guide, so a note to check the plan.</summary>
    BeyondIndicativeDuration,
}

/// <summary>How a programme's target gender meets her gender.</summary>
internal enum GenderFit
{
    /// <summary>The programme serves her gender (or everyone).</summary>
    Serves,

    /// <summary>The programme serves girls and she is a boy, or the other way round.</summary>
    NotServed,

    /// <summary>Her gender is other or unknown and the programme serves one gender: weigh it.</summary>
    Unclear,
}

/// <summary>The facts of one placement the warnings are computed from.</summary>
internal sealed record PlacementFacts(
    DateOnly StartedOn,
    DateOnly? PlannedEndOn,
    DateOnly? EndedOn,
    int? MaxDurationWeeks,
    DateOnly? NextStepDueOn,
    bool NextStepNamed,
    DateOnly DateOfBirth,
    int? MinAge,
    int? MaxAge,
    int? IndicativeDurationWeeks = null);

/// <summary>
/// The pure rules of placements: duration, the next-step deadline, phase moves and time-outs. No I/O; dates in, decisions out.
/// </summary>
internal static class PlacementRules
{
    /// <summary>The age at which youth care ends and continuity must be planned.</summary>
    public const int AdultAge = 18;

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

    /// <summary>The day the programme's indicative duration is over, or null when it names none.</summary>
    public static DateOnly? IndicativeEnd(DateOnly startedOn, int? indicativeDurationWeeks) => MaximumEnd(startedOn, indicativeDurationWeeks);

    /// <summary>
    /// Whether an age is within a programme's ages. "From 10 to 18" includes 10 and ends at 18: the upper age is not
    /// included, so an 18-year-old does not fit a programme that ends at 18.
    /// </summary>
    public static bool AgeFits(int age, int? minAge, int? maxAge) => (minAge is not { } min || age >= min) && (maxAge is not { } max || age < max);

    /// <summary>Her 18th birthday, counted as <see cref="Clock.AgeOn"/> counts (29 February: 28 February in other years).</summary>
    public static DateOnly EighteenthBirthday(DateOnly dateOfBirth) => dateOfBirth.AddYears(AdultAge);

    /// <summary>Whether a programme ends at 18 (or earlier): her 18th birthday ends her place in it.</summary>
    public static bool EndsAtEighteen(int? maxAge) => maxAge is { } max && max <= AdultAge;

    /// <summary>Whether a programme serves her gender; a programme for one gender leaves other or unknown to be weighed.</summary>
    public static GenderFit Serves(TargetGender target, Gender gender) => (target, gender) switch
    {
        (TargetGender.All, _) => GenderFit.Serves,
        (TargetGender.Girls, Gender.Girl) or (TargetGender.Boys, Gender.Boy) => GenderFit.Serves,
        (TargetGender.Girls, Gender.Boy) or (TargetGender.Boys, Gender.Girl) => GenderFit.NotServed,
        _ => GenderFit.Unclear,
    };

    /// <summary>
    /// Whether a placement needs a confirmed indication. JeugdzorgPlus is the indication for closed youth care: needed
    /// for a placement in the closed setting, whichever programme it is in, and not for an open or semi-closed placement
    /// in a programme that also offers a closed setting. The catalogue keeps every programme with a closed setting
    /// stating it (<see cref="CheckIndication"/>), so the catalogue and the placement form say the same. An indication
    /// of another kind, should the catalogue ever name one, would be needed in every setting.
    /// </summary>
    public static bool NeedsIndication(RequiredIndication required, PlacementSetting setting) =>
        setting == PlacementSetting.Closed || (required != RequiredIndication.None && required != RequiredIndication.JeugdzorgPlus);

    /// <summary>
    /// The catalogue's side of the indication rule: a programme offered in a closed setting requires the JeugdzorgPlus
    /// indication (closed youth care), and the JeugdzorgPlus indication belongs to a programme with a closed setting.
    /// </summary>
    public static Error? CheckIndication(IReadOnlyCollection<PlacementSetting> settings, RequiredIndication required)
    {
        var closed = settings.Contains(PlacementSetting.Closed);
        if (closed && required != RequiredIndication.JeugdzorgPlus)
        {
            return Error.Invalid("requiredIndication", "A programme with a closed setting requires the closed-youth-care indication (JeugdzorgPlus).");
        }

        return !closed && required == RequiredIndication.JeugdzorgPlus
            ? Error.Invalid("requiredIndication", "The JeugdzorgPlus indication is for closed youth care: add the closed setting or choose no indication.")
            : null;
    }

    /// <summary>
    /// The end of a time-out: the given end, or two weeks (the default days, start day included) when none is given
    /// (seed 000: a closed time-out of two weeks, repeated when needed).
    /// </summary>
    public static DateOnly TimeOutEnd(DateOnly startsOn, DateOnly? endsOn, int defaultDays) => endsOn ?? startsOn.AddDays(defaultDays - 1);

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

        if (IndicativeEnd(p.StartedOn, p.IndicativeDurationWeeks) is { } indicative
            && ((p.EndedOn ?? today) > indicative || (p.EndedOn is null && p.PlannedEndOn > indicative)))
        {
            warnings.Add(PlacementWarning.BeyondIndicativeDuration);
        }

        if (p.EndedOn is null && !p.NextStepNamed && p.NextStepDueOn < today)
        {
            warnings.Add(PlacementWarning.NextStepOverdue);
        }

        if (!AgeFits(Clock.AgeOn(p.DateOfBirth, p.StartedOn), p.MinAge, p.MaxAge))
        {
            warnings.Add(PlacementWarning.AgeOutsideTargetGroup);
        }

        if (p.EndedOn is null && EndsAtEighteen(p.MaxAge) && ExpectedEnd(p, today) >= EighteenthBirthday(p.DateOfBirth))
        {
            warnings.Add(PlacementWarning.PassesEighteenthBirthday);
        }

        return warnings;
    }

    /// <summary>
    /// How long a running placement is expected to last: its planned end; without one the end of the programme's maximum
    /// or else indicative duration; never before today.
    /// </summary>
    private static DateOnly ExpectedEnd(PlacementFacts p, DateOnly today)
    {
        var end = p.PlannedEndOn ?? MaximumEnd(p.StartedOn, p.MaxDurationWeeks) ?? IndicativeEnd(p.StartedOn, p.IndicativeDurationWeeks);
        return end is { } e && e > today ? e : today;
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
