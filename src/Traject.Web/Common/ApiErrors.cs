using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Common;

/// <summary>Maps expected failures to HTTP problem details, in one place.</summary>
internal static class ApiErrors
{
    public static IResult ToProblem(this Error error) => error.Kind switch
    {
        ErrorKind.Validation => TypedResults.ValidationProblem(
            error.Fields ?? new Dictionary<string, string[]>(), detail: error.Message),
        ErrorKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: "The record does not exist or is not available to you."),
        ErrorKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: error.Message),
        ErrorKind.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
            detail: error.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError),
    };

    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value) : result.Error!.ToProblem();
}

/// <summary>
/// The one exception handler for the API: unreadable requests become 400 with the offending JSON path,
/// lost updates become 409, and anything else a 500 that reveals nothing.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // The middleware has already pointed the request at the error page; the original path tells API from page.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value;
        if (path is null || !path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        IResult result;
        switch (exception)
        {
            case BadHttpRequestException bad when bad.InnerException is JsonException json:
                var field = JsonPathToField(json.Path);
                result = TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { [field] = ["The value could not be read: wrong type, unknown value or malformed JSON."] },
                    detail: "The request body is not valid JSON for this endpoint.");
                break;
            case BadHttpRequestException bad:
                result = TypedResults.Problem(statusCode: bad.StatusCode, title: "Bad request",
                    detail: bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                        ? "The request is too large."
                        : "The request could not be read.");
                break;
            case DbUpdateConcurrencyException:
                result = Error.Stale().ToProblem();
                break;
            default:
                logger.LogError(exception, "Unhandled exception for request {TraceId}", context.TraceIdentifier);
                result = TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError,
                    title: "Unexpected error", detail: "Something went wrong. Nothing was changed.");
                break;
        }

        context.Response.StatusCode = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : 500;
        var problem = result switch
        {
            ValidationProblem v => (Microsoft.AspNetCore.Mvc.ProblemDetails)v.ProblemDetails,
            ProblemHttpResult p => p.ProblemDetails,
            _ => new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 500 },
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
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
