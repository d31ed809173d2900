using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Continuity;
using Traject.Web.Modules.FuturePlans;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>
/// The trajectory overview (who was involved when, the current phase, open tasks, the future plan's progress) and turning
/// 18: the continuity checklist with its form.
/// </summary>
internal sealed class OverviewModel(TrajectoryQueries queries, CareTasks tasks, PlacementRecords placements, FuturePlans plans,
    ContinuityChecklists continuity, TimeProvider time) : DossierSectionModel
{
    public TrajectoryDetail Detail { get; private set; } = null!;
    public TrajectoryOverview Overview { get; private set; } = null!;

    [BindProperty]
    public ContinuityInput Continuity { get; set; } = new();

    internal sealed class ContinuityInput
    {
        public List<ContinuityItemInput> Items { get; set; } = [];
        public long? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostContinuityAsync()
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return await LoadAsync() ?? Page();
        }

        var result = await continuity.UpdateAsync(await ActorAsync(), Id, new UpdateContinuityRequest(Continuity.Items, Continuity.Version),
            HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}/overview#continuity");
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page, "Continuity");
        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    private Task<IActionResult?> LoadAsync() => ViewAsync(async actor =>
    {
        var ct = HttpContext.RequestAborted;
        var detail = await queries.GetAsync(actor, Id, ct);
        if (!detail.IsSuccess)
        {
            return NotFound();
        }

        var placementList = await placements.ListAsync(actor, Id, ct);
        var taskList = await tasks.ListAsync(actor, Id, ct);
        var checklist = await continuity.GetAsync(actor, Id, ct);
        if (!placementList.IsSuccess || !taskList.IsSuccess || !checklist.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        Overview = TrajectoryOverviews.Compose(Detail, placementList.Value, taskList.Value, await plans.ProgressAsync(Id, ct), checklist.Value, time.Today());
        Nav = DossierNav.For(Detail, DossierNav.Overview);
        return null;
    });
}
