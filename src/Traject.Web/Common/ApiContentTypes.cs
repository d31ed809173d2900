using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Traject.Web.Common;

/// <summary>
/// The API reads JSON in UTF-8 only (RFC 8259). A write (POST, PUT, PATCH) that declares another media type, or a
/// charset other than UTF-8, gets 415 problem details naming what is accepted, before any endpoint tries to read the
/// body (ADR 0025). A write without a body and without a content type passes; the endpoint decides. So does an upload
/// route a module declares (<see cref="IUploadRoutes"/>): it reads multipart/form-data and answers 400 to anything else.
/// </summary>
internal static class ApiContentTypes
{
    public static readonly string[] AcceptedMediaTypes = ["application/json"];
    public static readonly string[] AcceptedCharsets = ["utf-8"];

    public static IApplicationBuilder UseApiContentTypeCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)
            || HttpMethods.IsPatch(request.Method)) && request.Headers.ContentType.Count > 0 && RequestLimits.UploadLimit(context) is null)
        {
            if (IsAccepted(request.ContentType, out var normalised))
            {
                // The framework reads only a bare charset name: "UTF-8" in quotes, as HTTP allows, is passed on without them.
                request.ContentType = normalised;
                await next();
                return;
            }

            var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: l["Unsupported media type"],
                detail: l["The API reads JSON (application/json) in UTF-8: send charset=utf-8 or no charset."],
                extensions: new Dictionary<string, object?> { ["acceptedMediaTypes"] = AcceptedMediaTypes, ["acceptedCharsets"] = AcceptedCharsets })
                .ExecuteAsync(context);
            return;
        }

        await next();
    });

    /// <summary><c>application/json</c> or <c>application/…+json</c>, with no charset or UTF-8 (<paramref name="normalised"/> without quotes).</summary>
    internal static bool IsAccepted(string? contentType, out string? normalised)
    {
        normalised = contentType;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType.Value is not { } mediaType)
        {
            return false;
        }

        var json = mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = parsed.Charset.Value?.Trim('"');
        if (!json || !(string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (parsed.Charset.Value is { } given && given != charset)
        {
            parsed.Charset = charset;
            normalised = parsed.ToString();
        }

        return true;
    }
}
