using System.Text;
using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Triage;

namespace Traject.Web.Pages.YoungPeople;

/// <summary>
/// Who accessed her dossier, paged and filtered by period and organisation, with a CSV export of the selection. The
/// overview may be asked for by her parent: when a parent may be involved in the exploitation, the page names who
/// must not receive it.
/// </summary>
internal sealed class AccessModel(AccessOverview overview, ProblemAnalyses analyses) : AppPageModel
{
    public const int PageSize = 100;

    [FromRoute]
    public string Key { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Organisation { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AccessLog Log { get; private set; } = null!;
    public ParentWarning Involved { get; private set; } = new(false, []);
    public string? FilterError { get; private set; }

    public int Pages => Math.Max(1, (Log.Total + Log.PageSize - 1) / Log.PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await overview.GetAsync(await ActorAsync(), Key, Query(), export: false, HttpContext.RequestAborted);
        if (result.Error is { Kind: ErrorKind.Validation } invalid)
        {
            // An impossible filter shows the whole trail again, with the reason.
            FilterError = string.Join(" ", invalid.Fields!.Values.SelectMany(m => m).Select(L.Render));
            (From, To, Organisation, PageNumber) = (null, null, null, 1);
            result = await overview.GetAsync(await ActorAsync(), Key, Query(), export: false, HttpContext.RequestAborted);
        }

        if (!result.IsSuccess)
        {
            return result.Error!.Kind == ErrorKind.NotFound ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }

        Log = result.Value;
        Involved = await analyses.WarningForYoungPersonAsync(Log.Pseudonym, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var result = await overview.GetAsync(await ActorAsync(), Key, Query(), export: true, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return result.Error!.Kind switch
            {
                ErrorKind.NotFound => NotFound(),
                ErrorKind.Validation => BadRequest(L.Render(result.Error.Fields!.Values.First()[0])),
                _ => StatusCode(StatusCodes.Status403Forbidden),
            };
        }

        return File(Encoding.UTF8.GetBytes(AccessOverview.ToCsv(result.Value)), "text/csv; charset=utf-8", $"access-{result.Value.Pseudonym}.csv");
    }

    /// <summary>The address of another page with the same filter.</summary>
    public string Link(int page, string? handler = null)
    {
        var query = new List<string>();
        if (handler is not null)
        {
            query.Add("handler=" + handler);
        }

        if (From is { } from)
        {
            query.Add("From=" + from.ToString("yyyy-MM-dd", null));
        }

        if (To is { } to)
        {
            query.Add("To=" + to.ToString("yyyy-MM-dd", null));
        }

        if (Organisation is { } organisation)
        {
            query.Add("Organisation=" + organisation);
        }

        if (page > 1)
        {
            query.Add("p=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return $"/young-people/{Uri.EscapeDataString(Key)}/access" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
    }

    private AccessLogQuery Query() => new(From, To, Organisation, Math.Max(1, PageNumber), PageSize);
}
