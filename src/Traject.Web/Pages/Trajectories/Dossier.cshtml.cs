using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Caseload;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Pages.Trajectories;

/// <summary>
/// The dossier opens on its summary: who she is, status, coordinator, current phase and restrictions, safety level, what
/// needs attention now, the next open tasks and the latest events, with the sections on pages of their own (ADR 0030).
/// </summary>
internal sealed class DossierModel(DossierSummaries summaries) : DossierSectionModel
{
    public DossierSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await ViewAsync(LoadAsync) ?? Page();

    private async Task<IActionResult?> LoadAsync(Actor actor)
    {
        var summary = await summaries.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!summary.IsSuccess)
        {
            return NotFound();
        }

        Summary = summary.Value;
        Nav = new DossierNav(Summary.Id, DossierNav.Summary, Summary.GivenName + " " + Summary.FamilyName, Summary.Pseudonym,
            Summary.CanManage, Summary.AccessBasis == AccessBasis.Emergency);
        return null;
    }
}
