using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;

namespace Traject.Tests.Integration;

/// <summary>The web pages with a real cookie login: forms carry antiforgery, output is encoded, out of scope is 404.</summary>
public abstract class PageTests(TrajectFixture f)
{
    private const string Markup = "<script>alert(1)</script>";

    private async Task<HttpClient> BrowserAsync(string email)
    {
        var client = f.CreateClient();
        using var login = await Browser.LoginAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    [SkippableFact]
    public async Task Registering_through_the_page_opens_the_dossier_and_shows_names_encoded()
    {
        using var regie = await BrowserAsync(Demo.Regie);
        using var posted = await Browser.SubmitAsync(regie, "/young-people/register", new Dictionary<string, string>
        {
            ["Input.GivenName"] = Markup,
            ["Input.FamilyName"] = "Paginatest",
            ["Input.DateOfBirth"] = f.Clock.Today().AddYears(-16).ToString("yyyy-MM-dd", null),
            ["Input.Municipality"] = "Groningen",
            ["Input.Gender"] = "Girl",
            ["Input.Nationality"] = "Dutch",
        });
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect,
            $"{(int)posted.StatusCode}: " + string.Join(" | ", (await Browser.ParseAsync(posted)).QuerySelectorAll(".error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0)));
        var location = posted.Headers.Location!.OriginalString;
        Assert.Matches("^/trajectories/[0-9a-f-]{36}$", location);

        using var dossier = await regie.GetAsync(location);
        var html = await dossier.ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(Markup, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Paginatest", html, StringComparison.Ordinal);

        // An outsider and a role without care get 404 for the same dossier page and its edit page.
        var pseudonym = await f.WithDbAsync(db => db.YoungPeople.Where(y => y.FamilyName == "Paginatest").Select(y => y.PseudonymCode).SingleAsync());
        foreach (var email in new[] { Demo.Wijkteam, Demo.Admin })
        {
            using var outsider = await BrowserAsync(email);
            using var page = await outsider.GetAsync(location);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain("Paginatest", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var edit = await outsider.GetAsync($"/young-people/{pseudonym}/edit");
            Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        }
    }

    [SkippableFact]
    public async Task A_page_form_posted_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var regie = await BrowserAsync(Demo.Regie);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Zonder", ["Input.FamilyName"] = "Token", ["Input.DateOfBirth"] = "2012-01-01",
            ["Input.Gender"] = "Girl", ["Input.Nationality"] = "Dutch", ["Input.Municipality"] = "Groningen",
        });
        using var response = await regie.PostAsync("/young-people/register", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await f.WithDbAsync(db => db.YoungPeople.AnyAsync(y => y.FamilyName == "Token")));
    }
}

public sealed class PageSqlite(SqliteFixture f) : PageTests(f), IClassFixture<SqliteFixture>;

public sealed class PagePostgres(PostgresFixture f) : PageTests(f), IClassFixture<PostgresFixture>;
