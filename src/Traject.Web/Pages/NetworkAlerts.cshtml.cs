using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Network;

namespace Traject.Web.Pages;

/// <summary>The designated expert's overlap alerts: her organisation's young people whose network overlaps another's.</summary>
internal sealed class NetworkAlertsModel(NetworkAlerts alerts) : AppPageModel
{
    public IReadOnlyList<NetworkAlertView> Alerts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await alerts.ListAsync(await ActorAsync(), HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return NotAllowed(); // only designated experts receive them
        }

        Alerts = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostDismissAsync(Guid? alertId, string? reason, long? version)
    {
        var result = await alerts.DismissAsync(await ActorAsync(), alertId ?? Guid.Empty, new DismissAlertRequest(reason, version), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect("/network-alerts");
        }

        if (result.Error!.Kind is ErrorKind.NotFound)
        {
            return NotFound();
        }

        if (result.Error.Kind is ErrorKind.Forbidden)
        {
            return NotAllowed();
        }

        ModelState.Clear();
        foreach (var message in result.Error.Fields?.SelectMany(f => f.Value) ?? [result.Error.Message])
        {
            ModelState.AddModelError(string.Empty, L.Render(message));
        }

        return await OnGetAsync();
    }
}
