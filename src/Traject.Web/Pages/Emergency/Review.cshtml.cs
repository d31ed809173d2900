using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Emergency;

namespace Traject.Web.Pages.Emergency;

/// <summary>The designated expert's report of emergency accesses to her organisation's trajectories.</summary>
internal sealed class ReviewModel(EmergencyAccesses service) : AppPageModel
{
    public IReadOnlyList<EmergencyAccessReport> Accesses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await service.ReportAsync(await ActorAsync(), HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return NotAllowed(); // only designated experts review
        }

        Accesses = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, long? version)
    {
        var result = await service.ReviewAsync(await ActorAsync(), id, new ReviewRequest(version), HttpContext.RequestAborted);
        if (!result.IsSuccess && result.Error!.Kind == Common.ErrorKind.NotFound)
        {
            return NotFound();
        }

        if (!result.IsSuccess)
        {
            ModelState.AddModelError(string.Empty, L.Render(result.Error!.Message));
            return await OnGetAsync();
        }

        return Redirect("/emergency-accesses");
    }
}
