using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Traject.Web.Pages;

/// <summary>Shared page plumbing: the signed-in professional and the one mapping from use-case errors to a page.</summary>
internal abstract class AppPageModel : PageModel
{
    protected IStringLocalizer<SharedResource> L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    protected Task<Actor> ActorAsync() => HttpContext.RequestServices.GetRequiredService<CurrentActor>().RequireAsync(HttpContext.RequestAborted);

    /// <summary>The messages for one field, to show beside it.</summary>
    public string Errors(string key) =>
        ModelState.TryGetValue(key, out var entry) ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : string.Empty;

    /// <summary>Replaces the model binder's messages (which echo input, in English) with one plain message per field.</summary>
    protected void ReplaceBindingErrors()
    {
        foreach (var entry in ModelState.Values.Where(v => v.Errors.Count > 0).ToList())
        {
            entry.Errors.Clear();
            entry.Errors.Add(L["The value could not be read."]);
        }
    }

    /// <summary>403 for something the professional's role or relation does not allow (she may know it exists).</summary>
    protected IActionResult NotAllowed() => StatusCode(StatusCodes.Status403Forbidden);

    /// <summary>
    /// Not found stays "not found"; everything else is shown on the form, field by field where possible. A refusal
    /// answers 403 with the page and its reason.
    /// </summary>
    /// <summary>The reasons of the last refusal, each with where to act on it (shown by <c>_Reasons</c>).</summary>
    public IReadOnlyList<(string Message, string? Link)> Reasons { get; private set; } = [];

    protected IActionResult Fail(Error error, Func<IActionResult> page, string prefix = "Input")
    {
        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        if (error.Kind == ErrorKind.Forbidden)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        if (error.Fields is { Count: > 0 } fields)
        {
            foreach (var (field, messages) in fields)
            {
                var key = field is "body" or "version" ? string.Empty : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
                foreach (var message in messages)
                {
                    ModelState.AddModelError(key, L.Render(message));
                }
            }
        }
        else
        {
            ModelState.AddModelError(string.Empty, L.Render(error.Message));
        }

        Reasons = error.Reasons?.Select(r => (L.Render(r.Message), r.Link)).ToList() ?? [];
        return page();
    }
}
