
namespace Traject.Web.Modules.Aftercare;

internal enum ContactFrequency
{
    Weekly,
    Fortnightly,
    Monthly,
}

/// <summary>Practical support in aftercare.</summary>
internal enum SupportKind
{
    MoneyAndDebts,
    StudyFinance,
    WorkAndCv,
    Housing,
    Childcare,
}

/// <summary>How she was doing at a follow-up contact after the trajectory closed.</summary>
internal enum FollowUpOutcome
{
    Stable,
    NewSignals,
    VictimisedAgain,
    NotReached,
}

/// <summary>
/// The aftercare plan of a trajectory, made when residential care ends: how long (at least the configured minimum),
/// how often there is contact, the trusted professional she keeps, and the practical support she gets.
/// </summary>
internal sealed class AftercarePlan : IVersioned
{
    public const int SupportNoteMaxLength = 500;
    public const int MaxMonths = 36;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }

    /// <summary>The residential placement whose end this plan follows, when it is recorded.</summary>
    public Guid? PlacementId { get; set; }
    public DateOnly StartsOn { get; set; }
    public int Months { get; set; }
    public ContactFrequency ContactFrequency { get; set; }
    public Guid TrustedProfessionalId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedById { get; set; }
    public long Version { get; set; }

    public List<AftercareSupport> Support { get; set; } = [];

    public DateOnly EndsOn => StartsOn.AddMonths(Months);
}

/// <summary>One practical support item of an aftercare plan, with what is arranged.</summary>
internal sealed class AftercareSupport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public SupportKind Kind { get; set; }
    public string? Note { get; set; }
}

/// <summary>A follow-up contact after the trajectory closed, with its task and, once made, its outcome.</summary>
internal sealed class FollowUpContact : IVersioned
{
    public const int NoteMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public int Months { get; set; }
    public DateOnly DueOn { get; set; }
    public Guid TaskId { get; set; }
    public FollowUpOutcome? Outcome { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }
    public Guid? RecordedById { get; set; }
    public long Version { get; set; }

    /// <summary>A follow-up contact can be recorded from this many days before it is due, not earlier.</summary>
    public const int WindowDaysBefore = 14;

    /// <summary>The first day on which the contact can be recorded.</summary>
    public DateOnly WindowOpensOn => DueOn.AddDays(-WindowDaysBefore);

    public Error? Record(FollowUpOutcome outcome, string? note, Guid by, DateTimeOffset now, DateOnly today)
    {
        if (Outcome is not null)
        {
            return Error.Conflict("The outcome of this follow-up contact is already recorded.");
        }

        if (today < WindowOpensOn)
        {
            return Error.Conflict(Text.Encode("This follow-up contact can be recorded from {0}, two weeks before it is due.",
                WindowOpensOn.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture)));
        }

        Outcome = outcome;
        Note = note;
        RecordedAt = now;
        RecordedById = by;
        return null;
    }
}

/// <summary>
/// The follow-up contacts after a trajectory closes: 3, 6, 12 and 24 months. Each gets a task for the coordinator from
/// the tasks module, whose id the contact keeps.
/// </summary>
internal static class FollowUpSchedule
{
    public static readonly IReadOnlyList<int> Months = [3, 6, 12, 24];

    public static IEnumerable<FollowUpContact> Create(Guid trajectoryId, DateOnly closedOn) =>
        Months.Select(m => new FollowUpContact { TrajectoryId = trajectoryId, Months = m, DueOn = closedOn.AddMonths(m) });
}
