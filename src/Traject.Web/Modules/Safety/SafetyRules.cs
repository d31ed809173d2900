
namespace Traject.Web.Modules.Safety;

/// <summary>The overall safety level of a young person, from least to most urgent.</summary>
internal enum SafetyLevel
{
    Low,
    Elevated,
    High,
    Acute,
}

/// <summary>The items of the safety assessment (core element 5 and 6): where danger can come from.</summary>
internal enum SafetyItem
{
    ExploiterAndNetwork,
    OnlineThreatsAndImages,
    RunningAway,
    DangerAtHome,
    DangerInGroup,
    AcuteMedicalNeed,
}

/// <summary>How serious the professional rates one item.</summary>
internal enum Concern
{
    None,
    Some,
    Serious,
    Immediate,
}

/// <summary>The level the rules suggest, with the reasons in the order they were applied (stored message templates).</summary>
internal sealed record LevelSuggestion(SafetyLevel Level, IReadOnlyList<string> Reasons);

/// <summary>
/// Suggests the overall safety level from the item ratings and the recent missing episodes. Pure: no clock, no I/O.
/// The professional sets the level; a level other than the suggestion needs a reason.
/// </summary>
internal static class SafetyLevelRule
{
    public const int DeviationReasonMinLength = 20;

    /// <summary>Missing episodes that started this many days back or less count as recent.</summary>
    public const int RecentEpisodeDays = 90;

    public static LevelSuggestion Suggest(IReadOnlyDictionary<SafetyItem, Concern> ratings, int recentMissingEpisodes)
    {
        var reasons = new List<string>();
        var level = SafetyLevel.Low;

        void Raise(SafetyLevel to, string template, params object[] args)
        {
            reasons.Add(Text.Encode(template, args));
            if (to > level)
            {
                level = to;
            }
        }

        Concern Of(SafetyItem item) => ratings.GetValueOrDefault(item, Concern.None);

        foreach (var item in Enum.GetValues<SafetyItem>().Where(i => Of(i) == Concern.Immediate))
        {
            Raise(SafetyLevel.Acute, "Immediate danger: {0}", item);
        }

        if (Of(SafetyItem.ExploiterAndNetwork) == Concern.Serious && Of(SafetyItem.RunningAway) >= Concern.Serious)
        {
            Raise(SafetyLevel.Acute, "The exploiter's pull is serious and so is the risk that she runs away");
        }

        foreach (var item in Enum.GetValues<SafetyItem>().Where(i => Of(i) == Concern.Serious))
        {
            Raise(SafetyLevel.High, "Serious concern: {0}", item);
        }

        var some = Enum.GetValues<SafetyItem>().Count(i => Of(i) == Concern.Some);
        if (some >= 3)
        {
            Raise(SafetyLevel.High, "Concern on {0} items together", some);
        }
        else if (some > 0)
        {
            Raise(SafetyLevel.Elevated, "Concern on {0} items", some);
        }

        if (recentMissingEpisodes >= 2)
        {
            Raise(SafetyLevel.High, "{0} missing episodes in the last {1} days", recentMissingEpisodes, RecentEpisodeDays);
        }
        else if (recentMissingEpisodes == 1)
        {
            Raise(SafetyLevel.Elevated, "A missing episode in the last {0} days", RecentEpisodeDays);
        }

        if (reasons.Count == 0)
        {
            reasons.Add("No concern on any item");
        }

        return new LevelSuggestion(level, reasons);
    }

    /// <summary>Whether the level set needs a reason: it differs from the suggestion.</summary>
    public static bool NeedsReason(SafetyLevel suggested, SafetyLevel set) => suggested != set;
}

/// <summary>Where the re-assessment of a young person's safety stands today.</summary>
internal enum ReassessmentState
{
    NotDue,
    Due,
    Overdue,
}

/// <summary>
/// When safety must be assessed again: at least every three months, and within a week of every phase change after the
/// last assessment. Without any assessment, the first is due a week after the trajectory started. Pure; the caller passes
/// a phase change only when it happened after the last assessment (a change earlier the same day was taken into account).
/// </summary>
internal static class ReassessmentSchedule
{
    public const int MonthsBetween = 3;
    public const int DaysAfterPhaseChange = 7;
    public const int DaysAfterStart = 7;

    /// <summary>How many days before the due date it shows as due.</summary>
    public const int DueWindowDays = 14;

    public static DateOnly DueOn(DateOnly? lastAssessedOn, DateOnly startedOn, DateOnly? lastPhaseChangeOn)
    {
        if (lastAssessedOn is not { } last)
        {
            return startedOn.AddDays(DaysAfterStart);
        }

        var due = last.AddMonths(MonthsBetween);
        if (lastPhaseChangeOn is { } phase && phase >= last)
        {
            var afterPhase = phase.AddDays(DaysAfterPhaseChange);
            due = afterPhase < due ? afterPhase : due;
        }

        return due;
    }

    /// <summary>
    /// Whether the latest assessment is current: it is not overdue for re-assessment (due soon still counts). Other
    /// modules that must wait for a current assessment, such as matched care, ask this.
    /// </summary>
    public static bool IsCurrent(ReassessmentState state) => state != ReassessmentState.Overdue;

    public static ReassessmentState State(DateOnly dueOn, DateOnly today) =>
        today > dueOn ? ReassessmentState.Overdue
        : today >= dueOn.AddDays(-DueWindowDays) ? ReassessmentState.Due
        : ReassessmentState.NotDue;
}
