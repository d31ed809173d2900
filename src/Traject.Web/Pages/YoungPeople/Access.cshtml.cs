using System.Text;
using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Triage;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Pages.YoungPeople;

/// <summary>
/// Who accessed her dossier, with a CSV export. The overview may be asked for by her parent: when a parent may be involved
/// in the exploitation, the page names who must not receive it.
/// </summary>
internal sealed class AccessModel(AccessOverview overview, ProblemAnalyses analyses) : AppPageModel
{
    [FromRoute]
    public string Key { get; set; } = string.Empty;

    public AccessLog Log { get; private set; } = null!;
    public ParentWarning Involved { get; private set; } = new(false, []);

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await overview.GetAsync(await ActorAsync(), Key, export: false, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return result.Error!.Kind == Common.ErrorKind.NotFound ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }

        Log = result.Value;
        Involved = await analyses.WarningForYoungPersonAsync(Log.Pseudonym, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var result = await overview.GetAsync(await ActorAsync(), Key, export: true, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return result.Error!.Kind == Common.ErrorKind.NotFound ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }

        return File(Encoding.UTF8.GetBytes(AccessOverview.ToCsv(result.Value)), "text/csv; charset=utf-8", $"access-{result.Value.Pseudonym}.csv");
    }
}
