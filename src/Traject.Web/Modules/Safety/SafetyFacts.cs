using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Safety;

/// <summary>
/// Safety facts other modules and lists read, without access checks of their own (the caller has opened the
/// trajectory through the door): the current level, the re-assessment due date, recent missing episodes, the regions.
/// </summary>
internal static class SafetyFacts
{
    /// <summary>Timeline kinds that count as a phase change of the trajectory for the re-assessment rule.</summary>
    public static readonly IReadOnlyList<string> PhaseChangeKinds = [TrajectoriesTimelineKinds.StatusChanged, PlacementsTimelineKinds.PlacementStarted, PlacementsTimelineKinds.PlacementPhase];

    /// <summary>The same as <see cref="PhaseChangeKinds"/> as a filter a compiled query can carry (it takes no list).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<TimelineEvent, bool>> IsPhaseChange = e =>
        e.Kind == TrajectoriesTimelineKinds.StatusChanged || e.Kind == PlacementsTimelineKinds.PlacementStarted || e.Kind == PlacementsTimelineKinds.PlacementPhase;

    /// <summary>The level set in the trajectory's latest safety assessment, or null when there is none.</summary>
    public static Task<SafetyLevel?> LatestLevelAsync(TrajectDb db, Guid trajectoryId, CancellationToken ct) =>
        db.SafetyAssessments.Where(a => a.TrajectoryId == trajectoryId).OrderByDescending(a => a.AssessedAt).ThenByDescending(a => a.Id)
            .Select(a => (SafetyLevel?)a.Level).FirstOrDefaultAsync(ct);

    /// <summary>Whether a parent may be involved in the exploitation (false until someone says so).</summary>
    public static Task<bool> ParentMayBeInvolvedAsync(TrajectDb db, Guid trajectoryId, CancellationToken ct) =>
        db.SafetyContexts.Where(c => c.TrajectoryId == trajectoryId).Select(c => c.ParentMayBeInvolved).FirstOrDefaultAsync(ct);

    public static Task<int> RecentMissingEpisodesAsync(TrajectDb db, Guid trajectoryId, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddDays(-SafetyLevelRule.RecentEpisodeDays);
        return db.MissingEpisodes.CountAsync(e => e.TrajectoryId == trajectoryId && e.LastSeenAt >= since, ct);
    }

    public static Task<DateTimeOffset?> LastPhaseChangeAtAsync(TrajectDb db, Guid trajectoryId, CancellationToken ct)
    {
        var kinds = PhaseChangeKinds.ToList();
        return db.TimelineEvents.Where(e => e.TrajectoryId == trajectoryId && kinds.Contains(e.Kind))
            .OrderByDescending(e => e.OccurredAt).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>The due date from the moments themselves: a phase change counts when it came after the last assessment.</summary>
    public static DateOnly DueOn(DateTimeOffset? lastAssessedAt, DateOnly startedOn, DateTimeOffset? lastPhaseChangeAt) =>
        ReassessmentSchedule.DueOn(
            lastAssessedAt is { } a ? DateOnly.FromDateTime(a.ToLocal().DateTime) : null,
            startedOn,
            lastPhaseChangeAt is { } p && (lastAssessedAt is null || p > lastAssessedAt) ? DateOnly.FromDateTime(p.ToLocal().DateTime) : null);

    public static async Task<(DateOnly DueOn, ReassessmentState State, DateOnly? LastAssessedOn, DateOnly? LastPhaseChangeOn)> ReassessmentAsync(
        TrajectDb db, Trajectory t, DateOnly today, CancellationToken ct)
    {
        var lastAt = await db.SafetyAssessments.Where(a => a.TrajectoryId == t.Id).OrderByDescending(a => a.AssessedAt)
            .Select(a => (DateTimeOffset?)a.AssessedAt).FirstOrDefaultAsync(ct);
        var phaseAt = await LastPhaseChangeAtAsync(db, t.Id, ct);
        var due = DueOn(lastAt, t.StartedOn, phaseAt);
        return (due, ReassessmentSchedule.State(due, today), lastAt is { } a ? DateOnly.FromDateTime(a.ToLocal().DateTime) : null,
            phaseAt is { } p ? DateOnly.FromDateTime(p.ToLocal().DateTime) : null);
    }

    /// <summary>
    /// The region she is in now: that of the organisation carrying out her current placement (a residential one first),
    /// else that of the organisation leading her trajectory.
    /// </summary>
    public static async Task<Guid> CurrentRegionIdAsync(TrajectDb db, Trajectory t, DateOnly today, CancellationToken ct)
    {
        var placed = await (from p in db.Placements
                            join o in db.Organisations on p.OrganisationId equals o.Id
                            where p.TrajectoryId == t.Id && p.EndedOn == null && p.StartedOn <= today
                            orderby p.Setting == Placements.PlacementSetting.Outpatient, p.StartedOn descending
                            select (Guid?)o.RegionId).FirstOrDefaultAsync(ct);
        return placed ?? await db.Organisations.Where(o => o.Id == t.LeadOrganisationId).Select(o => o.RegionId).SingleAsync(ct);
    }

    public static async Task<RegionPolice> RegionPoliceAsync(TrajectDb db, Guid regionId, CancellationToken ct)
    {
        var name = await db.Regions.Where(r => r.Id == regionId).Select(r => r.Name).SingleAsync(ct);
        var police = await db.Organisations.Where(o => o.RegionId == regionId && o.Kind == OrganisationKind.Police && o.IsActive)
            .Select(o => o.Name).ToListAsync(ct);
        return new RegionPolice(regionId, name, police);
    }

    /// <summary>
    /// After a phase change the safety re-assessment is due within a week: the open re-assessment task moves forward, or
    /// one is created when the trajectory has been assessed before. Part of the caller's unit of work.
    /// </summary>
    public static async Task PhaseChangedAsync(TrajectDb db, TimelineWriter timeline, TaskList tasks, Actor actor, Trajectory t, DateOnly today,
        CancellationToken ct)
    {
        if (t.IsClosed || !await db.SafetyAssessments.AnyAsync(a => a.TrajectoryId == t.Id, ct))
        {
            return;
        }

        var due = today.AddDays(ReassessmentSchedule.DaysAfterPhaseChange);
        if (!await tasks.BringForwardAsync(t.Id, SafetyTaskKinds.SafetyReassessment, due, ct))
        {
            tasks.Add(t.Id, SafetyTaskKinds.SafetyReassessment, t.CoordinatorId, due, actor);
        }
    }
}
