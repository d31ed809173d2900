using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Traject.Web.Common;

/// <summary>Maps expected failures to HTTP problem details, in one place, in the caller's language.</summary>
internal static class ApiErrors
{
    public static ApiProblem ToProblem(this Error error) => new(error);

    /// <summary>
    /// The answer to a use case's result: its success result, or the problem. The typed union tells the OpenAPI
    /// document the success type (e.g. <c>Ok&lt;T&gt;</c>, <c>Created&lt;T&gt;</c>) and the refusals (<see cref="ApiProblem"/>).
    /// </summary>
    public static Results<TSuccess, ApiProblem> ToHttp<T, TSuccess>(this Result<T> result, Func<T, TSuccess> onSuccess)
        where TSuccess : IResult =>
        result.IsSuccess ? onSuccess(result.Value) : result.Error!.ToProblem();

    public static int StatusCode(this Error error) => error.Kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };
}

/// <summary>
/// An expected failure as problem details. The stored message templates are rendered when the response is written, so
/// they follow the request culture. An endpoint that can answer one declares every kind of refusal a use case may give
/// (400 with field errors, 403, 404, 409 with reasons) in the OpenAPI document.
/// </summary>
internal sealed class ApiProblem(Error error) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => error.StatusCode();

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var l = httpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return (error.Kind switch
        {
            ErrorKind.Validation => TypedResults.ValidationProblem(
                (error.Fields ?? new Dictionary<string, string[]>()).ToDictionary(f => f.Key, f => f.Value.Select(l.Render).ToArray()),
                detail: l.Render(error.Message), title: l["One or more fields are invalid."]),
            ErrorKind.NotFound => TypedResults.Problem(statusCode: 404, title: l["Not found"],
                detail: l["The record does not exist or is not available to you."]),
            ErrorKind.Forbidden => TypedResults.Problem(statusCode: 403, title: l["Not allowed"], detail: l.Render(error.Message)),
            ErrorKind.Conflict => (IResult)TypedResults.Problem(statusCode: 409, title: l["Conflict"], detail: l.Render(error.Message),
                extensions: ConflictExtensions(error, l)),
            _ => TypedResults.Problem(statusCode: 500),
        }).ExecuteAsync(httpContext);
    }

    /// <summary>The reasons of a refusal with their links, and the fields a conflict is about (as in a validation problem).</summary>
    private static Dictionary<string, object?>? ConflictExtensions(Error error, IStringLocalizer l)
    {
        var extensions = new Dictionary<string, object?>();
        if (error.Reasons is { Count: > 0 } reasons)
        {
            extensions["reasons"] = reasons.Select(r => new ConflictReason(l.Render(r.Message), r.Link)).ToList();
        }

        if (error.Fields is { Count: > 0 } fields)
        {
            extensions["errors"] = fields.ToDictionary(f => f.Key, f => f.Value.Select(l.Render).ToArray());
        }

        return extensions.Count > 0 ? extensions : null;
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ApiContract.DeclareProblem(builder, StatusCodes.Status400BadRequest);
        ApiContract.DeclareProblem(builder, StatusCodes.Status403Forbidden);
        ApiContract.DeclareProblem(builder, StatusCodes.Status404NotFound);
        ApiContract.DeclareProblem(builder, StatusCodes.Status409Conflict);
    }
}

/// <summary>
/// The one exception handler (ADR 0025). For the API: unreadable requests become 400 with the offending JSON path,
/// lost updates and unique values taken at the same moment 409 (naming the field), an unavailable database 503 with
/// <c>Retry-After</c>, and anything else a 500 that reveals nothing. For pages: an unavailable database gets a plain
/// "try again in a moment" page (503, <c>Retry-After</c>) written here, because the error page's layout needs the
/// database itself; every other page error goes on to the error page.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // The middleware has already pointed the request at the error page; the original path tells API from page.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value;
        var api = path is not null && path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase);
        var unavailable = DatabaseFaults.IsUnavailable(exception);
        if (!api && !unavailable)
        {
            return false;
        }

        // The handler can run outside the localisation middleware's scope: take the request's culture from its feature.
        if (context.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            System.Globalization.CultureInfo.CurrentCulture = culture.Culture;
            System.Globalization.CultureInfo.CurrentUICulture = culture.UICulture;
        }

        if (unavailable)
        {
            // No message, no stack: what failed below the database driver tells an operator, not the caller.
            logger.LogWarning("Database unavailable for request {TraceId}: {Exception}", context.TraceIdentifier, exception.GetType().Name);
            await DatabaseUnavailableAsync(context, api);
            return true;
        }

        Error error;
        switch (exception)
        {
            case BadHttpRequestException bad when bad.InnerException is JsonException json:
                error = new Error(ErrorKind.Validation, "The request body is not valid JSON for this endpoint.",
                    new Dictionary<string, string[]> { [JsonPathToField(json.Path)] = ["The value could not be read: wrong type, unknown value or malformed JSON."] });
                break;
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                await TypedResults.Problem(statusCode: 413, title: "Request too large",
                    detail: $"The API accepts request bodies up to {RequestLimits.ApiBodyBytes / 1024} KB.").ExecuteAsync(context);
                return true;
            case BadHttpRequestException:
                error = new Error(ErrorKind.Validation, "The request could not be read.",
                    new Dictionary<string, string[]> { ["body"] = ["The request could not be read: check the content type, the JSON and the parameters."] });
                break;
            case DbUpdateConcurrencyException:
                error = Error.Stale();
                break;
            case DbUpdateException when DatabaseFaults.UniqueViolationFields(exception, context.RequestServices.GetRequiredService<TrajectDb>().Model) is { } fields:
                error = UniqueConflict(fields);
                break;
            default:
                logger.LogError(exception, "Unhandled exception for request {TraceId}", context.TraceIdentifier);
                await TypedResults.Problem(statusCode: 500, title: "Unexpected error",
                    detail: "Something went wrong. Nothing was changed.").ExecuteAsync(context);
                return true;
        }

        await error.ToProblem().ExecuteAsync(context);
        return true;
    }

    /// <summary>Another request saved the same unique value at the same moment: 409, naming the fields where the index is known.</summary>
    internal static Error UniqueConflict(IReadOnlyList<string> fields) => new(ErrorKind.Conflict,
        "Another record with this value was saved at the same moment. Nothing was changed: choose another value.",
        fields.Count == 0 ? null : fields.ToDictionary(f => f, _ => new[] { "This value is already in use." }, StringComparer.Ordinal));

    /// <summary>503 with <c>Retry-After</c>: problem details for the API, a small page of its own (no layout, no database) for people.</summary>
    private static async Task DatabaseUnavailableAsync(HttpContext context, bool api)
    {
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var title = l["Temporarily unavailable"].Value;
        var detail = l["The database cannot be reached right now. Nothing was changed. Try again in a moment."].Value;
        if (api)
        {
            await TypedResults.Problem(statusCode: 503, title: title, detail: detail,
                extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = DatabaseFaults.RetryAfterSeconds }).ExecuteAsync(context);
            return;
        }

        var html = System.Text.Encodings.Web.HtmlEncoder.Default;
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "/";
        var again = context.Request.PathBase + (path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) ? path : "/");
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{html.Encode(language)}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{html.Encode(title)} · Traject</title><link rel="stylesheet" href="/css/site.css" /></head>
            <body><main id="main"><h1>{html.Encode(title)}</h1><p>{html.Encode(detail)}</p>
            <p><a href="{html.Encode(again)}">{html.Encode(l["Try again"].Value)}</a></p>
            </main></body></html>
            """, context.RequestAborted);
    }

    /// <summary><c>$.dateOfBirth</c> → <c>dateOfBirth</c>; the whole body when there is no path.</summary>
    internal static string JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }
}
