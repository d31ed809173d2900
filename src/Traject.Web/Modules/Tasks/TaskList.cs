using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Timeline;

namespace Traject.Web.Modules.Tasks;

/// <summary>
/// The tasks module's small API for the other modules: a task is created for its owner with its timeline event, and the
/// open tasks a recorded fact answers are finished (a screening finishes "screen at intake", a registration decision
/// its task, …), each by the professional who recorded it. Everything is saved with the caller's change; no other
/// module writes the task table.
/// </summary>
internal sealed class TaskList(TrajectDb db, TimelineWriter timeline, TimeProvider time, StepPlan stepPlan)
{
    public static string Link(Guid trajectoryId) => $"/trajectories/{trajectoryId}/tasks";

    /// <summary>Adds a task for its owner, with "Task created" on the timeline unless <paramref name="onTimeline"/> is false.</summary>
    public CareTask Add(Guid trajectoryId, CareTaskKind kind, Guid ownerId, DateOnly dueOn, Actor actor, bool onTimeline = true)
    {
        var task = new CareTask
        {
            TrajectoryId = trajectoryId, Kind = kind, OwnerId = ownerId, DueOn = dueOn, CreatedAt = time.GetUtcNow(), CreatedById = actor.Id,
        };
        db.CareTasks.Add(task);
        if (onTimeline)
        {
            timeline.Add(trajectoryId, actor, TasksTimelineKinds.TaskCreated, Link(trajectoryId), "Task created: {0}", kind);
        }

        return task;
    }

    /// <summary>
    /// The step plan's tasks that are not open yet, for the coordinator (see <see cref="StepPlan"/>); the caller tells
    /// the timeline in one event. Acute danger also brings open steps forward to their acute days. Returns how
    /// many tasks were added.
    /// </summary>
    public async Task<int> AddStepPlanAsync(Guid trajectoryId, Guid ownerId, bool acute, Actor actor, CancellationToken ct)
    {
        var open = await db.CareTasks.Where(x => x.TrajectoryId == trajectoryId && x.CompletedAt == null).ToListAsync(ct);
        var kinds = open.Select(x => x.Kind).ToHashSet();
        var today = time.Today();
        var added = stepPlan.Create(trajectoryId, ownerId, actor.Id, today, time.GetUtcNow(), acute, kinds).ToList();
        db.CareTasks.AddRange(added);

        if (acute)
        {
            foreach (var step in stepPlan.Steps.Where(s => s.AcuteDays is not null))
            {
                var due = today.AddDays(step.AcuteDays!.Value);
                foreach (var task in open.Where(x => x.Kind == step.Kind && x.DueOn > due))
                {
                    task.DueOn = due;
                }
            }
        }

        return added.Count;
    }

    /// <summary>The kinds of the trajectory's open tasks.</summary>
    public async Task<HashSet<CareTaskKind>> OpenKindsAsync(Guid trajectoryId, CancellationToken ct) =>
        (await db.CareTasks.Where(x => x.TrajectoryId == trajectoryId && x.CompletedAt == null).Select(x => x.Kind).ToListAsync(ct)).ToHashSet();

    /// <summary>Whether the trajectory has an open task of this kind.</summary>
    public Task<bool> HasOpenAsync(Guid trajectoryId, CareTaskKind kind, CancellationToken ct) =>
        db.CareTasks.AnyAsync(x => x.TrajectoryId == trajectoryId && x.Kind == kind && x.CompletedAt == null, ct);

    /// <summary>Finishes every open task of this kind.</summary>
    public async Task FinishAllAsync(Actor actor, Guid trajectoryId, CareTaskKind kind, CancellationToken ct)
    {
        foreach (var task in await db.CareTasks.Where(x => x.TrajectoryId == trajectoryId && x.Kind == kind && x.CompletedAt == null).ToListAsync(ct))
        {
            Finish(actor, task, null);
        }
    }

    /// <summary>Finishes the open task of this kind that is due first, if there is one.</summary>
    public async Task FinishFirstAsync(Actor actor, Guid trajectoryId, CareTaskKind kind, CancellationToken ct)
    {
        var task = await db.CareTasks.Where(x => x.TrajectoryId == trajectoryId && x.Kind == kind && x.CompletedAt == null)
            .OrderBy(x => x.DueOn).FirstOrDefaultAsync(ct);
        if (task is not null)
        {
            Finish(actor, task, null);
        }
    }

    /// <summary>
    /// Ends every open task that does not outlive the closing (see <see cref="CareTaskKind.OutlivesClosing"/>), with a
    /// note and one timeline entry each.
    /// </summary>
    public async Task EndWithClosingAsync(Guid trajectoryId, Actor actor, CancellationToken ct)
    {
        var open = await db.CareTasks.Where(x => x.TrajectoryId == trajectoryId && x.CompletedAt == null).ToListAsync(ct);
        foreach (var task in open.Where(x => !x.Kind.OutlivesClosing))
        {
            if (task.Complete(actor.Id, Closed, time.GetUtcNow()) is null)
            {
                timeline.Add(trajectoryId, actor, TasksTimelineKinds.TaskDone, Link(trajectoryId), "Task ended with the closing: {0}", task.Kind);
            }
        }
    }

    /// <summary>The note of a task that ended because the trajectory closed.</summary>
    public const string Closed = "Ended: the trajectory closed.";

    /// <summary>Finishes one task by its id (e.g. the task of a follow-up contact), with an optional note.</summary>
    public async Task FinishAsync(Actor actor, Guid taskId, string? note, CancellationToken ct)
    {
        // A task added in this same unit of work (e.g. the checklist's, made and completed on its first save) counts too.
        var task = db.CareTasks.Local.FirstOrDefault(x => x.Id == taskId && x.CompletedAt == null)
            ?? await db.CareTasks.SingleOrDefaultAsync(x => x.Id == taskId && x.CompletedAt == null, ct);
        if (task is not null)
        {
            Finish(actor, task, note);
        }
    }

    /// <summary>The owner of each task, for rules such as "the task's owner may record the outcome".</summary>
    public Task<Dictionary<Guid, Guid>> OwnersAsync(IReadOnlyCollection<Guid> taskIds, CancellationToken ct) =>
        db.CareTasks.AsNoTracking().Where(x => taskIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.OwnerId, ct);

    /// <summary>
    /// Brings the open tasks of this kind forward to the due date (those due later); false when none is open.
    /// </summary>
    public async Task<bool> BringForwardAsync(Guid trajectoryId, CareTaskKind kind, DateOnly dueOn, CancellationToken ct)
    {
        var open = await db.CareTasks.Where(x => x.TrajectoryId == trajectoryId && x.Kind == kind && x.CompletedAt == null).ToListAsync(ct);
        foreach (var task in open.Where(x => x.DueOn > dueOn))
        {
            task.DueOn = dueOn;
        }

        return open.Count > 0;
    }

    private void Finish(Actor actor, CareTask task, string? note)
    {
        if (task.Complete(actor.Id, note, time.GetUtcNow()) is null)
        {
            timeline.Add(task.TrajectoryId, actor, TasksTimelineKinds.TaskDone, Link(task.TrajectoryId), "Task done: {0}", task.Kind);
        }
    }

    /// <summary>
    /// Adds a task created without an actor at hand (a scheduled job, on the owner's behalf, or a start the caller states
    /// on the timeline itself): no timeline entry. Saved with the caller's change.
    /// </summary>
    public CareTask AddOnBehalf(Guid trajectoryId, CareTaskKind kind, Guid ownerId, DateOnly dueOn, Guid createdById)
    {
        var task = new CareTask
        {
            TrajectoryId = trajectoryId, Kind = kind, OwnerId = ownerId, DueOn = dueOn, CreatedAt = time.GetUtcNow(), CreatedById = createdById,
        };
        db.CareTasks.Add(task);
        return task;
    }
}
