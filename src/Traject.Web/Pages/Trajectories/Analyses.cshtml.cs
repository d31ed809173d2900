using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Triage;

namespace Traject.Web.Pages.Trajectories;

/// <summary>The analyses of a trajectory: when the next is due, the list, starting a new one and choosing two to compare.</summary>
internal sealed class AnalysesModel(ProblemAnalyses analyses, TrajectoryQueries queries) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public TrajectoryDetail Detail { get; private set; } = null!;
    public AnalysesOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    /// <summary>Starts a new draft (a copy of the latest analysis) and opens it.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var result = await analyses.StartAsync(await ActorAsync(), Id, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}/analyses/{result.Value.Id}");
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page);
        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await ActorAsync();
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        var overview = detail.IsSuccess ? await analyses.OverviewAsync(actor, Id, HttpContext.RequestAborted) : default;
        if (!detail.IsSuccess || !overview.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        Overview = overview.Value;
        return null;
    }
}
