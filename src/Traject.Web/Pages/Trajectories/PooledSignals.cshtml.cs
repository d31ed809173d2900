using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Screening.Pooling;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>
/// Signals passed on by professionals outside the care team, for the coordinator and the lead organisation's designated
/// experts only: anyone else in her care team gets 403 with the reason, anyone outside it 404.
/// </summary>
internal sealed class PooledSignalsModel(TrajectoryQueries queries, PooledSignalQueries pooled) : DossierSectionModel
{
    public PooledSignalsView? Pooled { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await ViewAsync(async actor =>
    {
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!detail.IsSuccess)
        {
            return NotFound();
        }

        Nav = DossierNav.For(detail.Value, DossierNav.PooledSignals);
        var signals = await pooled.ListAsync(actor, Id, HttpContext.RequestAborted);
        if (signals.Error is { } refused)
        {
            return Fail(refused, Page);
        }

        Pooled = signals.Value;
        return null;
    }) ?? Page();
}
