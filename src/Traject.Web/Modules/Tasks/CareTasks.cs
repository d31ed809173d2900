using Microsoft.EntityFrameworkCore;
using Traject.Web.Common;
using Traject.Web.Common.Access;
using Traject.Web.Common.Auditing;
using Traject.Web.Data;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;
using Traject.Web.Modules.Timeline;

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
internal sealed class CareTasks(TrajectDb db, TimeProvider time, TrajectoryGate gate, AuditLog audit, TimelineWriter timeline)
{
    public async Task<Result<IReadOnlyList<CareTaskView>>> ListAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var (t, basis) = await gate.OpenAsync(actor, trajectoryId, AuditActions.TaskRead, ct);
        if (t is null)
        {
            return Error.NotFound();
        }

        var tasks = await db.CareTasks.AsNoTracking().Where(x => x.TrajectoryId == trajectoryId).ToListAsync(ct);
        var people = await PersonRefs.LoadAsync(db, tasks.Select(x => x.OwnerId)
            .Concat(tasks.Where(x => x.CompletedById is not null).Select(x => x.CompletedById!.Value)), ct);
        var today = time.Today();
        var manages = AccessPolicy.CanManage(actor, t);
        await audit.RecordAsync(actor, AuditActions.TaskRead, nameof(Trajectory), t.Id, t.YoungPerson!.PseudonymCode, basis, ct: ct);
        return tasks
            .OrderBy(x => x.IsDone).ThenBy(x => x.IsDone ? default : x.DueOn).ThenByDescending(x => x.CompletedAt).ThenBy(x => x.Kind)
            .Select(x => new CareTaskView(x.Id, x.Kind, people[x.OwnerId], x.DueOn, x.IsOverdue(today), x.CompletedAt,
                x.CompletedById is { } by ? people[by] : null, x.CompletionNote, x.Version,
                !x.IsDone && x.Kind != CareTaskKind.FollowUpContact && (manages || x.OwnerId == actor.Id), !x.IsDone && manages))
            .ToList();
    }

    public async Task<Result<Changed>> CompleteAsync(Actor actor, Guid trajectoryId, Guid taskId, CompleteTaskRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var note = v.OptionalText("note", request.Note, CareTask.NoteMaxLength);
        var version = v.Required("version", request.Version);
        var (t, basis) = await gate.OpenAsync(actor, trajectoryId, AuditActions.TaskChanged, ct);
        var task = t is null ? null : await db.CareTasks.SingleOrDefaultAsync(x => x.Id == taskId && x.TrajectoryId == trajectoryId, ct);
        if (t is null || task is null)
        {
            return Error.NotFound();
        }

        if (task.OwnerId != actor.Id && !AccessPolicy.CanManage(actor, t))
        {
            await audit.RecordAsync(actor, AuditActions.TaskChanged, nameof(CareTask), task.Id, t.YoungPerson!.PseudonymCode, basis, AuditOutcomes.Denied, ct);
            return Error.Forbidden("Only the owner of the task, the coordinator or the designated expert can mark it done.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (task.Kind == CareTaskKind.FollowUpContact && !task.IsDone)
        {
            return Error.Conflict("Record the outcome of the follow-up contact; that finishes the task.");
        }

        if (task.Version != version)
        {
            return Error.Stale();
        }

        if (task.Complete(actor.Id, note, time.GetUtcNow()) is { } rule)
        {
            return rule;
        }

        timeline.Add(t.Id, actor, TaskTimeline.Done, TaskList.Link(t.Id), "Task done: {0}", task.Kind);
        audit.Add(actor, AuditActions.TaskChanged, nameof(CareTask), task.Id, t.YoungPerson!.PseudonymCode, basis);
        return await SaveAsync(task, version, ct);
    }

    public async Task<Result<Changed>> PlanAsync(Actor actor, Guid trajectoryId, Guid taskId, PlanTaskRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var owner = v.Id("ownerId", request.OwnerId);
        var dueOn = v.Required("dueOn", request.DueOn);
        var version = v.Required("version", request.Version);
        var (t, basis) = await gate.OpenAsync(actor, trajectoryId, AuditActions.TaskChanged, ct);
        var task = t is null ? null : await db.CareTasks.SingleOrDefaultAsync(x => x.Id == taskId && x.TrajectoryId == trajectoryId, ct);
        if (t is null || task is null)
        {
            return Error.NotFound();
        }

        if (!AccessPolicy.CanManage(actor, t))
        {
            await audit.RecordAsync(actor, AuditActions.TaskChanged, nameof(CareTask), task.Id, t.YoungPerson!.PseudonymCode, basis, AuditOutcomes.Denied, ct);
            return Error.Forbidden("Only the coordinator or the designated expert of the lead organisation can do this.");
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
        timeline.Add(t.Id, actor, TaskTimeline.Planned, TaskList.Link(t.Id), "Task {0}: {1}, due {2}", task.Kind, name,
            dueOn.ToString("yyyy-MM-dd", null));
        audit.Add(actor, previousOwner == owner ? AuditActions.TaskChanged : AuditActions.TaskReassigned, nameof(CareTask), task.Id,
            t.YoungPerson!.PseudonymCode, basis);
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
