namespace Traject.Web.Common;

/// <summary>Request-size limits: small JSON bodies for the API, a little more for forms.</summary>
internal static class RequestLimits
{
    public const long ApiBodyBytes = 64 * 1024;
    public const long ServerBodyBytes = 1024 * 1024;

    /// <summary>
    /// Refuses API bodies over the limit before anything reads them. An upload route a module declares
    /// (<see cref="IUploadRoutes"/>, API or page) gets its own larger limit, for the body and its multipart form alike.
    /// </summary>
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (UploadLimit(context) is { } upload)
        {
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = upload;
            }

            context.Features.Set<Microsoft.AspNetCore.Http.Features.IFormFeature>(new Microsoft.AspNetCore.Http.Features.FormFeature(context.Request,
                new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = upload, ValueLengthLimit = 64 * 1024, ValueCountLimit = 100 }));
            if (context.Request.ContentLength > upload)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await Results.Problem(statusCode: 413, title: "Request too large",
                    detail: $"This upload accepts request bodies up to {upload / 1024} KB: the file and its form.").ExecuteAsync(context);
                return;
            }

            await next();
            return;
        }

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

    /// <summary>The body limit of a declared upload route, or null for any other request.</summary>
    internal static long? UploadLimit(HttpContext context) =>
        context.RequestServices.GetServices<IUploadRoutes>().Select(r => r.BodyLimit(context.Request)).FirstOrDefault(l => l is not null);
}

/// <summary>A module's routes that take a file upload larger than the usual request limits.</summary>
internal interface IUploadRoutes
{
    /// <summary>The largest body this request may send, or null when it is none of the module's upload routes.</summary>
    long? BodyLimit(HttpRequest request);
}
