using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Common.Auditing;
using Traject.Web.Data;
using Traject.Web.Modules.Network;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>
/// The network analysis: recorded and read by the care team only, encrypted at rest, and overlaps across young people
/// reported to the designated experts without anything about the other young person.
/// </summary>
public abstract class NetworkTests(TrajectFixture f)
{
    private const string ExpertPassword = "een lang wachtwoord voor zuid";

    private static string NewMobile() => "06-" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static object Phone(string number, DateOnly on) => new { kind = "PhoneNumber", number, source = "YoungPerson", knownOn = on };

    private static async Task<Changed> AddAsync(HttpClient client, Guid trajectoryId, object entry)
    {
        using var response = await client.PostJsonAsync($"/api/v1/trajectories/{trajectoryId}/network/entries", entry);
        return await response.ReadAsync<Changed>(HttpStatusCode.Created);
    }

    private static async Task<NetworkView> NetworkAsync(HttpClient client, Guid trajectoryId)
    {
        using var response = await client.GetAsync($"/api/v1/trajectories/{trajectoryId}/network");
        return await response.ReadAsync<NetworkView>();
    }

    /// <summary>A designated expert for the neighbourhood team (the demo has none), with a demo address that needs no second factor.</summary>
    private async Task<HttpClient> SouthExpertAsync()
    {
        var email = $"aandacht-zuid-{Guid.NewGuid():N}@demo.traject";
        using var admin = await f.ClientAsync(Demo.Admin);
        using (var created = await admin.PostJsonAsync("/api/v1/professionals", new
        {
            email, displayName = "Zara Zuid (demo)", organisationId = f.Ids.Organisation(Demo.South), roles = new[] { "DesignatedExpert" }, password = ExpertPassword,
        }))
        {
            await created.ExpectAsync(HttpStatusCode.Created);
        }

        return Api.WithToken(f.CreateClient(), await f.LoginAsync(email, ExpertPassword));
    }

    [SkippableFact]
    public async Task The_care_team_records_entries_and_links_and_nobody_else_sees_them()
    {
        f.ForgetTokens();
        using var regie = await f.ClientAsync(Demo.Regie);
        var today = f.Clock.Today();
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        var exploiter = await AddAsync(regie, person.TrajectoryId, new
        {
            kind = "Person", name = "Demo-man met de zwarte auto", role = "Exploiter", influence = "Risk", howKnown = "Via een vriendin op school",
            source = "YoungPerson", knownOn = today.AddDays(-3),
        });
        var phone = await AddAsync(regie, person.TrajectoryId, Phone(NewMobile(), today));
        var hotel = await AddAsync(regie, person.TrajectoryId, new { kind = "Place", name = "Demo Hotel Nergens", placeKind = "Hotel", source = "Police", knownOn = today });
        using (var link = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/network/links",
            new { fromId = exploiter.Id, toId = phone.Id, nature = "gebruikt dit nummer", source = "YoungPerson", knownOn = today }))
        {
            await link.ExpectAsync(HttpStatusCode.Created);
        }

        using (var twice = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/network/links",
            new { fromId = phone.Id, toId = exploiter.Id, source = "YoungPerson", knownOn = today }))
        {
            await twice.ProblemAsync(HttpStatusCode.Conflict);
        }

        // A team member reads it all, with the diagram.
        using var mentor = await f.ClientAsync(Demo.Mentor);
        var network = await NetworkAsync(mentor, person.TrajectoryId);
        Assert.Equal(3, network.Entries.Count);
        Assert.Single(network.Links);
        var man = network.Entries.Single(e => e.Id == exploiter.Id);
        Assert.Equal((NetworkRole.Exploiter, NetworkInfluence.Risk, "Via een vriendin op school"), (man.Role!.Value, man.Influence!.Value, man.HowKnown));
        using (var diagram = await mentor.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}/network/diagram"))
        {
            var svg = await diagram.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("image/svg+xml", diagram.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Demo Hotel Nergens", svg, StringComparison.Ordinal);
        }

        // Validation, the kind that cannot change, and a stale edit.
        using (var bad = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/network/entries",
            new { kind = "PhoneNumber", number = "bel me", source = "YoungPerson", knownOn = today.AddDays(1) }))
        {
            var fields = (await bad.ProblemAsync(HttpStatusCode.BadRequest)).Fields();
            Assert.Contains("number", fields);
            Assert.Contains("knownOn", fields);
        }

        var update = new { kind = "Place", name = "Demo Hotel Ergens", placeKind = "Hotel", source = "Police", knownOn = today, version = hotel.Version };
        using (var changed = await mentor.PutJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/network/entries/{hotel.Id}", update))
        {
            Assert.Equal(hotel.Version + 1, (await changed.ReadAsync<Changed>()).Version);
        }

        using (var stale = await regie.PutJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/network/entries/{hotel.Id}", update))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        using (var otherKind = await regie.PutJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/network/entries/{hotel.Id}",
            update with { kind = "Person" }))
        {
            Assert.Contains("kind", (await otherKind.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        // Outside the care team: not found; on emergency access: refused, because the network is for the care team only.
        foreach (var outsider in new[] { Demo.Wijkteam, Demo.Politie, Demo.Admin })
        {
            using var client = await f.ClientAsync(outsider);
            using var response = await client.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}/network");
            await response.ProblemAsync(HttpStatusCode.NotFound);
        }

        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        using (var glass = await wijkteam.PostJsonAsync($"/api/v1/young-people/{person.Pseudonym}/emergency-access",
            new { reason = "Zij staat bij ons aan de balie en is in acuut gevaar." }))
        {
            await glass.ExpectAsync(HttpStatusCode.Created);
        }

        using (var emergency = await wijkteam.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}/network"))
        {
            var body = await emergency.ExpectAsync(HttpStatusCode.Forbidden);
            Assert.DoesNotContain("Demo-man", body, StringComparison.Ordinal);
        }

        // Removing an entry removes its links; reads and changes are audited with her pseudonym.
        using (var removed = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/network/entries/{phone.Id}/remove", new { version = phone.Version }))
        {
            await removed.ExpectAsync(HttpStatusCode.OK);
        }

        network = await NetworkAsync(regie, person.TrajectoryId);
        Assert.Equal(2, network.Entries.Count);
        Assert.Empty(network.Links);
        var actions = await f.WithDbAsync(db => db.AuditEntries.Where(a => a.Pseudonym == person.Pseudonym).Select(a => new { a.Action, a.Outcome }).ToListAsync());
        Assert.Contains(actions, a => a.Action == NetworkAuditActions.NetworkRead && a.Outcome == AuditOutcomes.Allowed);
        Assert.Contains(actions, a => a.Action == NetworkAuditActions.NetworkChanged);
        Assert.Contains(actions, a => a.Action == NetworkAuditActions.NetworkRead && a.Outcome == AuditOutcomes.Denied);
    }

    [SkippableFact]
    public async Task An_overlap_alerts_the_designated_experts_of_both_sides_and_reveals_nothing_of_the_other_young_person()
    {
        f.ForgetTokens();
        var today = f.Clock.Today();
        using var regie = await f.ClientAsync(Demo.Regie);
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        using var south = await SouthExpertAsync();
        using var aandacht = await f.ClientAsync(Demo.Aandacht);
        var north = await Dossiers.RegisterAsync(regie, f.Clock, p => p["givenName"] = "Noorderlicht");
        var other = await Dossiers.RegisterAsync(wijkteam, f.Clock, p => (p["givenName"], p["familyName"]) = ("Zuiderzon", "Geheimgehouden"));
        var mobile = NewMobile();
        var handle = $"demo.werver.{Random.Shared.Next(100_000, 999_999)}";

        // Her own duplicates never alert.
        await AddAsync(regie, north.TrajectoryId, Phone(mobile, today));
        await AddAsync(regie, north.TrajectoryId, Phone("+31 " + mobile[1..], today));
        await AddAsync(regie, north.TrajectoryId, new { kind = "OnlineAccount", platform = "Instagram", handle = "@" + handle.ToUpperInvariant(), source = "YoungPerson", knownOn = today });
        var before = await f.WithDbAsync(db => db.Set<NetworkOverlapAlert>().CountAsync(a => a.TrajectoryId == north.TrajectoryId));
        Assert.Equal(0, before);

        // The same number and handle, written differently, in another young person's network in another organisation.
        var theirs = await AddAsync(wijkteam, other.TrajectoryId, Phone("0031 " + mobile[1..].Replace("-", " ", StringComparison.Ordinal), today));
        await AddAsync(wijkteam, other.TrajectoryId, new { kind = "OnlineAccount", platform = "Instagram", handle = $"https://www.instagram.com/{handle}/", source = "Police", knownOn = today });

        var northAlerts = await AlertsAsync(aandacht, north.TrajectoryId);
        Assert.Equal([IdentifierKind.PhoneNumber, IdentifierKind.OnlineHandle], northAlerts.Select(a => a.Matched).Order());
        Assert.All(northAlerts, a =>
        {
            Assert.Equal(north.Pseudonym, a.Pseudonym);
            Assert.Equal(Demo.South, a.Contact.Organisation);
            Assert.Contains(a.Contact.DesignatedExperts, p => p.Name == "Zara Zuid (demo)");
        });
        var southAlerts = await AlertsAsync(south, other.TrajectoryId);
        Assert.Equal(2, southAlerts.Count);
        Assert.All(southAlerts, a => Assert.Equal(Demo.North, a.Contact.Organisation));
        Assert.Contains(southAlerts, a => a.EntryId == theirs.Id);

        // Nothing of the other young person: not in the alerts, the notifications or the pages.
        var otherEntries = await f.WithDbAsync(db => db.Set<NetworkEntry>().Where(e => e.TrajectoryId == other.TrajectoryId).Select(e => e.Id).ToListAsync());
        var secrets = new[] { other.TrajectoryId.ToString(), other.YoungPersonId.ToString(), other.Pseudonym, "Zuiderzon", "Geheimgehouden" }
            .Concat(otherEntries.Select(e => e.ToString())).ToList();
        using (var list = await aandacht.GetAsync("/api/v1/network-alerts"))
        {
            var body = await list.ExpectAsync(HttpStatusCode.OK);
            Assert.All(secrets, s => Assert.DoesNotContain(s, body, StringComparison.OrdinalIgnoreCase));
        }

        using (var notifications = await aandacht.GetAsync("/api/v1/notifications"))
        {
            var body = await notifications.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains(north.Pseudonym, body, StringComparison.Ordinal);
            Assert.All(secrets, s => Assert.DoesNotContain(s, body, StringComparison.OrdinalIgnoreCase));
        }

        // The actor's audit entry for the other side carries no pseudonym: her access overview does not show it.
        var created = await f.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == NetworkAuditActions.NetworkAlertCreated && a.ActorId == f.Ids.User(Demo.Wijkteam))
            .Select(a => a.Pseudonym).ToListAsync());
        Assert.Contains(other.Pseudonym, created);
        Assert.Contains(null, created);
        Assert.DoesNotContain(north.Pseudonym, created);

        // Only designated experts receive alerts.
        using var mentor = await f.ClientAsync(Demo.Mentor);
        using (var refused = await mentor.GetAsync("/api/v1/network-alerts"))
        {
            await refused.ProblemAsync(HttpStatusCode.Forbidden);
        }

        // A false positive is dismissed with a reason, once, and that is audited.
        var alert = northAlerts[0];
        using (var noReason = await aandacht.PostJsonAsync($"/api/v1/network-alerts/{alert.Id}/dismiss", new { reason = "nee", version = alert.Version }))
        {
            Assert.Contains("reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var otherSide = await south.PostJsonAsync($"/api/v1/network-alerts/{alert.Id}/dismiss", new { reason = "Niet van ons, geen idee.", version = alert.Version }))
        {
            await otherSide.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var dismissed = await aandacht.PostJsonAsync($"/api/v1/network-alerts/{alert.Id}/dismiss",
            new { reason = "Het nummer is van een taxibedrijf dat iedereen belt.", version = alert.Version }))
        {
            var view = await dismissed.ReadAsync<NetworkAlertView>();
            Assert.NotNull(view.DismissedAt);
            Assert.Equal("Het nummer is van een taxibedrijf dat iedereen belt.", view.DismissalReason);
        }

        using (var again = await aandacht.PostJsonAsync($"/api/v1/network-alerts/{alert.Id}/dismiss",
            new { reason = "Het nummer is van een taxibedrijf dat iedereen belt.", version = alert.Version }))
        {
            await again.ProblemAsync(HttpStatusCode.Conflict);
        }

        Assert.True(await f.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == NetworkAuditActions.NetworkAlertDismissed && a.EntityId == alert.Id
            && a.Pseudonym == north.Pseudonym && a.Outcome == AuditOutcomes.Allowed)));

        // The same identifiers again do not alert the same pair twice.
        await AddAsync(wijkteam, other.TrajectoryId, Phone(mobile, today));
        Assert.Equal(2, (await AlertsAsync(aandacht, north.TrajectoryId)).Count);
    }

    [SkippableFact]
    public async Task Network_data_are_unreadable_in_the_database_and_its_keys_need_the_configured_secret()
    {
        f.ForgetTokens();
        var today = f.Clock.Today();
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var marker = $"Kwintijnzwartvogel{Random.Shared.Next(1000, 9999)}";
        var mobile = NewMobile();
        await AddAsync(regie, person.TrajectoryId, new
        {
            kind = "Person", name = marker + " Demo", role = "Recruiter", influence = "Risk", howKnown = marker + " via school",
            note = marker + " notitie", source = "School", knownOn = today,
        });
        await AddAsync(regie, person.TrajectoryId, Phone(mobile, today));
        await AddAsync(regie, person.TrajectoryId, new { kind = "OnlineAccount", platform = "Snapchat", handle = marker.ToLowerInvariant(), source = "YoungPerson", knownOn = today });
        var place = await AddAsync(regie, person.TrajectoryId, new { kind = "Place", name = marker + "park", placeKind = "Park", address = marker + "laan 1", source = "Parent", knownOn = today });
        Assert.Contains(marker + " Demo", (await NetworkAsync(regie, person.TrajectoryId)).Entries.Select(e => e.Name));

        var needles = new[] { marker, marker.ToLowerInvariant(), mobile[3..], "Recruiter" };
        if (f.Database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(f.Database.ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-journal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer);
                var bytes = buffer.ToArray();
                foreach (var needle in needles)
                {
                    Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(needle)) || Contains(bytes, Encoding.Unicode.GetBytes(needle)),
                        $"'{needle}' is readable in {Path.GetFileName(path)}");
                }
            }
        }
        else
        {
            var rows = await f.WithDbAsync(async db =>
            {
                var tables = await db.Database.SqlQueryRaw<string>(
                    "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").ToListAsync();
                var all = new StringBuilder();
                foreach (var table in tables)
                {
                    // The table names come from the catalogue, not from input.
#pragma warning disable EF1002
                    var text = await db.Database.SqlQueryRaw<string>($"SELECT coalesce(string_agg(row_to_json(t)::text, ' '), '') AS \"Value\" FROM \"{table}\" t").SingleAsync();
#pragma warning restore EF1002
                    all.Append(text);
                }

                return all.ToString();
            });
            Assert.Contains(person.Pseudonym, rows, StringComparison.Ordinal); // the dump does read the rows
            Assert.All(needles, needle => Assert.DoesNotContain(needle, rows, StringComparison.Ordinal));
        }

        // Every key of the network key ring is stored encrypted; with another secret the same database reads nothing.
        var keys = await f.WithDbAsync(db => db.Set<NetworkProtectionKey>().Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
        });
        var stored = await f.WithDbAsync(db => db.Set<NetworkEntry>().Where(e => e.Id == place.Id).Select(e => e.Content).SingleAsync());
        var scopes = f.Factory.Services.GetRequiredService<IServiceScopeFactory>();
        var env = f.Factory.Services.GetRequiredService<IHostEnvironment>();
        using (var same = new NetworkProtection(f.Factory.Services.GetRequiredService<NetworkSecrets>(), scopes))
        {
            Assert.Contains(marker + "laan 1", same.Unprotect(stored), StringComparison.Ordinal);
        }

        var otherSecret = new NetworkSecrets(Microsoft.Extensions.Options.Options.Create(new NetworkOptions { Secret = TrajectFactory.NetworkSecret }), env);
        using var other = new NetworkProtection(otherSecret, scopes);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => other.Unprotect(stored));
    }

    [SkippableFact]
    public async Task Outside_Development_the_app_does_not_start_without_the_network_secret()
    {
        var database = await f.NewDatabaseAsync();
        var production = f.NewHost(database, environment: "Production");
        await using var without = production.WithWebHostBuilder(b => b.UseSetting("Network:Secret", ""));
        var error = Assert.ThrowsAny<Exception>(() => without.CreateClient());
        Assert.Contains("Network:Secret", error.ToString(), StringComparison.Ordinal);
        await using var weak = production.WithWebHostBuilder(b => b.UseSetting("Network:Secret", Convert.ToBase64String(new byte[16])));
        Assert.ThrowsAny<Exception>(() => weak.CreateClient());
        using var client = production.CreateClient();
        using var live = await client.GetAsync("/health/live");
        await live.ExpectAsync(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task The_page_shows_the_list_and_the_diagram_adds_an_entry_and_stays_closed_to_emergency_access()
    {
        f.ForgetTokens();
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await AddAsync(regie, person.TrajectoryId, new { kind = "Place", name = "Demo Park <Achteraf>", placeKind = "Park", source = "Parent", knownOn = f.Clock.Today() });
        var url = $"/trajectories/{person.TrajectoryId}/network";
        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using (var page = await browser.GetAsync(url))
        {
            var html = await page.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            var document = await Browser.ParseAsync(page);
            Assert.NotNull(document.QuerySelector("figure.network-diagram svg"));
            Assert.DoesNotContain("<Achteraf>", html, StringComparison.Ordinal); // escaped in the list and the diagram
            Assert.Contains(document.QuerySelectorAll("td"), e => e.TextContent == "Demo Park <Achteraf>");
            Assert.Contains(document.QuerySelectorAll("figure.network-diagram text"), e => e.TextContent == "Demo Park <Achteraf>");
        }

        using (var added = await Browser.SubmitAsync(browser, url, new Dictionary<string, string>
        {
            ["Input.Kind"] = "OnlineAccount", ["Input.Platform"] = "TikTok", ["Input.Handle"] = "@demo.paginatest", ["Input.Influence"] = "Risk",
            ["Input.Source"] = "YoungPerson", ["Input.KnownOn"] = f.Clock.Today().ToString("yyyy-MM-dd"),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        Assert.Contains((await NetworkAsync(regie, person.TrajectoryId)).Entries, e => e.Handle == "@demo.paginatest" && e.Platform == Platform.TikTok);
        using (var invalid = await Browser.SubmitAsync(browser, url, new Dictionary<string, string>
        {
            ["Input.Kind"] = "PhoneNumber", ["Input.Number"] = "bel me", ["Input.Source"] = "YoungPerson", ["Input.KnownOn"] = f.Clock.Today().ToString("yyyy-MM-dd"),
        }))
        {
            var document = await Browser.ParseAsync(invalid);
            Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
            Assert.Contains(document.QuerySelectorAll(".error"), e => e.TextContent.Contains("telefoonnummer", StringComparison.OrdinalIgnoreCase));
        }

        // The dossier links to it; on emergency access neither the link nor the page.
        using (var dossier = await browser.GetAsync($"/trajectories/{person.TrajectoryId}"))
        {
            Assert.Contains(url, await dossier.ExpectAsync(HttpStatusCode.OK), StringComparison.Ordinal);
        }

        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        using (var glass = await wijkteam.PostJsonAsync($"/api/v1/young-people/{person.Pseudonym}/emergency-access",
            new { reason = "Zij staat bij ons aan de balie en is in acuut gevaar." }))
        {
            await glass.ExpectAsync(HttpStatusCode.Created);
        }

        using var outsider = f.CreateClient();
        using (var login = await Browser.LoginAsync(outsider, Demo.Wijkteam))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using (var dossier = await outsider.GetAsync($"/trajectories/{person.TrajectoryId}"))
        {
            Assert.DoesNotContain(url, await dossier.ExpectAsync(HttpStatusCode.OK), StringComparison.Ordinal);
        }

        using (var refused = await outsider.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.DoesNotContain("Achteraf", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static async Task<List<NetworkAlertView>> AlertsAsync(HttpClient expert, Guid trajectoryId)
    {
        using var response = await expert.GetAsync("/api/v1/network-alerts");
        return (await response.ReadAsync<List<NetworkAlertView>>()).Where(a => a.TrajectoryId == trajectoryId).ToList();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}

public sealed class NetworkSqlite(SqliteFixture f) : NetworkTests(f), IClassFixture<SqliteFixture>;

public sealed class NetworkPostgres(PostgresFixture f) : NetworkTests(f), IClassFixture<PostgresFixture>;
