using Traject.Web.Modules.FuturePlans;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Continuity;

/// <summary>One period on the overview's time axis; <c>To</c> is null while it lasts.</summary>
internal sealed record OverviewBar(string Label, DateOnly From, DateOnly? To);

/// <summary>A row of the overview: the coordinator, a placement with its phases, its time-outs, or one organisation with its professionals.</summary>
internal sealed record OverviewLane(string Kind, string Label, IReadOnlyList<OverviewBar> Bars);

/// <summary>Where she is now: the current placement, its phase and what that phase allows.</summary>
internal sealed record OverviewCurrentPhase(
    Guid PlacementId,
    string Programme,
    string Organisation,
    PlacementSetting Setting,
    int Phase,
    string PhaseName,
    RestrictionLevel Phone,
    RestrictionLevel Internet,
    RestrictionLevel Leave,
    RestrictionLevel NetworkContact,
    DateOnly? TimeOutUntil);

internal sealed record OverviewTask(Guid Id, CareTaskKind Kind, string Owner, DateOnly DueOn, bool IsOverdue);

internal sealed record TrajectoryOverview(
    Guid TrajectoryId,
    TrajectoryStatus Status,
    DateOnly From,
    DateOnly To,
    DateOnly Today,
    IReadOnlyList<OverviewLane> Lanes,
    IReadOnlyList<OverviewCurrentPhase> Current,
    IReadOnlyList<OverviewTask> OpenTasks,
    PlanProgress FuturePlan,
    ContinuityView Continuity);

/// <summary>
/// The whole trajectory at a glance: a time axis with the coordinator, every placement with its phases and time-outs,
/// and every organisation involved; the current phase and its restrictions, the open tasks, the future plan's progress
/// and turning 18.
/// </summary>
internal sealed class TrajectoryOverviews(TrajectoryQueries queries, CareTasks tasks, PlacementRecords placements, FuturePlans.FuturePlans plans,
    ContinuityChecklists checklists, TimeProvider time)
{
    public const string CoordinatorLane = "coordinator";
    public const string PlacementLane = "placement";
    public const string TimeOutLane = "timeout";
    public const string OrganisationLane = "organisation";

    public async Task<Result<TrajectoryOverview>> GetAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var detail = await queries.GetAsync(actor, trajectoryId, ct);
        if (!detail.IsSuccess)
        {
            return detail.Error!;
        }

        var taskList = await tasks.ListAsync(actor, trajectoryId, ct);
        var placementList = await placements.ListAsync(actor, trajectoryId, ct);
        var continuity = await checklists.GetAsync(actor, trajectoryId, ct);
        if (!taskList.IsSuccess || !placementList.IsSuccess || !continuity.IsSuccess)
        {
            return Error.NotFound();
        }

        return Compose(detail.Value, placementList.Value, taskList.Value, await plans.ProgressAsync(trajectoryId, ct), continuity.Value, time.Today());
    }

    /// <summary>Puts the overview together from what the dossier has loaded already.</summary>
    public static TrajectoryOverview Compose(TrajectoryDetail d, IReadOnlyList<PlacementView> placementList, IReadOnlyList<CareTaskView> taskList,
        PlanProgress progress, ContinuityView continuity, DateOnly today)
    {
        var to = d.ClosedAt is { } closed ? DateOnly.FromDateTime(closed.ToLocal().DateTime) : today;
        var lanes = new List<OverviewLane>
        {
            new(CoordinatorLane, "Coordinator", d.CoordinatorHistory.OrderBy(c => c.Since)
                .Select(c => new OverviewBar(c.Coordinator.Name, Day(c.Since), c.Until is { } u ? Day(u) : null)).ToList()),
        };
        foreach (var p in placementList.OrderBy(p => p.StartedOn))
        {
            var steps = p.PhaseHistory.OrderBy(h => h.StartedOn).ToList();
            var bars = steps.Count == 0
                ? [new OverviewBar(p.Programme.Name, p.StartedOn, p.EndedOn)]
                : steps.Select((h, i) => new OverviewBar($"{h.Phase}. {h.Name}", h.StartedOn,
                    i + 1 < steps.Count ? steps[i + 1].StartedOn.AddDays(-1) : p.EndedOn)).ToList();
            lanes.Add(new OverviewLane(PlacementLane, $"{p.Programme.Name} · {p.Organisation}", bars));
            if (p.TimeOuts.Count > 0)
            {
                lanes.Add(new OverviewLane(TimeOutLane, p.Programme.Name,
                    p.TimeOuts.OrderBy(x => x.StartsOn).Select(x => new OverviewBar(x.Place ?? p.Programme.Name, x.StartsOn, x.EndsOn)).ToList()));
            }
        }

        lanes.AddRange(d.CareTeam.GroupBy(m => m.Organisation).OrderBy(g => g.Min(m => m.From)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OverviewLane(OrganisationLane, g.Key, g.OrderBy(m => m.From)
                .Select(m => new OverviewBar(m.ProfessionalId is null ? g.Key : m.Name, m.From, m.To)).ToList())));
        var open = taskList.Where(t => t.CompletedAt is null)
            .Select(t => new OverviewTask(t.Id, t.Kind, t.Owner.Name, t.DueOn, t.IsOverdue)).ToList();
        var from = lanes.SelectMany(l => l.Bars).Select(b => b.From).Append(d.StartedOn).Min();
        var current = placementList.Where(p => p.IsCurrent).OrderBy(p => p.StartedOn)
            .Select(p => new OverviewCurrentPhase(p.Id, p.Programme.Name, p.Organisation, p.Setting, p.CurrentPhase.Order, p.CurrentPhase.Name,
                p.CurrentPhase.Phone, p.CurrentPhase.Internet, p.CurrentPhase.Leave, p.CurrentPhase.NetworkContact, p.CurrentTimeOut?.EndsOn))
            .ToList();
        return new TrajectoryOverview(d.Id, d.Status, from, to < from ? from : to, today, lanes, current, open, progress, continuity);
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToLocal().DateTime);
}
