using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Pages;

/// <summary>
/// The error page. A request that could not be read (too large, malformed form) is the client's error and
/// answers 4xx; a save that lost a race (someone else changed the record, or saved the same unique value, at the same
/// moment) is 409 and says what to do; anything else is 500 with only a reference to quote. Asked for directly, without an
/// error, it is not found.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : AppPageModel
{
    public string TraceId => HttpContext.TraceIdentifier;

    public bool IsClientError { get; private set; }

    /// <summary>The save lost a race: nothing was changed, and going back and trying again will work.</summary>
    public bool IsConflict { get; private set; }

    /// <summary>The lost race was on a unique value (a name already in use), not on a record changed meanwhile.</summary>
    public bool IsUniqueValue { get; private set; }

    public IActionResult OnGet() => Classify();

    public IActionResult OnPost() => Classify();

    private IActionResult Classify()
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is not { } error)
        {
            return NotFound();
        }

        IsUniqueValue = error is DbUpdateException and not DbUpdateConcurrencyException
            && DatabaseFaults.UniqueViolationFields(error, HttpContext.RequestServices.GetRequiredService<TrajectDb>().Model) is not null;
        IsConflict = IsUniqueValue || error is DbUpdateConcurrencyException;
        var status = error switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException => StatusCodes.Status400BadRequest,
            _ when IsConflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status500InternalServerError,
        };
        IsClientError = status < 500 && !IsConflict;
        Response.StatusCode = status;
        return Page();
    }
}
