using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Traject.Web.Common;

/// <summary>
/// The API reads JSON in UTF-8 only (RFC 8259). A write (POST, PUT, PATCH) that declares another media type, or a
/// charset other than UTF-8, gets 415 problem details naming what is accepted, before any endpoint tries to read the
/// body (ADR 0025). A write without a body and without a content type passes; the endpoint decides. An upload route a
/// module declares (<see cref="IUploadRoutes"/>) reads <c>multipart/form-data</c> instead, and refuses anything else the same way.
/// </summary>
internal static class ApiContentTypes
{
    public static readonly string[] AcceptedMediaTypes = ["application/json"];
    public static readonly string[] AcceptedCharsets = ["utf-8"];
    public static readonly string[] AcceptedUploadMediaTypes = ["multipart/form-data"];

    /// <summary><c>multipart/form-data</c> (with its boundary), the form an upload is sent as.</summary>
    internal static bool IsForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && (parsed.Charset.Value is not { } charset || charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    public static IApplicationBuilder UseApiContentTypeCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)
            || HttpMethods.IsPatch(request.Method)) && request.Headers.ContentType.Count > 0)
        {
            var upload = RequestLimits.UploadLimit(context) is not null;
            if (upload && IsForm(request.ContentType))
            {
                await next();
                return;
            }

            if (!upload && IsAccepted(request.ContentType, out var normalised))
            {
                // The framework reads only a bare charset name: "UTF-8" in quotes, as HTTP allows, is passed on without them.
                request.ContentType = normalised;
                await next();
                return;
            }

            var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: l["Unsupported media type"],
                detail: upload ? l["This endpoint reads an upload as multipart/form-data, its text fields in UTF-8."]
                    : l["The API reads JSON (application/json) in UTF-8: send charset=utf-8 or no charset."],
                extensions: new Dictionary<string, object?>
                {
                    ["acceptedMediaTypes"] = upload ? AcceptedUploadMediaTypes : AcceptedMediaTypes, ["acceptedCharsets"] = AcceptedCharsets,
                })
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
