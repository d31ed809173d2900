using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Data;
using Traject.Web.Modules.Organisations;

namespace Traject.Tests.Integration;

/// <summary>
/// Faults the client can act on get answers that say so (ADR 0025): a unique value taken at the same moment is a 409
/// naming the field, and a database that cannot be reached is a 503 with Retry-After, for the API and the pages,
/// until it is back, without restarting the app.
/// </summary>
public abstract class GracefulFaultTests(TrajectFixture f)
{
    [SkippableFact]
    public async Task Parallel_posts_of_one_region_name_create_one_and_never_answer_500()
    {
        using var admin = await f.ClientAsync(Demo.Admin);
        var name = "Race " + Guid.NewGuid().ToString("N")[..8];
        using var start = new SemaphoreSlim(0);
        var posts = Enumerable.Range(0, 8).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await admin.PostJsonAsync("/api/v1/regions", new { name });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
        }).ToList();
        start.Release(8);
        var answers = await Task.WhenAll(posts);

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        foreach (var (status, body, mediaType) in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            // Who finds the name taken before saving gets the form's 400; who loses the race at the unique index a 409.
            Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"{(int)status}: {body}");
            Assert.Equal("application/problem+json", mediaType);
            Assert.Contains("name", JsonNode.Parse(body)!["errors"]!.AsObject().Select(e => e.Key));
        }

        Assert.Equal(1, await f.WithDbAsync(db => db.Regions.CountAsync(r => r.Name == name)));
    }

    /// <summary>
    /// The page's own check finds the name free, and a trigger puts the same name in just before the insert: the save meets
    /// the unique index, as the loser of a real race does. A browser gets the 409 page that says so, never a 500.
    /// </summary>
    [SkippableFact]
    public async Task A_page_save_that_meets_a_unique_index_answers_409_with_what_to_do_and_saves_nothing()
    {
        var name = "Clash " + Guid.NewGuid().ToString("N")[..8];
        var postgres = f.Provider == DatabaseProvider.PostgreSQL;
        string[] create = postgres
            ?
            [
                $$"""
                CREATE FUNCTION clash_region() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF pg_trigger_depth() = 1 AND NEW."Name" = '{{name}}' THEN
                        INSERT INTO "Regions" ("Id", "Name", "IsActive", "Version") VALUES (gen_random_uuid(), NEW."Name", true, 1);
                    END IF;
                    RETURN NEW;
                END $$
                """,
                "CREATE TRIGGER clash_region BEFORE INSERT ON \"Regions\" FOR EACH ROW EXECUTE FUNCTION clash_region()",
            ]
            :
            [
                $"""
                CREATE TRIGGER clash_region BEFORE INSERT ON "Regions"
                WHEN NEW."Name" = '{name}' AND NOT EXISTS (SELECT 1 FROM "Regions" WHERE "Name" = NEW."Name")
                BEGIN INSERT INTO "Regions" ("Id", "Name", "IsActive", "Version") VALUES (lower(hex(randomblob(16))), NEW."Name", 1, 1); END
                """,
            ];
        string[] drop = postgres
            ? ["DROP TRIGGER IF EXISTS clash_region ON \"Regions\"", "DROP FUNCTION IF EXISTS clash_region()"]
            : ["DROP TRIGGER IF EXISTS clash_region"];

        var admin = f.CreateClient();
        using (var login = await Browser.LoginAsync(admin, Demo.Admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var (action, values) = await Browser.FormAsync(admin, "/admin/regions", new Dictionary<string, string> { ["Input.Name"] = name });
        await f.WithDbAsync(async db =>
        {
            foreach (var sql in create)
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }

            return 0;
        });
        try
        {
            using var content = new FormUrlEncodedContent(values);
            using var response = await admin.PostAsync(action, content);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, html);
            Assert.Contains("Tegelijk door iemand anders opgeslagen", html, StringComparison.Ordinal);
            Assert.Contains("kies een andere waarde", html, StringComparison.Ordinal);
        }
        finally
        {
            await f.WithDbAsync(async db =>
            {
                foreach (var sql in drop)
                {
                    await db.Database.ExecuteSqlRawAsync(sql);
                }

                return 0;
            });
        }

        Assert.Equal(0, await f.WithDbAsync(db => db.Regions.CountAsync(r => r.Name == name)));
    }

    [SkippableFact]
    public async Task A_unique_index_violation_is_read_as_the_request_field_it_guards()
    {
        var name = "Twice " + Guid.NewGuid().ToString("N")[..8];
        await f.WithDbAsync(async db =>
        {
            db.Regions.Add(new Region { Name = name });
            return await db.SaveChangesAsync();
        });
        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => f.WithDbAsync(async db =>
        {
            db.Regions.Add(new Region { Name = name });
            return await db.SaveChangesAsync();
        }));

        var model = await f.WithDbAsync(db => Task.FromResult(db.Model));
        Assert.Equal(new[] { "name" }, DatabaseFaults.UniqueViolationFields(failure, model));
        Assert.False(DatabaseFaults.IsUnavailable(failure));
        var conflict = ApiExceptionHandler.UniqueConflict(["name"]);
        Assert.Equal((ErrorKind.Conflict, "name"), (conflict.Kind, conflict.Fields!.Single().Key));
    }

    /// <summary>The outage, simulated in front of the PostgreSQL server (so it runs in the PostgreSQL class only).</summary>
    protected async Task UnreachableDatabaseAsync()
    {
        Providers.Require(DatabaseProvider.PostgreSQL);
        var server = new NpgsqlConnectionStringBuilder(Providers.PostgresAdminConnectionString);
        await using var gate = new TcpGate(server.Host ?? "127.0.0.1", server.Port);
        var host = f.NewHost(new GatedDatabase(await f.NewDatabaseAsync(), gate));
        await TrajectFixture.SeedDemoAsync(host);
        using var api = Api.WithToken(host.CreateClient(), await Api.LoginAsync(host, Demo.Regie));
        var person = await Dossiers.RegisterAsync(api, f.Clock);
        var browser = host.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var dossier = $"/api/v1/trajectories/{person.TrajectoryId}";
        var page = $"/trajectories/{person.TrajectoryId}";
        using (var up = await api.GetAsync(dossier))
        {
            await up.ExpectAsync(HttpStatusCode.OK);
        }

        await gate.CloseAsync();

        foreach (var request in new Func<Task<HttpResponseMessage>>[]
        {
            () => api.GetAsync(dossier),
            () => api.PostJsonAsync("/api/v1/young-people", Dossiers.NewPerson(f.Clock)),
            () => host.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = Demo.Regie, password = Demo.Password }),
        })
        {
            using var down = await request();
            var problem = await down.ProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(TimeSpan.FromSeconds(DatabaseFaults.RetryAfterSeconds), down.Headers.RetryAfter?.Delta);
            Assert.Equal("Tijdelijk niet beschikbaar", (string?)problem["title"]);
            Assert.DoesNotContain("Npgsql", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        }

        using (var down = await browser.GetAsync(page))
        {
            var html = await down.ExpectAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(TimeSpan.FromSeconds(DatabaseFaults.RetryAfterSeconds), down.Headers.RetryAfter?.Delta);
            Assert.Equal("text/html", down.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Probeer het over een ogenblik opnieuw", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"{page}\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        }

        using (var ready = await host.CreateClient().GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        gate.Open();

        // Connections the outage broke are dropped from the pool as they are met; within seconds every answer is normal.
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 40 && status != HttpStatusCode.OK; attempt++)
        {
            using var again = await api.GetAsync(dossier);
            status = again.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
                await Task.Delay(250);
            }
        }

        Assert.Equal(HttpStatusCode.OK, status);
        using (var back = await browser.GetAsync(page))
        {
            await back.ExpectAsync(HttpStatusCode.OK);
        }
    }
}

public sealed class GracefulFaultsSqlite(SqliteFixture f) : GracefulFaultTests(f), IClassFixture<SqliteFixture>;

public sealed class GracefulFaultsPostgres(PostgresFixture f) : GracefulFaultTests(f), IClassFixture<PostgresFixture>
{
    [SkippableFact]
    public Task While_the_database_is_unreachable_API_and_pages_answer_503_with_Retry_After_and_recover_without_a_restart() =>
        UnreachableDatabaseAsync();
}
