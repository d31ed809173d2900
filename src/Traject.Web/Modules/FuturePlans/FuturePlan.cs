
namespace Traject.Web.Modules.FuturePlans;

/// <summary>The life domains of the future plan, in the order the plan shows them.</summary>
internal enum LifeDomain
{
    EducationAndWork,
    Housing,
    Leisure,
    RelationshipsAndNetwork,
    HealthAndCare,
    Safety,
    Money,
}

internal enum StepStatus
{
    Planned,
    Doing,
    Done,
    Dropped,
}

/// <summary>Who takes a step: she herself, a professional, or someone from her own network (named only for the team).</summary>
internal enum StepOwnerKind
{
    YoungPerson,
    Professional,
    Network,
}

/// <summary>A goal in one life domain of a trajectory's future plan, in the young person's own words.</summary>
internal sealed class FuturePlanGoal : IVersioned
{
    public const int WordsMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public LifeDomain Domain { get; set; }
    public string InHerWords { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public long Version { get; set; }
}

/// <summary>A small concrete step towards a goal: what, who, when, and how far it is.</summary>
internal sealed class FuturePlanStep : IVersioned
{
    public const int DescriptionMaxLength = 500;
    public const int OwnerNameMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public Guid GoalId { get; set; }
    public string Description { get; set; } = string.Empty;
    public StepOwnerKind OwnerKind { get; set; }
    public Guid? OwnerProfessionalId { get; set; }

    /// <summary>The name of the person from her network who takes the step; never shown in her own printed plan.</summary>
    public string? OwnerName { get; set; }

    public DateOnly DueOn { get; set; }
    public StepStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// One change to a future plan, kept for good: who changed what and when, with the text before and after. Nothing
/// updates or deletes a row.
/// </summary>
internal sealed class FuturePlanChange
{
    public const int TextMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public Guid ChangedById { get; set; }
    public LifeDomain Domain { get; set; }

    /// <summary>The goal or step changed.</summary>
    public Guid ItemId { get; set; }

    /// <summary>A stored message (template and arguments) that says what changed, rendered in the reader's language.</summary>
    public string Summary { get; set; } = string.Empty;

    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>How far a plan or one domain of it is: steps done out of the steps that still count (dropped ones do not).</summary>
internal sealed record PlanProgress(int Done, int Total)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total, MidpointRounding.AwayFromZero);

    public static PlanProgress Of(IEnumerable<StepStatus> steps)
    {
        var counted = steps.Where(s => s != StepStatus.Dropped).ToList();
        return new PlanProgress(counted.Count(s => s == StepStatus.Done), counted.Count);
    }
}
