using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Traject.Web.Pages;

/// <summary>
/// A request for a handler the page does not have is not found, before any page code runs: a POST to a page that only
/// shows something (it would render without its data), or a <c>?handler=</c> name the page lacks (the framework would
/// run the page's unnamed handler for the same method instead).
/// </summary>
internal sealed class UnservedHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var asked = context.RouteData.Values["handler"]?.ToString() is { Length: > 0 } routed ? routed : context.HttpContext.Request.Query["handler"].ToString();
        var unserved = context.HandlerMethod is null || (asked.Length > 0 && context.HandlerMethod.Name is null);
        // The exception handler re-executes the error page with the failed request's method and query, whatever they were.
        if (unserved && context.ActionDescriptor.HandlerMethods.Count > 0 && context.HttpContext.Features.Get<IExceptionHandlerFeature>() is null)
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}

/// <summary>The pages under /Admin are for administrators only: anyone else gets 403, whatever the handler.</summary>
internal sealed class AdministratorsOnlyFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var actor = await context.HttpContext.RequestServices.GetRequiredService<CurrentActor>().GetAsync(context.HttpContext.RequestAborted);
        if (actor?.IsAdministrator != true)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        await next();
    }
}
