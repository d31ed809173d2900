using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Traject.Web.Common;

/// <summary>
/// The <c>ForwardedHeaders</c> configuration section: the reverse proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> the app believes (docs/deployment.md). Empty (the default): no forwarded header is read,
/// from anyone, so a client can never pose as another address or as HTTPS.
/// </summary>
internal sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>IP addresses of the proxies, e.g. <c>127.0.0.1</c> or <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}

/// <summary>
/// Reads <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> only from the configured proxies, one hop (the proxy in
/// front of the app): the framework's defaults (trust loopback) are cleared, so only what the operator names counts.
/// The client's address then feeds the per-address login limit and the audit trail, and the scheme makes the request
/// HTTPS for cookies, HSTS and redirects.
/// </summary>
internal static class ProxyHeaders
{
    public static void AddProxyHeaders(this IServiceCollection services, IConfiguration config)
    {
        var proxy = config.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        var addresses = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        var problems = new List<string>();
        foreach (var entry in proxy.KnownProxies.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            if (IPAddress.TryParse(entry.Trim(), out var address))
            {
                addresses.Add(address);
            }
            else
            {
                problems.Add($"ForwardedHeaders:KnownProxies: '{entry}' is no IP address.");
            }
        }

        foreach (var entry in proxy.KnownNetworks.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            if (System.Net.IPNetwork.TryParse(entry.Trim(), out var network))
            {
                networks.Add(network);
            }
            else
            {
                problems.Add($"ForwardedHeaders:KnownNetworks: '{entry}' is no network in CIDR notation (such as 10.0.0.0/24).");
            }
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(ProxyOptions.Section, typeof(ProxyOptions), problems);
        }

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in addresses)
            {
                o.KnownProxies.Add(address);
                if (address.IsIPv4MappedToIPv6)
                {
                    o.KnownProxies.Add(address.MapToIPv4());
                }
                else if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                {
                    o.KnownProxies.Add(address.MapToIPv6()); // Kestrel on a dual-stack socket sees ::ffff:a.b.c.d
                }
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        services.AddSingleton(Options.Create(proxy));
    }

    /// <summary>First in the pipeline, and only when proxies are configured.</summary>
    public static void UseProxyHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Any)
        {
            app.UseForwardedHeaders();
        }
    }
}
