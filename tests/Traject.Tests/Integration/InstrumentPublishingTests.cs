using System.Data.Common;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Modules.Screening;

namespace Traject.Tests.Integration;

/// <summary>
/// Administrators publish instrument versions (API and page); a version never changes once published, and the database
/// itself refuses to change or delete one that a screening has used. Each test publishes under its own version names.
/// </summary>
public abstract class InstrumentPublishingTests(TrajectFixture f)
{
    private const string Versions = "/api/v1/screening/instrument/versions";

    /// <summary>The built-in list under a new name, with one label changed so the new version is recognisable.</summary>
    private static JsonObject NewVersion(string version)
    {
        var document = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(InstrumentJson.ToDocument(BuiltInInstrument.Instance), Api.Json))!.AsObject();
        document["version"] = version;
        document["signals"]![0]!["labels"]!["en"] = "Changed in " + version;
        return document;
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    [SkippableFact]
    public async Task An_administrator_publishes_a_new_version_that_becomes_current_and_nobody_else_may()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        using (var refused = await regie.PostAsync(Versions, Json(NewVersion("2027.1-regie"))))
        {
            await refused.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using var admin = await f.ClientAsync(Demo.Admin);
        using (var published = await admin.PostAsync(Versions, Json(NewVersion("2027.1"))))
        {
            var view = JsonNode.Parse(await published.ExpectAsync(HttpStatusCode.Created))!;
            Assert.Equal("/api/v1/screening/instrument?version=2027.1", published.Headers.Location?.OriginalString);
            Assert.Equal("2027.1", (string?)view["version"]);
            Assert.Equal("Demo Beheerder", (string?)view["publishedBy"]);
            Assert.True((bool)view["current"]!);
        }

        using var current = await regie.GetAsync("/api/v1/screening/instrument");
        var instrument = JsonNode.Parse(await current.ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("2027.1", (string?)instrument["version"]);
        Assert.Equal("Changed in 2027.1", (string?)instrument["signals"]![0]!["labels"]!["en"]);
        Assert.False(await f.WithDbAsync(db => db.InstrumentVersions.AnyAsync(v => v.Version == "2027.1-regie")));

        using var list = await regie.GetAsync(Versions);
        var versions = JsonNode.Parse(await list.ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal("2027.1", (string?)versions[0]!["version"]);
        Assert.True((bool)versions[0]!["current"]!);
        Assert.Contains(versions, v => (string?)v!["version"] == "2026.2" && !(bool)v["current"]!); // the built-in one it replaces

        // An evaluation without a version uses the new one; the old one can still be asked for by name.
        var body = new { dateOfBirth = "2011-05-01", observationDate = "2026-11-01", signals = new[] { BuiltInInstrument.Instance.Signals[0].Code } };
        using (var evaluated = await regie.PostJsonAsync("/api/v1/screening/evaluate", body))
        {
            Assert.Equal("2027.1", (string?)JsonNode.Parse(await evaluated.ExpectAsync(HttpStatusCode.OK))!["instrumentVersion"]);
        }

        using (var old = await regie.PostJsonAsync("/api/v1/screening/evaluate", new { body.dateOfBirth, body.observationDate, body.signals, instrumentVersion = "2026.1" }))
        {
            Assert.Equal("2026.1", (string?)JsonNode.Parse(await old.ExpectAsync(HttpStatusCode.OK))!["instrumentVersion"]);
        }

        var id = await f.WithDbAsync(db => db.InstrumentVersions.Where(v => v.Version == "2027.1").Select(v => v.Id).SingleAsync());
        Assert.True(await f.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == InstrumentPublishing.PublishAction && a.EntityId == id && a.ActorId == f.Ids.User(Demo.Admin))));

        // A published version is never replaced.
        using var again = await admin.PostAsync(Versions, Json(NewVersion("2027.1")));
        var conflict = await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("2027.1", (string?)conflict["detail"], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_published_list_is_checked_field_by_field()
    {
        using var admin = await f.ClientAsync(Demo.Admin);
        var document = NewVersion("2026.3-invalid");
        var signals = document["signals"]!.AsArray();
        signals[1]!["code"] = (string?)signals[0]!["code"];
        signals[2]!["group"] = "friends";
        signals[3]!["riskProfiles"] = new JsonArray("naive");
        signals[4]!["labels"]!["nl"] = "";
        using var response = await admin.PostAsync(Versions, Json(document));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["signals[1].code", "signals[2].group", "signals[3].riskProfiles[0]", "signals[4].labels.nl"], problem.Fields().Order());
        Assert.False(await f.WithDbAsync(db => db.InstrumentVersions.AnyAsync(v => v.Version == "2026.3-invalid")));

        using var noVersion = await admin.PostAsync(Versions, Json(new JsonObject { ["signals"] = new JsonArray() }));
        Assert.Equal(["signals", "version"], (await noVersion.ProblemAsync(HttpStatusCode.BadRequest)).Fields().Order());
    }

    [SkippableFact]
    public async Task A_used_version_is_kept_as_it_is_even_against_direct_SQL()
    {
        using var admin = await f.ClientAsync(Demo.Admin);
        using (var published = await admin.PostAsync(Versions, Json(NewVersion("2026.4-used"))))
        {
            await published.ExpectAsync(HttpStatusCode.Created);
        }

        var store = f.Factory.Services.GetRequiredService<IInstrumentStore>();
        await store.MarkUsedAsync("2026.4-used", CancellationToken.None);
        await store.MarkUsedAsync("2026.4-used", CancellationToken.None); // once is enough; again changes nothing
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.MarkUsedAsync("1999.9", CancellationToken.None));
        var row = await f.WithDbAsync(db => db.InstrumentVersions.AsNoTracking().SingleAsync(v => v.Version == "2026.4-used"));
        Assert.True(row.Used);
        Assert.Equal(f.Clock.GetUtcNow(), row.FirstUsedAt);

        foreach (var sql in new[]
        {
            "UPDATE \"InstrumentVersions\" SET \"Content\" = 'altered' WHERE \"Version\" = '2026.4-used'",
            "UPDATE \"InstrumentVersions\" SET \"Version\" = '2026.4-renamed' WHERE \"Version\" = '2026.4-used'",
            "UPDATE \"InstrumentVersions\" SET \"Used\" = false WHERE \"Version\" = '2026.4-used'",
            "DELETE FROM \"InstrumentVersions\" WHERE \"Version\" = '2026.4-used'",
        })
        {
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => f.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            Assert.Contains("used instrument version", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(row.Content, await f.WithDbAsync(db => db.InstrumentVersions.Where(v => v.Version == "2026.4-used").Select(v => v.Content).SingleAsync()));
        if (f.Database.Provider == Traject.Web.Data.DatabaseProvider.PostgreSQL)
        {
            await Assert.ThrowsAnyAsync<DbException>(() => f.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("TRUNCATE \"InstrumentVersions\"")));
        }

        // The built-in version is used by nobody here: the triggers are about use, not about every row.
        Assert.Equal(1, await f.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"InstrumentVersions\" SET \"FirstUsedAt\" = NULL WHERE \"Version\" = '2026.1'")));
    }

    [SkippableFact]
    public async Task The_admin_page_lists_the_versions_and_publishes_pasted_JSON_and_is_forbidden_to_others()
    {
        var admin = f.CreateClient();
        using (var login = await Browser.LoginAsync(admin, Demo.Admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using (var home = await admin.GetAsync("/admin/organisations"))
        {
            Assert.Contains("href=\"/admin/instrument\"", await home.ExpectAsync(HttpStatusCode.OK), StringComparison.Ordinal);
        }

        using (var page = await admin.GetAsync("/admin/instrument"))
        {
            var html = await page.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("2026.1", html, StringComparison.Ordinal);
            Assert.Contains("ingebouwd", html, StringComparison.Ordinal);
        }

        using (var broken = await Browser.SubmitAsync(admin, "/admin/instrument", new Dictionary<string, string> { ["Input.Json"] = "{\"version\": \"2026.5\", \"signals\": [" }))
        {
            var html = await broken.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("De JSON kon niet worden gelezen", html, StringComparison.Ordinal);
        }

        var invalid = NewVersion("2026.5-page");
        invalid["signals"]![0]!["group"] = "<script>alert(1)</script>";
        using (var refused = await Browser.SubmitAsync(admin, "/admin/instrument", new Dictionary<string, string> { ["Input.Json"] = invalid.ToJsonString() }))
        {
            var html = await refused.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("signals[0].group: Onbekende groep.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        }

        using (var posted = await Browser.SubmitAsync(admin, "/admin/instrument", new Dictionary<string, string> { ["Input.Json"] = NewVersion("2026.5-page").ToJsonString() }))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        using (var page = await admin.GetAsync("/admin/instrument"))
        {
            Assert.Contains("2026.5-page", await page.ExpectAsync(HttpStatusCode.OK), StringComparison.Ordinal);
        }

        Assert.True(await f.WithDbAsync(db => db.InstrumentVersions.AnyAsync(v => v.Version == "2026.5-page" && v.PublishedById == f.Ids.User(Demo.Admin))));

        foreach (var email in new[] { Demo.Regie, Demo.Kwaliteit })
        {
            var other = f.CreateClient();
            using (var login = await Browser.LoginAsync(other, email))
            {
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            }

            using var page = await other.GetAsync("/admin/instrument");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        }
    }
}

public sealed class InstrumentPublishingSqlite(SqliteFixture f) : InstrumentPublishingTests(f), IClassFixture<SqliteFixture>;

public sealed class InstrumentPublishingPostgres(PostgresFixture f) : InstrumentPublishingTests(f), IClassFixture<PostgresFixture>;
