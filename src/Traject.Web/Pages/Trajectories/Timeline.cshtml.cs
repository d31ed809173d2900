using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>The dossier's whole timeline, newest first, filtered by kind of event and paged.</summary>
internal sealed class TimelineModel(TrajectoryQueries queries) : DossierSectionModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>The page asked for (from 1); "page" is only read from the query, the route's own "page" is the page's name.</summary>
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public TimelinePage Timeline { get; private set; } = null!;

    public int Pages => Math.Max(1, (Timeline.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync() => await ViewAsync(async actor =>
    {
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!detail.IsSuccess)
        {
            return NotFound();
        }

        Kind = TimelineKinds.All.Contains(Kind) ? Kind : null;
        var timeline = await queries.TimelineAsync(actor, Id, Kind, Math.Max(1, PageNumber ?? 1), PageSize, HttpContext.RequestAborted);
        if (!timeline.IsSuccess)
        {
            return NotFound();
        }

        Timeline = timeline.Value;
        Nav = DossierNav.For(detail.Value, DossierNav.Timeline);
        return null;
    }) ?? Page();

    /// <summary>The address of another page of the same selection.</summary>
    public string PageHref(int page) => $"/trajectories/{Id}/timeline?page={page}" + (Kind is null ? "" : "&kind=" + Uri.EscapeDataString(Kind));
}
