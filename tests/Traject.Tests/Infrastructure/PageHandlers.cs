using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;

namespace Traject.Tests.Infrastructure;

/// <summary>
/// One handler of one Razor page (GET, or a named POST such as "POST AddMember"), read from the app's own routing table.
/// A page without handler methods (it renders for any request) appears once, as GET, with <paramref name="Declared"/> false.
/// </summary>
internal sealed record PageHandler(string Page, string Method, string? Name, string Route, IReadOnlyList<string> Parameters, bool Declared = true)
{
    /// <summary>The key of the handler's row in a matrix, e.g. "/Trajectories/Dossier POST TaskDone".</summary>
    public override string ToString() => Name is null ? $"{Page} {Method}" : $"{Page} {Method} {Name}";

    /// <summary>The URL with each route parameter replaced by the caller's value (an optional one left out when it has none) and the handler name.</summary>
    public string Url(Func<string, string?> value)
    {
        var path = Regex.Replace(Route, "{([^}:?]+)[^}]*}", m => value(m.Groups[1].Value) is { } v ? Uri.EscapeDataString(v) : string.Empty);
        path = "/" + path.TrimEnd('/');
        return Name is null ? path : $"{path}?handler={Uri.EscapeDataString(Name)}";
    }
}

internal static class PageHandlers
{
    /// <summary>Every handler of every Razor page, so a new page or handler is covered without editing the tests.</summary>
    public static async Task<IReadOnlyList<PageHandler>> AllAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var handlers = new List<PageHandler>();
        var pages = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page is not null)
            .GroupBy(x => x.Page!.ViewEnginePath, StringComparer.Ordinal);
        foreach (var page in pages)
        {
            // A page may have several routes (Index: "" and "Index"); the shortest is the one people use.
            var (endpoint, descriptor) = page.OrderBy(x => x.Endpoint.RoutePattern.RawText?.Length ?? 0).First();
            var compiled = await loader.LoadAsync(descriptor!, endpoint.Metadata);
            var route = endpoint.RoutePattern.RawText ?? string.Empty;
            var methods = compiled.HandlerMethods.Count == 0
                ? [new PageHandler(page.Key, "GET", null, route, [], Declared: false)]
                : compiled.HandlerMethods.Select(h => new PageHandler(page.Key, h.HttpMethod.ToUpperInvariant(), h.Name, route,
                    h.Parameters.Select(p => p.Name).ToList()));
            handlers.AddRange(methods);
        }

        Assert.True(handlers.Count >= 30, $"expected every page, found {handlers.Count} handlers");
        return handlers.OrderBy(h => h.ToString(), StringComparer.Ordinal).ToList();
    }
}
