using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Emergency;

namespace Traject.Web.Pages.Emergency;

/// <summary>
/// Emergency access ("break the glass") to one dossier, by pseudonym and with a reason. Without the pseudonym she finds
/// the young person first by name and date of birth (a search of its own, audited as such) and picks her pseudonym.
/// </summary>
internal sealed class BreakTheGlassModel(EmergencyAccesses service) : AppPageModel
{
    internal sealed class InputModel
    {
        public string? Pseudonym { get; set; }
        public string? Reason { get; set; }
    }

    internal sealed class SearchModel
    {
        public string? Name { get; set; }
        public DateOnly? DateOfBirth { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public SearchModel Search { get; set; } = new();

    /// <summary>The candidates of the last search by name and date of birth; null when none was made.</summary>
    public EmergencyCandidates? Candidates { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? pseudonym)
    {
        if (!Modules.Trajectories.Access.AccessPolicy.MayUseEmergencyAccess(await ActorAsync()))
        {
            return NotAllowed();
        }

        Input.Pseudonym = pseudonym;
        return Page();
    }

    public async Task<IActionResult> OnPostSearchAsync()
    {
        ModelState.Remove("Input.Pseudonym");
        ModelState.Remove("Input.Reason");
        ReplaceBindingErrors();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await service.SearchAsync(await ActorAsync(), new EmergencySearchRequest(Search.Name, Search.DateOfBirth), HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return Fail(result.Error!, Page, prefix: "Search");
        }

        Candidates = result.Value;
        return Page();
    }

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
