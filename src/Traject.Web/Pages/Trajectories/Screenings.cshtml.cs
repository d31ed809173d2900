using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>The dossier's screenings, newest first, with the way to record one.</summary>
internal sealed class ScreeningsModel(TrajectoryQueries queries, Screenings screenings) : DossierSectionModel
{
    public TrajectoryDetail Detail { get; private set; } = null!;
    public IReadOnlyList<ScreeningSummary> Screenings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await ViewAsync(async actor =>
    {
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        var list = detail.IsSuccess ? await screenings.ListAsync(actor, Id, HttpContext.RequestAborted) : default;
        if (!detail.IsSuccess || !list.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        Screenings = list.Value;
        Nav = DossierNav.For(Detail, DossierNav.Screenings);
        return null;
    }) ?? Page();
}
