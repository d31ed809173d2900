using System.Text;
using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Pages.YoungPeople;

/// <summary>Who accessed her dossier, with a CSV export.</summary>
internal sealed class AccessModel(AccessOverview overview) : AppPageModel
{
    [FromRoute]
    public string Key { get; set; } = string.Empty;

    public AccessLog Log { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await overview.GetAsync(await ActorAsync(), Key, export: false, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return result.Error!.Kind == Common.ErrorKind.NotFound ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }

        Log = result.Value;
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
