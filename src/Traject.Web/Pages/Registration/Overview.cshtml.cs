using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Registration;

namespace Traject.Web.Pages.Registration;

/// <summary>Internal registration of the professional's own organisation, for designated experts and quality officers.</summary>
internal sealed class OverviewModel(RegistrationOverview overview) : AppPageModel
{
    [FromQuery]
    public string? From { get; set; }

    [FromQuery]
    public string? To { get; set; }

    public RegistrationOverviewView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = await ActorAsync();
        if (!RegistrationOverview.MayRead(actor))
        {
            await overview.GetAsync(actor, null, null, HttpContext.RequestAborted); // audits the refusal
            return NotAllowed();
        }

        ReplaceBindingErrors();
        var result = await overview.GetAsync(actor, From, To, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            View = result.Value;
            return Page();
        }

        return Fail(result.Error!, Page, "Period");
    }
}
