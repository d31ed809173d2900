using Microsoft.EntityFrameworkCore;
using Traject.Web.Common.Access;
using Traject.Web.Data;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Tasks;

/// <summary>
/// Finishing the open tasks a recorded fact answers (a screening finishes "screen at intake", a registration decision
/// its task, …): each marked done by the professional who recorded it, with its timeline event, saved with her change.
/// </summary>
internal static class OpenTasks
{
    public static string Link(Guid trajectoryId) => $"/trajectories/{trajectoryId}#tasks";

    /// <summary>Finishes every open task of this kind.</summary>
    public static async Task FinishAllAsync(TrajectDb db, Timeline timeline, Actor actor, Guid trajectoryId, CareTaskKind kind, DateTimeOffset now,
        CancellationToken ct)
    {
        foreach (var task in await db.CareTasks.Where(x => x.TrajectoryId == trajectoryId && x.Kind == kind && x.CompletedAt == null).ToListAsync(ct))
        {
            Finish(timeline, actor, task, now);
        }
    }

    /// <summary>Finishes the open task of this kind that is due first, if there is one.</summary>
    public static async Task FinishFirstAsync(TrajectDb db, Timeline timeline, Actor actor, Guid trajectoryId, CareTaskKind kind, DateTimeOffset now,
        CancellationToken ct)
    {
        var task = await db.CareTasks.Where(x => x.TrajectoryId == trajectoryId && x.Kind == kind && x.CompletedAt == null)
            .OrderBy(x => x.DueOn).FirstOrDefaultAsync(ct);
        if (task is not null)
        {
            Finish(timeline, actor, task, now);
        }
    }

    private static void Finish(Timeline timeline, Actor actor, CareTask task, DateTimeOffset now)
    {
        if (task.Complete(actor.Id, null, now) is null)
        {
            timeline.Add(task.TrajectoryId, actor, TimelineKinds.TaskDone, Link(task.TrajectoryId), "Task done: {0}", task.Kind);
        }
    }
}
