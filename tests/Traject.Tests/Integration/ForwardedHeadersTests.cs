using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Traject.Tests.Infrastructure;

namespace Traject.Tests.Integration;

/// <summary>
/// X-Forwarded-Proto and X-Forwarded-For count only from the proxies named in <c>ForwardedHeaders:KnownProxies</c>:
/// from the proxy a forwarded HTTPS request is HTTPS (HSTS is sent) and each forwarded client has her own login limit;
/// from anyone else the same headers change nothing, and without configured proxies not even loopback is believed.
/// </summary>
public sealed class ForwardedHeadersTests(SqliteFixture f) : IClassFixture<SqliteFixture>
{
    private const string Proxy = "10.1.2.3";
    private const string Stranger = "10.9.9.9";

    [SkippableFact]
    public async Task Forwarded_proto_counts_from_the_known_proxy_only()
    {
        using var client = await ClientAsync(withProxy: true);
        Assert.True(await IsHttpsAsync(client, Proxy, forwardedProto: "https"));
        Assert.False(await IsHttpsAsync(client, Proxy, forwardedProto: null));
        Assert.False(await IsHttpsAsync(client, Stranger, forwardedProto: "https"));
        Assert.False(await IsHttpsAsync(client, "127.0.0.1", forwardedProto: "https"));

        using var unconfigured = await ClientAsync(withProxy: false);
        Assert.False(await IsHttpsAsync(unconfigured, "127.0.0.1", forwardedProto: "https"));
        Assert.False(await IsHttpsAsync(unconfigured, Proxy, forwardedProto: "https"));
    }

    [SkippableFact]
    public async Task A_client_cannot_escape_the_login_limit_by_claiming_other_addresses_but_the_proxys_clients_each_have_their_own()
    {
        using var client = await ClientAsync(withProxy: true);
        var fromStranger = new List<HttpStatusCode>();
        for (var i = 0; i < 22; i++)
        {
            fromStranger.Add(await LoginAsync(client, Stranger, forwardedFor: $"198.51.100.{i + 1}", i));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, fromStranger[^1]);

        var fromProxy = new List<HttpStatusCode>();
        for (var i = 0; i < 22; i++)
        {
            fromProxy.Add(await LoginAsync(client, Proxy, forwardedFor: $"203.0.113.{i + 1}", 100 + i));
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, fromProxy);
        Assert.All(fromProxy, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
    }

    private async Task<HttpClient> ClientAsync(bool withProxy)
    {
        var database = await f.NewDatabaseAsync();
        var host = f.NewHost(database, environment: "Production");
        WebApplicationFactory<Program> configured = withProxy
            ? host.WithWebHostBuilder(b => b.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy))
            : host;
        // Plain http to a name HSTS does not exclude (it leaves out localhost), as the proxy would call the node.
        return configured.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://traject.example"), AllowAutoRedirect = false });
    }

    private static async Task<bool> IsHttpsAsync(HttpClient client, string from, string? forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add(TrajectFactory.ClientAddressHeader, from);
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            request.Headers.Add("X-Forwarded-For", "203.0.113.50");
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.Contains("Strict-Transport-Security");
    }

    private static async Task<HttpStatusCode> LoginAsync(HttpClient client, string from, string forwardedFor, int attempt)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email = $"nobody{attempt}@example.org", password = "not the password at all" }),
        };
        request.Headers.Add(TrajectFactory.ClientAddressHeader, from);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
