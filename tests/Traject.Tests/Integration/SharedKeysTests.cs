using System.Net;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;

namespace Traject.Tests.Integration;

/// <summary>
/// Several app nodes on one database: a login on one node is valid on the others, because the data-protection key
/// ring lives in the database table DataProtectionKeys.
/// </summary>
public abstract class SharedKeysTests(TrajectFixture f)
{
    [SkippableFact]
    public async Task A_token_and_a_cookie_from_host_A_work_on_host_B()
    {
        var hostA = f.Factory;
        var token = await Api.LoginAsync(hostA, Demo.Mentor);
        using var browserA = hostA.CreateClient();
        using (var login = await Browser.LoginAsync(browserA, Demo.Mentor))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            var cookie = Browser.SetCookie(login, "traject.auth");
            Assert.NotNull(cookie);

            var hostB = f.NewHost(f.Database);
            using var apiB = Api.WithToken(hostB.CreateClient(), token);
            using (var response = await apiB.GetAsync("/api/v1/trajectories"))
            {
                await response.ExpectAsync(HttpStatusCode.OK);
            }

            using var pageB = hostB.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
            {
                BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false,
            });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Add("Cookie", Browser.CookiePair(cookie));
            using var page = await pageB.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Mira Mentor (demo)", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // Both nodes read the same keys, from the database.
            var stored = await f.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync());
            Assert.NotEmpty(stored);
            var keysA = hostA.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId).Order().ToList();
            var keysB = hostB.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId).Order().ToList();
            Assert.NotEmpty(keysA);
            Assert.Equal(keysA, keysB);
            Assert.All(keysA, id => Assert.Contains(stored, xml => xml.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)));
        }
    }

    [SkippableFact]
    public async Task A_host_on_another_database_does_not_accept_the_token()
    {
        var token = await f.LoginAsync(Demo.Regie);
        var other = f.NewHost(await f.NewDatabaseAsync());
        using var client = Api.WithToken(other.CreateClient(), token);
        using var response = await client.GetAsync("/api/v1/trajectories");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class SharedKeysSqlite(SqliteFixture f) : SharedKeysTests(f), IClassFixture<SqliteFixture>;

public sealed class SharedKeysPostgres(PostgresFixture f) : SharedKeysTests(f), IClassFixture<PostgresFixture>;
