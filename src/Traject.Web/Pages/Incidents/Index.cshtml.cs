using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Pages.Incidents;

/// <summary>
/// Incidents in groups: care professionals record one (by pseudonyms of the young people concerned); quality officers
/// and designated experts see the organisation's list and record the actions taken.
/// </summary>
internal sealed class IndexModel(GroupIncidents incidents, AccessPolicy access) : AppPageModel
{
    public bool MayRecord { get; private set; }
    public bool MayReview { get; private set; }
    public IReadOnlyList<GroupIncidentView> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync(GroupIncidentKind? kind, DateOnly? occurredOn, string? group, string? description, string? actionsTaken,
        string? pseudonyms, IncidentRole? role)
    {
        ModelState.Clear();
        var actor = await ActorAsync();
        var links = new List<IncidentLinkRequest?>();
        foreach (var code in (pseudonyms ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(GroupIncident.MaxLinks + 1))
        {
            // Only young people the professional may open can be linked; an unknown code is reported as such.
            var wanted = code.ToUpperInvariant();
            var trajectory = await access.VisibleTrajectories(actor).Where(t => t.YoungPerson!.PseudonymCode == wanted)
                .OrderByDescending(t => t.OpenedAt).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(HttpContext.RequestAborted);
            if (trajectory is null)
            {
                ModelState.AddModelError(string.Empty, L["Unknown pseudonym, or not a young person you may open."] + " " + code);
                return await LoadAsync() ?? Page();
            }

            links.Add(new IncidentLinkRequest(trajectory, role ?? IncidentRole.Affected));
        }

        var result = await incidents.RecordAsync(actor, new RecordIncidentRequest(kind, occurredOn, group, description, actionsTaken, links), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect("/incidents?recorded=1");
        }

        var failed = Fail(result.Error!, Page, "Incident");
        foreach (var message in result.Error!.Fields?.SelectMany(f => f.Value) ?? [])
        {
            ModelState.AddModelError(string.Empty, L.Render(message));
        }

        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    public async Task<IActionResult> OnPostActionsAsync(Guid incidentId, string? actionsTaken, long? version)
    {
        ModelState.Clear();
        var result = await incidents.UpdateActionsAsync(await ActorAsync(), incidentId, new IncidentActionsRequest(actionsTaken, version), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect("/incidents");
        }

        var failed = Fail(result.Error!, Page, "Actions");
        foreach (var message in result.Error!.Fields?.SelectMany(f => f.Value) ?? [])
        {
            ModelState.AddModelError(string.Empty, L.Render(message));
        }

        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await ActorAsync();
        MayRecord = GroupIncidents.MayRecord(actor);
        MayReview = GroupIncidents.MayReview(actor);
        if (!MayRecord && !MayReview)
        {
            return NotAllowed();
        }

        if (MayReview)
        {
            var list = await incidents.ListAsync(actor, HttpContext.RequestAborted);
            Items = list.IsSuccess ? list.Value : [];
        }

        return null;
    }
}
