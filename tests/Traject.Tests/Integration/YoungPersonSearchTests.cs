using System.Net;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Caseload;

namespace Traject.Tests.Integration;

/// <summary>
/// Finding a young person (<c>GET /api/v1/young-people?search=</c>, <c>GET /api/v1/trajectories?search=</c> and the search
/// field of "my young people"): by name in any case, by date of birth, by pseudonym — and never someone outside the
/// searcher's scope, who is simply not found.
/// </summary>
public abstract class YoungPersonSearchTests(TrajectFixture f)
{
    [SkippableFact]
    public async Task She_is_found_by_name_date_of_birth_and_pseudonym_in_scope_and_never_by_a_professional_outside_it()
    {
        var family = "Zoekmans" + Guid.NewGuid().ToString("N")[..6];
        var born = f.Clock.Today().AddYears(-14).AddDays(-123);
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock, b =>
        {
            b["givenName"] = "Lotte";
            b["familyName"] = family;
            b["dateOfBirth"] = born;
        });

        foreach (var search in new[] { family.ToLowerInvariant(), "LOTTE " + family.ToUpperInvariant()[2..], person.Pseudonym.ToLowerInvariant(), born.ToString("dd-MM-yyyy"),
                     born.ToString("yyyy-MM-dd") })
        {
            var found = await SearchAsync(regie, "/api/v1/young-people?search=" + Uri.EscapeDataString(search));
            Assert.Contains(found.Items, t => t.Id == person.TrajectoryId);
        }

        Assert.Equal(person.TrajectoryId, Assert.Single((await SearchAsync(regie, "/api/v1/young-people?search=" + person.Pseudonym)).Items).Id);
        Assert.Equal(person.TrajectoryId, Assert.Single((await SearchAsync(regie, $"/api/v1/trajectories?scope=mine&search={family}")).Items).Id);
        Assert.Empty((await SearchAsync(regie, "/api/v1/young-people?search=" + family + "x")).Items);

        // Outside her organisation's scope: not found, in the same shape as nobody at all.
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        foreach (var search in new[] { family, person.Pseudonym, born.ToString("dd-MM-yyyy") })
        {
            var none = await SearchAsync(wijkteam, "/api/v1/young-people?search=" + Uri.EscapeDataString(search));
            Assert.DoesNotContain(none.Items, t => t.Id == person.TrajectoryId);
        }

        using var police = await f.ClientAsync(Demo.Politie);
        Assert.Empty((await SearchAsync(police, "/api/v1/young-people?search=" + family)).Items);
    }

    [SkippableFact]
    public async Task A_missing_or_too_short_search_is_refused_by_field_and_the_page_finds_her_in_Dutch()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        foreach (var query in new[] { "", "?search=a", "?search=" + new string('x', 101) })
        {
            using var refused = await regie.GetAsync("/api/v1/young-people" + query);
            Assert.Contains("search", (await refused.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        var family = "Paginavinder" + Guid.NewGuid().ToString("N")[..6];
        var person = await Dossiers.RegisterAsync(regie, f.Clock, b => b["familyName"] = family);
        var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using (var page = await browser.GetAsync("/?scope=all&q=" + family.ToLowerInvariant()))
        {
            var html = await page.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains($"href=\"/trajectories/{person.TrajectoryId}\"", html, StringComparison.Ordinal);
            Assert.Contains("Zoeken", html, StringComparison.Ordinal);
        }

        var other = f.CreateClient();
        using (var login = await Browser.LoginAsync(other, Demo.Wijkteam))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var nothing = await other.GetAsync("/?scope=all&q=" + family);
        Assert.DoesNotContain(person.TrajectoryId.ToString(), await nothing.ExpectAsync(HttpStatusCode.OK), StringComparison.Ordinal);
    }

    private static async Task<TrajectoryPage> SearchAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await response.ReadAsync<TrajectoryPage>();
    }
}

public sealed class YoungPersonSearchSqlite(SqliteFixture f) : YoungPersonSearchTests(f), IClassFixture<SqliteFixture>;

public sealed class YoungPersonSearchPostgres(PostgresFixture f) : YoungPersonSearchTests(f), IClassFixture<PostgresFixture>;
