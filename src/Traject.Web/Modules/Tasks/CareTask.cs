
namespace Traject.Web.Modules.Tasks;

/// <summary>A task in a trajectory: one owner, a due date, done once with an optional note.</summary>
internal sealed class CareTask : IVersioned
{
    public const int NoteMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public CareTaskKind Kind { get; set; }
    public Guid OwnerId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public Guid? CompletedById { get; set; }
    public string? CompletionNote { get; set; }
    public long Version { get; set; }

    public bool IsDone => CompletedAt is not null;

    public bool IsOverdue(DateOnly today) => !IsDone && DueOn < today;

    public Error? Complete(Guid by, string? note, DateTimeOffset now)
    {
        if (IsDone)
        {
            return Error.Conflict("This task is already done.");
        }

        CompletedAt = now;
        CompletedById = by;
        CompletionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return null;
    }

    public Error? Plan(Guid owner, DateOnly dueOn, DateOnly today)
    {
        if (IsDone)
        {
            return Error.Conflict("This task is already done.");
        }

        if (dueOn < today && dueOn != DueOn)
        {
            return Error.Invalid("dueOn", "A new due date cannot be in the past.");
        }

        OwnerId = owner;
        DueOn = dueOn;
        return null;
    }
}
