using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Traject.Tests.Infrastructure;

/// <summary>One mapped /api/v1 endpoint, read from the app's own routing table.</summary>
internal sealed record ApiEndpoint(string Method, string Pattern, Type? BodyType, bool AllowsAnonymous)
{
    public override string ToString() => $"{Method} {Pattern}";

    public IReadOnlyList<string> RouteParameters => Regex.Matches(Pattern, "{([^}:]+)[^}]*}").Select(m => m.Groups[1].Value).ToList();

    /// <summary>The URL with each route parameter replaced by the value the caller gives for its name.</summary>
    public string Url(Func<string, string> value) => Regex.Replace(Pattern, "{([^}:]+)[^}]*}", m => Uri.EscapeDataString(value(m.Groups[1].Value)));
}

internal static partial class ApiEndpoints
{
    /// <summary>Every /api/v1 endpoint with its HTTP method(s), so new endpoints are covered without editing the tests.</summary>
    public static IReadOnlyList<ApiEndpoint> All(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .Where(e => !e.RoutePattern.RawText!.Contains("{*", StringComparison.Ordinal)) // the 404 fallback
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new ApiEndpoint(
                m,
                e.RoutePattern.RawText!.TrimEnd('/'),
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType,
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)))
            .Distinct()
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
        Assert.True(endpoints.Count >= 20, $"expected the whole API, found {endpoints.Count} endpoints");
        return endpoints;
    }

    public static HttpRequestMessage Request(ApiEndpoint endpoint, string url, HttpContent? content = null) =>
        new(new HttpMethod(endpoint.Method), url) { Content = content };
}
