using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Emergency;

namespace Traject.Web.Pages.Emergency;

/// <summary>Emergency access ("break the glass") to one dossier, by pseudonym and with a reason.</summary>
internal sealed class BreakTheGlassModel(EmergencyAccesses service) : AppPageModel
{
    internal sealed class InputModel
    {
        public string? Pseudonym { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() =>
        Modules.Trajectories.Access.AccessPolicy.MayUseEmergencyAccess(await ActorAsync()) ? Page() : NotAllowed();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await service.GrantAsync(await ActorAsync(), Input.Pseudonym ?? string.Empty,
            new EmergencyAccessRequest(Input.Reason), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{result.Value.TrajectoryId}");
        }

        if (result.Error!.Kind == Common.ErrorKind.NotFound)
        {
            ModelState.AddModelError("Input.Pseudonym", L["No open trajectory with this pseudonym."]);
            return Page();
        }

        return Fail(result.Error, Page);
    }
}
