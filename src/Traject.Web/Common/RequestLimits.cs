namespace Traject.Web.Common;

/// <summary>Request-size limits: small JSON bodies for the API, a little more for forms.</summary>
internal static class RequestLimits
{
    public const long ApiBodyBytes = 64 * 1024;
    public const long ServerBodyBytes = 1024 * 1024;

    /// <summary>Refuses API bodies over the limit before anything reads them.</summary>
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = ApiBodyBytes;
            }

            if (context.Request.ContentLength > ApiBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await Results.Problem(statusCode: 413, title: "Request too large",
                    detail: $"The API accepts request bodies up to {ApiBodyBytes / 1024} KB.").ExecuteAsync(context);
                return;
            }
        }

        await next();
    });
}
