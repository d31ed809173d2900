using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Triage;

namespace Traject.Web.Pages.Quality;

/// <summary>Quality figures of triage for the professional's own organisation, for designated experts and quality officers.</summary>
internal sealed class TriageModel(TriageQuality quality) : AppPageModel
{
    [FromQuery]
    public string? From { get; set; }

    [FromQuery]
    public string? To { get; set; }

    public TriageQualityView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = await ActorAsync();
        if (!TriageQuality.MayRead(actor))
        {
            await quality.GetAsync(actor, null, null, HttpContext.RequestAborted); // audits the refusal
            return NotAllowed();
        }

        ReplaceBindingErrors();
        var result = await quality.GetAsync(actor, From, To, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            View = result.Value;
            return Page();
        }

        return Fail(result.Error!, Page, "Period");
    }
}
