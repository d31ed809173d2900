using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Traject.Web.Pages;

/// <summary>Shown for empty error responses of pages (404, 400, 429 …). Reads only the status and query: the form may be unreadable.</summary>
[IgnoreAntiforgeryToken]
internal sealed class StatusModel : AppPageModel
{
    public int Code => Response.StatusCode >= 400 ? Response.StatusCode
        : int.TryParse(Request.Query["code"], NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 404;
}
