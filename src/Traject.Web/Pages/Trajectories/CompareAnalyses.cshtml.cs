using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Triage;

namespace Traject.Web.Pages.Trajectories;

/// <summary>Two analyses side by side; the rows that differ are marked.</summary>
internal sealed class CompareAnalysesModel(ProblemAnalyses analyses, TrajectoryQueries queries) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Left { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Right { get; set; }

    public TrajectoryDetail Detail { get; private set; } = null!;
    public AnalysisComparison? Comparison { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = await ActorAsync();
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!detail.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return Page();
        }

        var result = await analyses.CompareAsync(actor, Id, Left, Right, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return Fail(result.Error!, Page, "Compare");
        }

        Comparison = result.Value;
        return Page();
    }
}
