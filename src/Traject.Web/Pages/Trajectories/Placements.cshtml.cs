using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>The dossier's placements, the current first, each with its phase, restrictions, time-out and next step.</summary>
internal sealed class PlacementsModel(TrajectoryQueries queries, PlacementRecords placements) : DossierSectionModel
{
    public TrajectoryDetail Detail { get; private set; } = null!;
    public IReadOnlyList<PlacementView> Placements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await ViewAsync(async actor =>
    {
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        var list = detail.IsSuccess ? await placements.ListAsync(actor, Id, HttpContext.RequestAborted) : default;
        if (!detail.IsSuccess || !list.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        Placements = list.Value;
        Nav = DossierNav.For(Detail, DossierNav.Placements);
        return null;
    }) ?? Page();
}
