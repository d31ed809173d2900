using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Tasks;

internal sealed record CareTaskView(
    Guid Id,
    CareTaskKind Kind,
    PersonRef Owner,
    DateOnly DueOn,
    bool IsOverdue,
    DateTimeOffset? CompletedAt,
    PersonRef? CompletedBy,
    string? CompletionNote,
    long Version,
    bool CanComplete,
    bool CanPlan);

internal sealed record CompleteTaskRequest(string? Note, long? Version);

internal sealed record PlanTaskRequest(Guid? OwnerId, DateOnly? DueOn, long? Version);

/// <summary>
/// The tasks of a trajectory. Everyone who may open the dossier sees them; the owner, the coordinator and the
/// designated expert mark one done; only the coordinator and the designated expert hand one to someone else or move
/// its due date, and only to the coordinator or a professional in the care team.
/// </summary>
internal sealed class CareTasks(TrajectDb db, TimeProvider time, DossierDoor door, TimelineWriter timeline)
{
    public async Task<Result<IReadOnlyList<CareTaskView>>> ListAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var read = await door.ReadAsync(actor, trajectoryId, TasksAuditActions.TaskRead, ct);
        if (read.Error is { } refused)
        {
            return refused;
        }

        var tasks = await db.CareTasks.AsNoTracking().Where(x => x.TrajectoryId == trajectoryId).ToListAsync(ct);
        var people = await PersonRefs.LoadAsync(db, tasks.Select(x => x.OwnerId)
            .Concat(tasks.Where(x => x.CompletedById is not null).Select(x => x.CompletedById!.Value)), ct);
        var today = time.Today();
        var manages = AccessPolicy.CanManage(actor, read.Value.Trajectory);
        return tasks
            .OrderBy(x => x.IsDone).ThenBy(x => x.IsDone ? default : x.DueOn).ThenByDescending(x => x.CompletedAt).ThenBy(x => x.Kind)
            .Select(x => new CareTaskView(x.Id, x.Kind, people[x.OwnerId], x.DueOn, x.IsOverdue(today), x.CompletedAt,
                x.CompletedById is { } by ? people[by] : null, x.CompletionNote, x.Version,
                !x.IsDone && x.Kind.DoneByRecording is null && (manages || x.OwnerId == actor.Id), !x.IsDone && manages && !read.Value.IsClosed))
            .ToList();
    }

    public async Task<Result<Changed>> CompleteAsync(Actor actor, Guid trajectoryId, Guid taskId, CompleteTaskRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var note = v.OptionalText("note", request.Note, CareTask.NoteMaxLength);
        var version = v.Required("version", request.Version);
        var about = new AuditObject(nameof(CareTask), taskId);
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, TasksAuditActions.TaskChanged, ct, about: about);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var task = await db.CareTasks.SingleOrDefaultAsync(x => x.Id == taskId && x.TrajectoryId == trajectoryId, ct);
        if (task is null)
        {
            return Error.NotFound();
        }

        // Someone else's task is marked done only by those who steer the trajectory (the door audits the refusal).
        if (task.OwnerId != actor.Id && !dossier.Allows(DossierOperation.Steer)
            && (await door.OpenAsync(actor, trajectoryId, DossierOperation.Steer, TasksAuditActions.TaskChanged, ct, about: about)).Error is not null)
        {
            return Error.Forbidden("Only the owner of the task, the coordinator or the designated expert can mark it done.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (task.Kind.DoneByRecording is { } recordInstead && !task.IsDone)
        {
            return Error.Conflict(recordInstead);
        }

        if (task.Version != version)
        {
            return Error.Stale();
        }

        if (task.Complete(actor.Id, note, time.GetUtcNow()) is { } rule)
        {
            return rule;
        }

        timeline.Add(dossier.Id, actor, TasksTimelineKinds.TaskDone, TaskList.Link(dossier.Id), "Task done: {0}", task.Kind);
        dossier.Audit(TasksAuditActions.TaskChanged, nameof(CareTask), task.Id);
        return await SaveAsync(task, version, ct);
    }

    public async Task<Result<Changed>> PlanAsync(Actor actor, Guid trajectoryId, Guid taskId, PlanTaskRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var owner = v.Id("ownerId", request.OwnerId);
        var dueOn = v.Required("dueOn", request.DueOn);
        var version = v.Required("version", request.Version);
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Steer, TasksAuditActions.TaskChanged, ct,
            about: new AuditObject(nameof(CareTask), taskId));
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;
        var task = await db.CareTasks.SingleOrDefaultAsync(x => x.Id == taskId && x.TrajectoryId == trajectoryId, ct);
        if (task is null)
        {
            return Error.NotFound();
        }

        // After closing nothing is re-planned: the follow-ups that outlive it stay with whoever keeps them.
        if (dossier.IsClosed)
        {
            return DossierDoor.Closed;
        }

        var today = time.Today();
        var now = time.GetUtcNow();
        if (owner != Guid.Empty && owner != t.CoordinatorId && !await db.CareTeamMemberships.AnyAsync(m => m.TrajectoryId == t.Id
                && m.ProfessionalId == owner && m.From <= today && (m.To == null || m.To >= today) && (m.EndedAt == null || m.EndedAt > now), ct))
        {
            v.Add("ownerId", "A task goes to the coordinator or a professional in the care team.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (task.Version != version)
        {
            return Error.Stale();
        }

        var previousOwner = task.OwnerId;
        if (task.Plan(owner, dueOn, today) is { } rule)
        {
            return rule;
        }

        var name = await db.Users.Where(u => u.Id == owner).Select(u => u.DisplayName).SingleAsync(ct);
        timeline.Add(t.Id, actor, TasksTimelineKinds.TaskPlanned, TaskList.Link(t.Id), "Task {0}: {1}, due {2}", task.Kind, name,
            dueOn.ToString("yyyy-MM-dd", null));
        dossier.Audit(previousOwner == owner ? TasksAuditActions.TaskChanged : TasksAuditActions.TaskReassigned, nameof(CareTask), task.Id);
        return await SaveAsync(task, version, ct);
    }

    private async Task<Result<Changed>> SaveAsync(CareTask task, long expected, CancellationToken ct)
    {
        db.Entry(task).Property(x => x.Version).OriginalValue = expected;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        return new Changed(task.Id, task.Version);
    }
}
