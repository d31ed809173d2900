using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Placements;

namespace Traject.Web.Pages.Admin;

/// <summary>The catalogue for administrators: every programme, active or not, with links to publish a new version.</summary>
internal sealed class CareProgrammesModel(Modules.Placements.CareProgrammes programmes) : AppPageModel
{
    public IReadOnlyList<CareProgrammeView> Programmes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Programmes = await programmes.ListAsync(true, HttpContext.RequestAborted);
        return Page();
    }
}
