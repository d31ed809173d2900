using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Timeline;

namespace Traject.Web.Modules.Trajectories;

/// <summary>The facts that move a trajectory on by themselves (labelled <c>LifecycleCause.Name</c> on the timeline).</summary>
internal enum LifecycleCause
{
    /// <summary>A weighing made a classification of suspected final.</summary>
    SuspectedConfirmed,

    /// <summary>A weighing made a classification of acute final.</summary>
    AcuteConfirmed,

    /// <summary>A care programme was chosen.</summary>
    CareChosen,

    /// <summary>A placement started.</summary>
    PlacementStarted,

    /// <summary>The last placement ended and an aftercare plan exists.</summary>
    CareEnded,
}

/// <summary>
/// The trajectory's life: the facts move it on by themselves (a confirmed suspicion, a care choice or a placement into
/// care; the end of the last placement with an aftercare plan into aftercare), each move on the timeline with its
/// cause; and what keeps it from closing, gathered from every module's <see cref="IClosingGuard"/>. Closing itself ends
/// the care team's memberships on the day, each on the timeline; the subscribers to <see cref="TrajectoryClosed"/> end
/// or plan the rest in the same transaction.
/// </summary>
internal sealed class TrajectoryLifecycle(TrajectDb db, TimeProvider time, TimelineWriter timeline, IEnumerable<IClosingGuard> guards)
{
    private static string Link(Guid id) => $"/trajectories/{id}";

    /// <summary>
    /// Moves the trajectory to <paramref name="to"/> because of a fact, when the lifecycle moves that way by itself from
    /// where it is now; otherwise nothing happens. Saved with the caller's change. Returns whether it moved.
    /// </summary>
    public bool Advance(Trajectory trajectory, TrajectoryStatus to, LifecycleCause cause, Actor actor, string basis)
    {
        var t = Tracked(trajectory);
        var from = t.Status;
        if (!t.MoveByFact(to))
        {
            return false;
        }

        timeline.Add(t.Id, actor, TrajectoriesTimelineKinds.StatusChanged, Link(t.Id), "Status moved by itself from {0} to {1}: {2}",
            from, to, cause);
        t.Raise(new TrajectoryStatusChanged(t, actor, from, basis));
        return true;
    }

    /// <summary>
    /// The instance the unit of work tracks for this trajectory: the one given (attached when a use case read it without
    /// tracking) or the one already tracked, so that the move is saved with the caller's change.
    /// </summary>
    private Trajectory Tracked(Trajectory t)
    {
        if (db.Entry(t).State != EntityState.Detached)
        {
            return t;
        }

        if (db.Trajectories.Local.FirstOrDefault(x => x.Id == t.Id) is { } tracked)
        {
            return tracked;
        }

        db.Trajectories.Attach(t);
        return t;
    }

    /// <summary>Everything that keeps the trajectory from closing now, from every module, in the order of the guards.</summary>
    public async Task<IReadOnlyList<ClosingObstacle>> ObstaclesAsync(Trajectory t, CancellationToken ct)
    {
        var all = new List<ClosingObstacle>();
        foreach (var guard in guards)
        {
            all.AddRange(await guard.ObstaclesAsync(t, ct));
        }

        return all;
    }

    /// <summary>
    /// The refusal when obstacles remain (an argued early close passes those an early close may pass), or null.
    /// </summary>
    public static Error? Refusal(IReadOnlyList<ClosingObstacle> obstacles, bool arguedEarlyClose)
    {
        var left = obstacles.Where(o => !(arguedEarlyClose && o.EarlyCloseMayPass)).ToList();
        if (left.Count == 0)
        {
            return null;
        }

        var message = !arguedEarlyClose && left.All(o => o.EarlyCloseMayPass)
            ? "The trajectory cannot close yet: the aftercare is not over. An argued early close, co-signed by the designated expert, is possible."
            : "The trajectory cannot close yet. Deal with these first:";
        return Error.Conflict(message, left.Select(o => new ErrorReason(o.Message, o.Link)).ToList());
    }

    /// <summary>
    /// Closes the trajectory (status, closing reason, memberships) and tells the modules; the caller has checked the
    /// obstacles and saves.
    /// </summary>
    public async Task<Error?> CloseAsync(Trajectory t, Actor actor, string basis, string reason, CancellationToken ct)
    {
        var from = t.Status;
        var now = time.GetUtcNow();
        if (t.ChangeStatus(TrajectoryStatus.Closed, reason, now) is { } rule)
        {
            return rule;
        }

        timeline.Add(t.Id, actor, TrajectoriesTimelineKinds.StatusChanged, Link(t.Id), "Status changed from {0} to {1}", from, TrajectoryStatus.Closed);
        // The memberships the closing ended are those it stamped with this moment.
        foreach (var member in t.CareTeam.Where(m => m.EndedAt == now))
        {
            var name = await PersonRefs.MemberNameAsync(db, member.ProfessionalId, member.OrganisationId, ct);
            timeline.Add(t.Id, actor, TrajectoriesTimelineKinds.MemberEnded, Link(t.Id), "{0} left the care team with the closing", name);
        }

        t.Raise(new TrajectoryStatusChanged(t, actor, from, basis));
        t.Raise(new TrajectoryClosed(t, actor, from, basis));
        return null;
    }
}
