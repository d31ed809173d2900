using Microsoft.EntityFrameworkCore;
using Traject.Web.Common;
using Traject.Web.Common.Access;
using Traject.Web.Data;
using Traject.Web.Modules.FuturePlans;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Continuity;

/// <summary>One period on the overview's time axis; <c>To</c> is null while it lasts.</summary>
internal sealed record OverviewBar(string Label, DateOnly From, DateOnly? To);

/// <summary>A row of the overview: the coordinator, or one organisation with its professionals.</summary>
internal sealed record OverviewLane(string Kind, string Label, IReadOnlyList<OverviewBar> Bars);

internal sealed record OverviewTask(Guid Id, CareTaskKind Kind, string Owner, DateOnly DueOn, bool IsOverdue);

internal sealed record TrajectoryOverview(
    Guid TrajectoryId,
    TrajectoryStatus Status,
    DateOnly From,
    DateOnly To,
    DateOnly Today,
    IReadOnlyList<OverviewLane> Lanes,
    IReadOnlyList<OverviewTask> OpenTasks,
    PlanProgress FuturePlan,
    ContinuityView Continuity);

/// <summary>
/// The whole trajectory at a glance: a time axis with the coordinator and every organisation involved, the open
/// tasks, the future plan's progress and turning 18.
/// </summary>
internal sealed class TrajectoryOverviews(TrajectoryQueries queries, CareTasks tasks, FuturePlans.FuturePlans plans, ContinuityChecklists checklists,
    TimeProvider time)
{
    public const string CoordinatorLane = "coordinator";
    public const string OrganisationLane = "organisation";

    public async Task<Result<TrajectoryOverview>> GetAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var detail = await queries.GetAsync(actor, trajectoryId, ct);
        if (!detail.IsSuccess)
        {
            return detail.Error!;
        }

        var taskList = await tasks.ListAsync(actor, trajectoryId, ct);
        var continuity = await checklists.GetAsync(actor, trajectoryId, ct);
        if (!taskList.IsSuccess || !continuity.IsSuccess)
        {
            return Error.NotFound();
        }

        return Compose(detail.Value, taskList.Value, await plans.ProgressAsync(trajectoryId, ct), continuity.Value, time.Today());
    }

    /// <summary>Puts the overview together from what the dossier has loaded already.</summary>
    public static TrajectoryOverview Compose(TrajectoryDetail d, IReadOnlyList<CareTaskView> taskList, PlanProgress progress,
        ContinuityView continuity, DateOnly today)
    {
        var to = d.ClosedAt is { } closed ? DateOnly.FromDateTime(closed.ToLocal().DateTime) : today;
        var lanes = new List<OverviewLane>
        {
            new(CoordinatorLane, "Coordinator", d.CoordinatorHistory.OrderBy(c => c.Since)
                .Select(c => new OverviewBar(c.Coordinator.Name, Day(c.Since), c.Until is { } u ? Day(u) : null)).ToList()),
        };
        lanes.AddRange(d.CareTeam.GroupBy(m => m.Organisation).OrderBy(g => g.Min(m => m.From)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OverviewLane(OrganisationLane, g.Key, g.OrderBy(m => m.From)
                .Select(m => new OverviewBar(m.ProfessionalId is null ? g.Key : m.Name, m.From, m.To)).ToList())));
        var open = taskList.Where(t => t.CompletedAt is null)
            .Select(t => new OverviewTask(t.Id, t.Kind, t.Owner.Name, t.DueOn, t.IsOverdue)).ToList();
        var from = lanes.SelectMany(l => l.Bars).Select(b => b.From).Append(d.StartedOn).Min();
        return new TrajectoryOverview(d.Id, d.Status, from, to < from ? from : to, today, lanes, open, progress, continuity);
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToLocal().DateTime);
}
