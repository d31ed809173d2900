using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Continuity;

internal sealed record ContinuityItemView(ContinuityItem Item, ContinuityState State, string? Note);

internal sealed record ContinuityView(
    bool Applies, DateOnly Birthday, DateOnly ShowsFrom, bool IsComplete, bool CanChange, IReadOnlyList<ContinuityItemView> Items, long Version);

internal sealed record ContinuityItemInput(ContinuityItem? Item, ContinuityState? State, string? Note);

internal sealed record UpdateContinuityRequest(IReadOnlyList<ContinuityItemInput>? Items, long? Version);

/// <summary>
/// Turning 18: the continuity checklist of a trajectory and the rule that a trajectory of someone turning 18 does
/// not close before it is complete. Everyone who may open the dossier reads it; the coordinator and the designated
/// expert of the lead organisation fill it in. Completing it completes the coordinator's task.
/// </summary>
internal sealed class ContinuityChecklists(TrajectDb db, TimeProvider time, IOptions<TurningEighteenOptions> options, DossierDoor door,
    TaskList tasks, TimelineWriter timeline)
{
    private int Months => options.Value.MonthsBefore;

    private static string Link(Guid id) => $"/trajectories/{id}/overview#continuity";

    public async Task<Result<ContinuityView>> GetAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, ContinuityAuditActions.ContinuityRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var t = opened.Value.Trajectory;
        var checklist = await db.ContinuityChecklists.AsNoTracking().Include(c => c.Items).SingleOrDefaultAsync(c => c.TrajectoryId == t.Id, ct);
        // The lead organisation's designated expert who is also in the team reads as a member and still fills it in.
        return View(t, checklist, AccessPolicy.CanManage(actor, t) && !t.IsClosed);
    }

    public async Task<Result<ContinuityView>> UpdateAsync(Actor actor, Guid trajectoryId, UpdateContinuityRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var version = v.Required("version", request.Version);
        var changes = new Dictionary<ContinuityItem, (ContinuityState State, string? Note)>();
        if (request.Items is not { Count: > 0 })
        {
            v.Add("items", "This field is required.");
        }
        else
        {
            for (var i = 0; i < request.Items.Count; i++)
            {
                var input = request.Items[i];
                var item = v.Enum($"items[{i}].item", input?.Item);
                var state = v.Enum($"items[{i}].state", input?.State);
                var note = v.OptionalText($"items[{i}].note", input?.Note, ContinuityChecklistItem.NoteMaxLength);
                if (state is ContinuityState.Arranged or ContinuityState.NotNeeded && note is null)
                {
                    v.Add($"items[{i}].note", "Say what is arranged, or why it is not needed.");
                }

                if (input?.Item is not null && !changes.TryAdd(item, (state, note)))
                {
                    v.Add($"items[{i}].item", "Each item once.");
                }
            }
        }

        var opened = await door.OpenForChangeAsync(actor, trajectoryId, DossierOperation.Steer, ContinuityAuditActions.ContinuityChanged, v, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        var dateOfBirth = t.YoungPerson!.DateOfBirth;
        if (!TurningEighteen.Applies(dateOfBirth, t.StartedOn, time.Today(), Months))
        {
            return Error.Conflict(Text.Encode("The continuity checklist starts on {0}, {1} months before her 18th birthday.",
                TurningEighteen.ChecklistFrom(dateOfBirth, Months).ToString("dd-MM-yyyy", null), Months));
        }

        var checklist = await db.ContinuityChecklists.Include(c => c.Items).SingleOrDefaultAsync(c => c.TrajectoryId == t.Id, ct);
        if ((checklist?.Version ?? 0) != version)
        {
            return Error.Stale();
        }

        checklist ??= Start(t.Id, t.CoordinatorId, dateOfBirth, actor.Id);
        var wasComplete = checklist.IsComplete;
        foreach (var (item, change) in changes)
        {
            var row = checklist.Items.Single(x => x.Item == item);
            row.State = change.State;
            row.Note = change.Note;
        }

        checklist.UpdatedAt = time.GetUtcNow();
        checklist.UpdatedById = actor.Id;
        if (checklist.IsComplete && !wasComplete && checklist.TaskId is { } taskId)
        {
            await tasks.FinishAsync(actor, taskId, null, ct);
        }

        timeline.Add(t.Id, actor, ContinuityTimelineKinds.Continuity, Link(t.Id), "Continuity at 18: {0} of {1} items settled",
            checklist.Items.Count(x => x.State != ContinuityState.Open), checklist.Items.Count);
        dossier.Audit(ContinuityAuditActions.ContinuityChanged, nameof(ContinuityChecklist), checklist.Id);
        if (db.Entry(checklist).State != EntityState.Added)
        {
            db.Entry(checklist).Property(c => c.Version).OriginalValue = version;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else changed it, or started it at the same moment (one checklist per trajectory).
            return Error.Stale();
        }

        return View(t, checklist, true);
    }

    /// <summary>
    /// Null when the trajectory may close; otherwise why not: she is turning 18 (or has, during this trajectory) and the
    /// checklist is not complete. A trajectory never ends silently on her birthday.
    /// </summary>
    public async Task<Error?> RefuseClosingAsync(Trajectory t, DateOnly dateOfBirth, CancellationToken ct)
    {
        if (!TurningEighteen.Applies(dateOfBirth, t.StartedOn, time.Today(), Months))
        {
            return null;
        }

        var checklist = await db.ContinuityChecklists.AsNoTracking().Include(c => c.Items).SingleOrDefaultAsync(c => c.TrajectoryId == t.Id, ct);
        return checklist?.IsComplete == true
            ? null
            : Error.Conflict(Text.Encode(
                "She turns 18 on {0}. Complete the continuity checklist (extended youth care, adult services, housing, income, who coordinates) before closing the trajectory.",
                TurningEighteen.Birthday(dateOfBirth).ToString("dd-MM-yyyy", null)));
    }

    /// <summary>Starts the checklist and the coordinator's task (added to the unit of work, not saved).</summary>
    internal ContinuityChecklist Start(Guid trajectoryId, Guid coordinatorId, DateOnly dateOfBirth, Guid createdBy)
    {
        var task = tasks.AddOnBehalf(trajectoryId, ContinuityTaskKinds.PlanContinuityAtEighteen, coordinatorId,
            TurningEighteen.TaskDueOn(dateOfBirth, time.Today()), createdBy);
        var checklist = ContinuityChecklist.Start(trajectoryId, time.GetUtcNow());
        checklist.TaskId = task.Id;
        db.ContinuityChecklists.Add(checklist);
        return checklist;
    }

    private ContinuityView View(Trajectory t, ContinuityChecklist? checklist, bool canChange)
    {
        var dateOfBirth = t.YoungPerson!.DateOfBirth;
        var items = Enum.GetValues<ContinuityItem>().Select(i => checklist?.Items.SingleOrDefault(x => x.Item == i) is { } row
            ? new ContinuityItemView(i, row.State, row.Note)
            : new ContinuityItemView(i, ContinuityState.Open, null)).ToList();
        var applies = TurningEighteen.Applies(dateOfBirth, t.StartedOn, time.Today(), Months);
        return new ContinuityView(applies, TurningEighteen.Birthday(dateOfBirth), TurningEighteen.ChecklistFrom(dateOfBirth, Months),
            checklist?.IsComplete == true, canChange && applies, items, checklist?.Version ?? 0);
    }
}
