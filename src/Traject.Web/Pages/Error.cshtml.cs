using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Traject.Web.Pages;

/// <summary>
/// The error page. A request that could not be read (too large, malformed form) is the client's error and
/// answers 4xx; anything else is 500 with only a reference to quote. Asked for directly, without an error, it is not found.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : AppPageModel
{
    public string TraceId => HttpContext.TraceIdentifier;

    public bool IsClientError { get; private set; }

    public IActionResult OnGet() => Classify();

    public IActionResult OnPost() => Classify();

    private IActionResult Classify()
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is not { } error)
        {
            return NotFound();
        }

        var status = error switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError,
        };
        IsClientError = status < 500;
        Response.StatusCode = status;
        return Page();
    }
}
