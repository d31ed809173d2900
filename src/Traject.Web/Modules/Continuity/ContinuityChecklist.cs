
namespace Traject.Web.Modules.Continuity;

/// <summary>What must be settled before she turns 18, so her care does not break on her birthday.</summary>
internal enum ContinuityItem
{
    /// <summary>Youth care extended to 21 (or 23).</summary>
    ExtendedYouthCare,
    AdultServices,
    Housing,
    Income,

    /// <summary>Who coordinates her care after 18.</summary>
    Coordination,
}

internal enum ContinuityState
{
    Open,
    Arranged,
    NotNeeded,
}

/// <summary>
/// The continuity checklist of one trajectory of someone turning 18, started by the schedule (or by the first change).
/// Every item is arranged or not needed, each with a note, before the trajectory may close.
/// </summary>
internal sealed class ContinuityChecklist : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public Guid? TaskId { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
    public long Version { get; set; }
    public List<ContinuityChecklistItem> Items { get; set; } = [];

    public bool IsComplete => Enum.GetValues<ContinuityItem>().All(i => Items.Any(x => x.Item == i && x.State != ContinuityState.Open));

    public static ContinuityChecklist Start(Guid trajectoryId, DateTimeOffset now)
    {
        var checklist = new ContinuityChecklist { TrajectoryId = trajectoryId, StartedAt = now };
        checklist.Items.AddRange(Enum.GetValues<ContinuityItem>().Select(i => new ContinuityChecklistItem
        {
            ChecklistId = checklist.Id, Item = i, State = ContinuityState.Open,
        }));
        return checklist;
    }
}

internal sealed class ContinuityChecklistItem
{
    public const int NoteMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChecklistId { get; set; }
    public ContinuityItem Item { get; set; }
    public ContinuityState State { get; set; }
    public string? Note { get; set; }
}
