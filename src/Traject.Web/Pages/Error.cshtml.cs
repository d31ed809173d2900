using Microsoft.AspNetCore.Mvc;

namespace Traject.Web.Pages;

[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : AppPageModel
{
    public string TraceId => HttpContext.TraceIdentifier;

    public void OnGet()
    {
    }

    public void OnPost()
    {
    }
}
