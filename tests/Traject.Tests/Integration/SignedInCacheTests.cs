using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Data;
using Traject.Web.Modules.Auth;

namespace Traject.Tests.Integration;

/// <summary>
/// What a node keeps of signed-in professionals (ADR 0026) never outlives a change by more than one check of the
/// auth version: at once on the node that made the change, after its next check (every second) on any other node that
/// shares the database. Each test is two nodes on one database; the other node's check is run by the test.
/// </summary>
public abstract class SignedInCacheTests(TrajectFixture f)
{
    private const string Catalogue = "/api/v1/care-programmes";

    [SkippableFact]
    public async Task A_deactivated_organisation_stops_its_tokens_at_once_on_this_node_and_after_one_check_on_another()
    {
        var hostB = f.NewHost(f.Database);
        var token = await f.LoginAsync(Demo.Politie);
        using var onA = Api.WithToken(f.CreateClient(), token);
        using var onB = Api.WithToken(hostB.CreateClient(), token);
        // Both nodes have served her, so both keep her.
        await ExpectAsync(onA, HttpStatusCode.OK);
        await ExpectAsync(onB, HttpStatusCode.OK);
        var before = await VersionAsync();

        using var admin = await f.ClientAsync(Demo.Admin);
        await SetActiveAsync(admin, Demo.Police, false);
        try
        {
            Assert.True(await VersionAsync() > before, "deactivating an organisation raises the auth version");
            await ExpectAsync(onA, HttpStatusCode.Unauthorized);
            await CheckAsync(hostB);
            await ExpectAsync(onB, HttpStatusCode.Unauthorized);
        }
        finally
        {
            await SetActiveAsync(admin, Demo.Police, true);
        }

        // Nothing refused is kept: active again, the same token works on both nodes after the check.
        await CheckAsync(hostB);
        await ExpectAsync(onA, HttpStatusCode.OK);
        await ExpectAsync(onB, HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task A_logged_out_session_is_refused_at_once_on_its_node_and_after_one_check_on_another()
    {
        var hostB = f.NewHost(f.Database);
        using var browser = f.CreateClient();
        string cookie;
        using (var login = await Browser.LoginAsync(browser, Demo.Mentor))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            cookie = Browser.CookiePair(Browser.SetCookie(login, "traject.auth")!);
        }

        using var copyA = f.Factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var copyB = hostB.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        Assert.Equal(HttpStatusCode.OK, await PageAsync(copyA, cookie));
        await CheckAsync(hostB);
        Assert.Equal(HttpStatusCode.OK, await PageAsync(copyB, cookie));

        using (var page = await browser.GetAsync("/"))
        {
            var form = (await Browser.ParseAsync(page)).Forms.Single(x => x.GetAttribute("action") == "/Account/Logout");
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
            });
            using var logout = await browser.PostAsync("/Account/Logout", content);
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, await PageAsync(copyA, cookie));
        await CheckAsync(hostB);
        Assert.Equal(HttpStatusCode.Redirect, await PageAsync(copyB, cookie));
    }

    [SkippableFact]
    public async Task Changes_made_outside_the_app_raise_the_version_and_bookkeeping_does_not()
    {
        var mentor = f.Ids.User(Demo.Mentor);
        var before = await VersionAsync();
        // A failed-login count is bookkeeping: no one's access changes.
        await f.WithDbAsync(db => db.Users.Where(u => u.Id == mentor).ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, x => x.AccessFailedCount)));
        Assert.Equal(before, await VersionAsync());

        // A name changed by hand (not through the app, so no node is told) is noticed through the version.
        var name = await f.WithDbAsync(db => db.Users.Where(u => u.Id == mentor).Select(u => u.DisplayName).SingleAsync());
        await f.WithDbAsync(db => db.Users.Where(u => u.Id == mentor).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, name + " (hand)")));
        await f.WithDbAsync(db => db.Users.Where(u => u.Id == mentor).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, name)));
        Assert.Equal(before + 2, await VersionAsync());
    }

    private async Task<long> VersionAsync() =>
        await f.WithDbAsync(db => db.AuthVersions.AsNoTracking().Where(v => v.Id == AuthVersion.RowId).Select(v => v.Version).SingleAsync());

    /// <summary>Runs the node's check now, as its refresher does every second.</summary>
    private static async Task CheckAsync(TrajectFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await host.Services.GetRequiredService<SignedInCache>().RefreshAsync(
            scope.ServiceProvider.GetRequiredService<TrajectDb>(), host.Clock.GetUtcNow(), CancellationToken.None);
    }

    private static async Task ExpectAsync(HttpClient client, HttpStatusCode status)
    {
        using var response = await client.GetAsync(Catalogue);
        Assert.Equal(status, response.StatusCode);
    }

    private static async Task<HttpStatusCode> PageAsync(HttpClient client, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task SetActiveAsync(HttpClient admin, string organisation, bool active)
    {
        var id = f.Ids.Organisation(organisation);
        using var read = await admin.GetAsync("/api/v1/organisations");
        var org = JsonNode.Parse(await read.ExpectAsync(HttpStatusCode.OK))!.AsArray().Single(o => (string)o!["id"]! == id.ToString())!;
        using var saved = await admin.PutJsonAsync($"/api/v1/organisations/{id}", new
        {
            name = (string)org["name"]!,
            kind = (string)org["kind"]!,
            regionId = (string)org["regionId"]!,
            isActive = active,
            version = (long)org["version"]!,
        });
        await saved.ExpectAsync(HttpStatusCode.OK);
    }
}

public sealed class SignedInCacheSqlite(SqliteFixture f) : SignedInCacheTests(f), IClassFixture<SqliteFixture>;

public sealed class SignedInCachePostgres(PostgresFixture f) : SignedInCacheTests(f), IClassFixture<PostgresFixture>;
