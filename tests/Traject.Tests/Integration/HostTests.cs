using System.Net;
using System.Text.Json.Nodes;
using Traject.Tests.Infrastructure;

namespace Traject.Tests.Integration;

/// <summary>Health checks, the OpenAPI document, security headers, cookies and the login requirement of pages.</summary>
public abstract class HostTests(TrajectFixture f)
{
    [SkippableFact]
    public async Task Liveness_and_readiness_answer_without_login()
    {
        using var client = f.CreateClient();
        using var live = await client.GetAsync("/health/live");
        Assert.Equal("Healthy", await live.ExpectAsync(HttpStatusCode.OK));
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal("Healthy", await ready.ExpectAsync(HttpStatusCode.OK));
    }

    [SkippableFact]
    public async Task Readiness_fails_on_a_database_that_is_not_migrated()
    {
        var host = f.NewHost(await f.NewDatabaseAsync(), migrateOnStartup: false);
        using var client = host.CreateClient();
        using var live = await client.GetAsync("/health/live");
        await live.ExpectAsync(HttpStatusCode.OK);
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal("Unhealthy", await ready.ExpectAsync(HttpStatusCode.ServiceUnavailable));
    }

    [SkippableFact]
    public async Task The_OpenAPI_document_describes_the_API()
    {
        using var client = f.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        var document = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!.AsObject();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Traject API", (string?)document["info"]?["title"]);
        var paths = document["paths"]!.AsObject().Select(p => p.Key.TrimEnd('/')).ToList();
        Assert.Contains("/api/v1/young-people", paths);
        Assert.Contains("/api/v1/trajectories/{id}", paths);
        Assert.Contains("/api/v1/auth/login", paths);

        // Every mapped endpoint is documented.
        foreach (var endpoint in ApiEndpoints.All(f.Factory.Services))
        {
            var path = document["paths"]!.AsObject().FirstOrDefault(p => p.Key.TrimEnd('/') == endpoint.Pattern.Replace(":guid", "", StringComparison.Ordinal));
            Assert.True(path.Value is not null, $"{endpoint} is missing from the OpenAPI document");
            Assert.NotNull(path.Value[endpoint.Method.ToLowerInvariant()]);
        }
    }

    [SkippableTheory]
    [InlineData("/health/live", false)]
    [InlineData("/Account/Login", false)]
    [InlineData("/api/v1/trajectories", true)]
    [InlineData("/api/v1/trajectories", false)]
    [InlineData("/api/v1/no-such-endpoint", true)]
    [InlineData("/no-such-page", false)]
    public async Task Security_headers_are_on_every_response(string url, bool signedIn)
    {
        using var client = signedIn ? await f.ClientAsync(Demo.Regie) : f.CreateClient();
        using var response = await client.GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        if (url.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.True(response.Headers.CacheControl?.NoStore, "dossier data must not be cached");
        }
    }

    [SkippableFact]
    public async Task Pages_need_a_login_and_send_people_to_the_login_page()
    {
        using var client = f.CreateClient();
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(client.BaseAddress!, response.Headers.Location!);
        Assert.Equal("/Account/Login", location.AbsolutePath, ignoreCase: true);
        Assert.Equal("?ReturnUrl=%2F", location.Query);
    }

    [SkippableFact]
    public async Task Login_through_the_page_sets_a_secure_httponly_strict_cookie()
    {
        using var client = f.CreateClient();
        using var form = await client.GetAsync("/Account/Login");
        var antiforgery = Browser.SetCookie(form, "traject.af");
        Assert.NotNull(antiforgery);
        AssertStrictCookie(antiforgery);

        using var login = await Browser.LoginAsync(client, Demo.Regie);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        var auth = Browser.SetCookie(login, "traject.auth");
        Assert.NotNull(auth);
        AssertStrictCookie(auth);

        using var home = await client.GetAsync("/");
        Assert.Contains("Rik Regie (demo)", await home.ExpectAsync(HttpStatusCode.OK), StringComparison.Ordinal);

        // The cookie is for people; the API takes bearer tokens only.
        using var api = await client.GetAsync("/api/v1/trajectories");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [SkippableFact]
    public async Task A_wrong_password_on_the_page_sets_no_cookie_and_says_so()
    {
        using var client = f.CreateClient();
        using var login = await Browser.LoginAsync(client, Demo.Regie, "niet het goede wachtwoord");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Null(Browser.SetCookie(login, "traject.auth"));
        var page = await Browser.ParseAsync(login);
        Assert.NotNull(page.QuerySelector("[role=alert]"));
        Assert.Contains("wachtwoord", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(page.QuerySelectorAll("input[type=password]"), i => !string.IsNullOrEmpty(i.GetAttribute("value")));
    }

    [SkippableFact]
    public async Task A_login_post_without_the_antiforgery_token_is_refused()
    {
        using var client = f.CreateClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = Demo.Regie, ["Input.Password"] = Demo.Password });
        using var response = await client.PostAsync("/Account/Login", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(Browser.SetCookie(response, "traject.auth"));
    }

    internal static void AssertStrictCookie(string setCookie)
    {
        var attributes = setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
    }
}

public sealed class HostSqlite(SqliteFixture f) : HostTests(f), IClassFixture<SqliteFixture>;

public sealed class HostPostgres(PostgresFixture f) : HostTests(f), IClassFixture<PostgresFixture>;
