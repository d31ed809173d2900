using System.ComponentModel.DataAnnotations;

namespace Traject.Web.Modules.Continuity;

/// <summary>Settings for turning 18 (section <c>TurningEighteen</c>).</summary>
internal sealed class TurningEighteenOptions
{
    public const string Section = "TurningEighteen";

    /// <summary>How many months before her 18th birthday the continuity checklist and the coordinator's task start.</summary>
    [Range(1, 24)]
    public int MonthsBefore { get; set; } = 9;

    /// <summary>How often the app looks for trajectories whose checklist is due; zero turns the background look off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ScanEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How many trajectories one step of a run looks at: each step reads, starts and commits its checklists on its own,
    /// in a fresh unit of work, so a run over a large database holds no more than this in memory (docs/adr/0027).
    /// </summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// The 18-plus schedule, without I/O. Her 18th birthday is the date <see cref="Common.Clock.AgeOn"/> counts her as 18:
/// someone born on 29 February turns 18 on 28 February in a year that is not a leap year. The checklist starts a
/// number of months before that day (on the last day of a shorter month when the day does not exist) and applies to a
/// trajectory that started before the birthday; once due it stays until the trajectory closes.
/// </summary>
internal static class TurningEighteen
{
    /// <summary>The task is due three months before the birthday, or two weeks after it starts when that is later.</summary>
    public const int TaskMonthsBeforeBirthday = 3;
    public const int TaskMinimumDays = 14;

    public static DateOnly Birthday(DateOnly dateOfBirth) => dateOfBirth.AddYears(18);

    public static DateOnly ChecklistFrom(DateOnly dateOfBirth, int monthsBefore) => Birthday(dateOfBirth).AddMonths(-monthsBefore);

    /// <summary>Whether a trajectory started on <paramref name="startedOn"/> shows the checklist on <paramref name="today"/>.</summary>
    public static bool Applies(DateOnly dateOfBirth, DateOnly startedOn, DateOnly today, int monthsBefore) =>
        startedOn < Birthday(dateOfBirth) && today >= ChecklistFrom(dateOfBirth, monthsBefore);

    public static DateOnly TaskDueOn(DateOnly dateOfBirth, DateOnly today)
    {
        var planned = Birthday(dateOfBirth).AddMonths(-TaskMonthsBeforeBirthday);
        var earliest = today.AddDays(TaskMinimumDays);
        return planned > earliest ? planned : earliest;
    }
}
