using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Traject.Web.Common.Telemetry;

/// <summary>
/// <c>GET /metrics</c>: every metric in the Prometheus text format, for the operators' scraper only. It needs the
/// configured <c>Management:MetricsKey</c> as <c>Authorization: Bearer &lt;key&gt;</c> (compared in constant time);
/// a missing or wrong key answers 401. Without a configured key it answers 404 to everyone (and no metrics are
/// collected). It is not part of the API and not in the OpenAPI document.
/// </summary>
internal static class ManagementEndpoint
{
    public const string MetricsPath = "/metrics";

    /// <summary>Requests of the operators' tools (scrapes, health probes), which are not traced.</summary>
    public static bool IsOperational(PathString path) => path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");

    public static void MapManagement(this WebApplication app)
    {
        var key = app.Services.GetRequiredService<IOptions<ManagementOptions>>().Value.MetricsKey;
        if (string.IsNullOrEmpty(key))
        {
            // Switched off: a plain 404, not the login page that the fallback policy would send an unknown address to.
            app.MapMethods(MetricsPath, [HttpMethods.Get, HttpMethods.Head], () => Results.NotFound()).AllowAnonymous().ExcludeFromDescription();
            return;
        }

        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: b => b.Use(next => context =>
                Authorised(context.Request, expected) ? next(context) : RefuseAsync(context)), optionsName: null)
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static bool Authorised(HttpRequest request, byte[] expected)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || header.Parameter is not { Length: > 0 } given)
        {
            return false;
        }

        // Both sides hashed to the same length first, so neither the length nor the first wrong character shows in the time taken.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), expected);
    }

    private static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("A valid metrics key is required.");
    }
}
