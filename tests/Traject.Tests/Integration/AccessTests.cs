using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common.Auditing;
using Traject.Web.Modules.Caseload;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Tests.Integration;

/// <summary>
/// The forbidden paths. A record outside someone's scope answers 404 (its existence is not confirmed), steering without
/// the right answers 403, no login answers 401, and every read or refusal lands in the audit trail.
/// </summary>
public abstract class AccessTests(TrajectFixture f)
{
    private sealed record Dossier(RegisteredYoungPerson Person, Changed Membership);

    /// <summary>A dossier of Demo Jeugdzorg Noord led by regie, with mentor in the team and no neighbourhood team.</summary>
    private async Task<Dossier> NorthDossierAsync()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var membership = await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        return new Dossier(person, membership);
    }

    /// <summary>Every dossier request, each with a body that would be valid for someone allowed to make it.</summary>
    private IEnumerable<(string Name, Func<HttpClient, Task<HttpResponseMessage>> Send)> DossierRequests(Dossier d)
    {
        var p = d.Person;
        var details = Dossiers.NewPerson(f.Clock, "Poging");
        details["version"] = 1;
        yield return ("GET young person by id", c => c.GetAsync($"/api/v1/young-people/{p.YoungPersonId}"));
        yield return ("GET young person by pseudonym", c => c.GetAsync($"/api/v1/young-people/{p.Pseudonym}"));
        yield return ("PUT young person", c => c.PutJsonAsync($"/api/v1/young-people/{p.Pseudonym}", details));
        yield return ("POST new trajectory", c => c.PostJsonAsync($"/api/v1/young-people/{p.Pseudonym}/trajectories", new { initialStatus = "Active" }));
        yield return ("GET trajectory", c => c.GetAsync($"/api/v1/trajectories/{p.TrajectoryId}"));
        yield return ("GET timeline", c => c.GetAsync($"/api/v1/trajectories/{p.TrajectoryId}/timeline"));
        yield return ("POST status", c => c.PostJsonAsync($"/api/v1/trajectories/{p.TrajectoryId}/status", new { status = "Active", version = 1 }));
        yield return ("PUT coordinator", c => c.PutJsonAsync($"/api/v1/trajectories/{p.TrajectoryId}/coordinator", new { professionalId = f.Ids.User(Demo.Wijkteam), version = 1 }));
        yield return ("POST care-team", c => c.PostJsonAsync($"/api/v1/trajectories/{p.TrajectoryId}/care-team", new { professionalId = f.Ids.User(Demo.Wijkteam), role = "NeighbourhoodTeam" }));
        yield return ("POST end membership", c => c.PostJsonAsync($"/api/v1/trajectories/{p.TrajectoryId}/care-team/{d.Membership.Id}/end", new { version = d.Membership.Version }));
    }

    private async Task AssertAllNotFoundAsync(string email, Dossier dossier)
    {
        using var client = await f.ClientAsync(email);
        foreach (var (name, send) in DossierRequests(dossier))
        {
            using var response = await send(client);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{email}: {name} answered {(int)response.StatusCode}, expected 404");
            var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain(dossier.Person.Pseudonym, problem.ToJsonString(), StringComparison.Ordinal);
        }

        foreach (var scope in new[] { "mine", "all" })
        {
            using var list = await client.GetAsync($"/api/v1/trajectories?scope={scope}&pageSize=100");
            Assert.DoesNotContain((await list.ReadAsync<TrajectoryPage>()).Items, t => t.Id == dossier.Person.TrajectoryId);
        }
    }

    private async Task AssertUnchangedAsync(Dossier d)
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var detail = await Dossiers.DetailAsync(regie, d.Person.TrajectoryId);
        Assert.Equal(1, detail.Version);
        Assert.Equal(TrajectoryStatus.Signalled, detail.Status);
        Assert.Equal(f.Ids.User(Demo.Regie), detail.Coordinator.Id);
        Assert.Equal(2, detail.CareTeam.Count);
        Assert.All(detail.CareTeam, m => Assert.Null(m.To));
        using var person = await regie.GetAsync($"/api/v1/young-people/{d.Person.Pseudonym}");
        var read = await person.ReadAsync<YoungPersonResponse>();
        Assert.Equal("Testa", read.GivenName);
        Assert.Single(read.Trajectories);
    }

    [SkippableFact]
    public async Task A_professional_outside_the_care_team_gets_404_everywhere_and_nothing_changes()
    {
        var dossier = await NorthDossierAsync();
        await AssertAllNotFoundAsync(Demo.Wijkteam, dossier);
        await AssertUnchangedAsync(dossier);
    }

    [SkippableFact]
    public async Task A_seeded_Noord_dossier_without_the_neighbourhood_team_is_invisible_to_the_neighbourhood_team()
    {
        var trajectoryId = await f.WithDbAsync(db => db.Trajectories
            .Where(t => t.LeadOrganisationId == f.Ids.Organisation(Demo.North) && t.Status != TrajectoryStatus.Closed)
            .Where(t => !db.CareTeamMemberships.Any(m => m.TrajectoryId == t.Id && m.OrganisationId == f.Ids.Organisation(Demo.South)))
            .Select(t => t.Id).FirstAsync());
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        using var response = await wijkteam.GetAsync($"/api/v1/trajectories/{trajectoryId}");
        await response.ProblemAsync(HttpStatusCode.NotFound);
        using var mentor = await f.ClientAsync(Demo.Mentor);
        using var allowed = await mentor.GetAsync($"/api/v1/trajectories/{trajectoryId}");
        await allowed.ExpectAsync(HttpStatusCode.OK);
    }

    [SkippableTheory]
    [InlineData(Demo.Admin)]
    [InlineData(Demo.Politie)]
    [InlineData(Demo.Rapporteur)]
    [InlineData(Demo.Kwaliteit)]
    public async Task Roles_without_care_see_no_dossier_at_all(string email)
    {
        var dossier = await NorthDossierAsync();
        await AssertAllNotFoundAsync(email, dossier);
        await AssertUnchangedAsync(dossier);

        using var client = await f.ClientAsync(email);
        foreach (var scope in new[] { "mine", "all" })
        {
            using var list = await client.GetAsync($"/api/v1/trajectories?scope={scope}");
            var page = await list.ReadAsync<TrajectoryPage>();
            Assert.Equal(0, page.Total);
            Assert.Empty(page.Items);
        }

        using var register = await client.PostJsonAsync("/api/v1/young-people", Dossiers.NewPerson(f.Clock));
        await register.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task A_team_member_who_is_not_coordinator_reads_but_gets_403_when_steering()
    {
        var dossier = await NorthDossierAsync();
        var p = dossier.Person;
        using var regie = await f.ClientAsync(Demo.Regie);
        var regieMembership = (await Dossiers.DetailAsync(regie, p.TrajectoryId)).CareTeam.Single(m => m.ProfessionalId == f.Ids.User(Demo.Regie));

        using var mentor = await f.ClientAsync(Demo.Mentor);
        using (var read = await mentor.GetAsync($"/api/v1/trajectories/{p.TrajectoryId}"))
        {
            await read.ExpectAsync(HttpStatusCode.OK);
        }

        var steering = new (string Name, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("status", () => mentor.PostJsonAsync($"/api/v1/trajectories/{p.TrajectoryId}/status", new { status = "Active", version = 1 })),
            ("coordinator", () => mentor.PutJsonAsync($"/api/v1/trajectories/{p.TrajectoryId}/coordinator", new { professionalId = f.Ids.User(Demo.Mentor), version = 1 })),
            ("care-team", () => mentor.PostJsonAsync($"/api/v1/trajectories/{p.TrajectoryId}/care-team", new { professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist" })),
            ("end someone else", () => mentor.PostJsonAsync($"/api/v1/trajectories/{p.TrajectoryId}/care-team/{regieMembership.Id}/end", new { version = regieMembership.Version })),
        };
        foreach (var (name, send) in steering)
        {
            using var response = await send();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{name}: {(int)response.StatusCode}");
            await response.ProblemAsync(HttpStatusCode.Forbidden);
        }

        await AssertUnchangedAsync(dossier);

        var denied = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.ActorId == f.Ids.User(Demo.Mentor) && a.Outcome == AuditOutcomes.Denied && a.Pseudonym == p.Pseudonym)
            .Select(a => a.Action).ToListAsync());
        Assert.Contains(TrajectoriesAuditActions.TrajectoryUpdated, denied);
        Assert.Contains(TrajectoriesAuditActions.CoordinatorChanged, denied);
        Assert.Contains(TrajectoriesAuditActions.CareTeamChanged, denied);
    }

    [SkippableFact]
    public async Task Without_login_every_API_endpoint_but_login_answers_401_not_a_redirect()
    {
        var endpoints = ApiEndpoints.All(f.Factory.Services);
        using var anonymous = f.CreateClient();
        using var forged = Api.WithToken(f.CreateClient(), "not-a-token");
        var checkedCount = 0;
        foreach (var endpoint in endpoints.Where(e => !e.AllowsAnonymous))
        {
            var url = endpoint.Url(_ => Guid.CreateVersion7().ToString());
            foreach (var client in new[] { anonymous, forged })
            {
                using var request = ApiEndpoints.Request(endpoint, url, endpoint.BodyType is null ? null : new StringContent("{}", null, "application/json"));
                using var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{endpoint}: {(int)response.StatusCode}");
                Assert.Null(response.Headers.Location);
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 30);
        Assert.Contains(endpoints, e => e.AllowsAnonymous && e.Pattern == "/api/v1/auth/login");
        Assert.All(endpoints.Where(e => e.AllowsAnonymous), e => Assert.StartsWith("/api/v1/auth/", e.Pattern, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Non_administrators_get_403_on_administration()
    {
        var regionId = await f.WithDbAsync(db => db.Regions.Select(r => r.Id).FirstAsync());
        var orgId = f.Ids.Organisation(Demo.North);
        var userId = f.Ids.User(Demo.Mentor);
        var requests = new (string Method, string Url, object? Body)[]
        {
            ("POST", "/api/v1/regions", new { name = "Testregio" }),
            ("PUT", $"/api/v1/regions/{regionId}", new { name = "Testregio", version = 1 }),
            ("POST", "/api/v1/organisations", new { name = "Test Organisatie", kind = "YouthCareProvider", regionId }),
            ("PUT", $"/api/v1/organisations/{orgId}", new { name = "Demo Jeugdzorg Noord", kind = "YouthCareProvider", regionId, version = 1 }),
            ("GET", "/api/v1/professionals", null),
            ("GET", $"/api/v1/professionals/{userId}", null),
            ("POST", "/api/v1/professionals", new { email = "nieuw@example.org", displayName = "Nieuw", organisationId = orgId, roles = new[] { "Administrator" }, password = "een lang wachtwoord" }),
            ("PUT", $"/api/v1/professionals/{userId}", new { displayName = "Mira", organisationId = orgId, roles = new[] { "Administrator" }, isActive = true, version = "x" }),
        };
        foreach (var email in new[] { Demo.Regie, Demo.Aandacht, Demo.Politie, Demo.Kwaliteit })
        {
            using var client = await f.ClientAsync(email);
            foreach (var (method, url, body) in requests)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body, options: Api.Json) };
                using var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{email} {method} {url}: {(int)response.StatusCode}");
                await response.ProblemAsync(HttpStatusCode.Forbidden);
            }
        }

        Assert.False(await f.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name == "Test Organisatie")));
        Assert.False(await f.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "nieuw@example.org")));

        using var admin = await f.ClientAsync(Demo.Admin);
        using var created = await admin.PostJsonAsync("/api/v1/organisations", new { name = "Test Organisatie " + Guid.NewGuid().ToString("N")[..6], kind = "YouthCareProvider", regionId });
        await created.ExpectAsync(HttpStatusCode.Created);
    }

    [SkippableFact]
    public async Task A_deactivated_professional_loses_her_token_at_once()
    {
        using var admin = await f.ClientAsync(Demo.Admin);
        var email = $"tijdelijk-{Guid.NewGuid():N}@example.org";
        using var create = await admin.PostJsonAsync("/api/v1/professionals", new
        {
            email, displayName = "Tijdelijke Tester", organisationId = f.Ids.Organisation(Demo.North),
            roles = new[] { "YouthCareProfessional" }, password = "een lang test wachtwoord",
        });
        var id = (string?)System.Text.Json.Nodes.JsonNode.Parse(await create.ExpectAsync(HttpStatusCode.Created))!["id"];
        var key = await Authenticator.EnrolAsync(f.Factory, email);
        var token = await Api.LoginAsync(f.Factory, email, "een lang test wachtwoord", Authenticator.Next(key, f.Clock));
        using var reread = await admin.GetAsync($"/api/v1/professionals/{id}");
        var created = System.Text.Json.Nodes.JsonNode.Parse(await reread.ExpectAsync(HttpStatusCode.OK))!;
        using var client = Api.WithToken(f.CreateClient(), token);
        using (var before = await client.GetAsync("/api/v1/trajectories"))
        {
            await before.ExpectAsync(HttpStatusCode.OK);
        }

        using var deactivate = await admin.PutJsonAsync($"/api/v1/professionals/{(string?)created["id"]}", new
        {
            displayName = "Tijdelijke Tester", organisationId = f.Ids.Organisation(Demo.North),
            roles = new[] { "YouthCareProfessional" }, isActive = false, version = (string?)created["version"],
        });
        await deactivate.ExpectAsync(HttpStatusCode.OK);

        using var after = await client.GetAsync("/api/v1/trajectories");
        await after.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Reads_are_audited_with_their_basis_and_refusals_as_denied()
    {
        var dossier = await NorthDossierAsync();
        var p = dossier.Person;
        using (var regie = await f.ClientAsync(Demo.Regie))
        using (var read = await regie.GetAsync($"/api/v1/young-people/{p.Pseudonym}"))
        {
            await read.ExpectAsync(HttpStatusCode.OK);
        }

        using (var mentor = await f.ClientAsync(Demo.Mentor))
        using (var read = await mentor.GetAsync($"/api/v1/trajectories/{p.TrajectoryId}/timeline"))
        {
            await read.ExpectAsync(HttpStatusCode.OK);
        }

        using (var wijkteam = await f.ClientAsync(Demo.Wijkteam))
        {
            using var person = await wijkteam.GetAsync($"/api/v1/young-people/{p.YoungPersonId}");
            await person.ExpectAsync(HttpStatusCode.NotFound);
            using var trajectory = await wijkteam.GetAsync($"/api/v1/trajectories/{p.TrajectoryId}");
            await trajectory.ExpectAsync(HttpStatusCode.NotFound);
        }

        var entries = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == p.YoungPersonId || a.EntityId == p.TrajectoryId).ToListAsync());

        var regieRead = Assert.Single(entries, a => a.ActorId == f.Ids.User(Demo.Regie) && a.Action == TrajectoriesAuditActions.YoungPersonRead);
        Assert.Equal(AuditOutcomes.Allowed, regieRead.Outcome);
        Assert.Equal(AccessBasis.Coordinator, regieRead.Basis);
        Assert.Equal(p.Pseudonym, regieRead.Pseudonym);
        Assert.Equal("api", regieRead.Channel);
        Assert.Equal(f.Ids.Organisation(Demo.North), regieRead.ActorOrganisationId);
        Assert.Equal(f.Clock.GetUtcNow(), regieRead.At);

        var mentorRead = Assert.Single(entries, a => a.ActorId == f.Ids.User(Demo.Mentor) && a.Action == TrajectoriesAuditActions.TimelineRead);
        Assert.Equal(AuditOutcomes.Allowed, mentorRead.Outcome);
        Assert.Equal(AccessBasis.CareTeam, mentorRead.Basis);

        var denied = entries.Where(a => a.ActorId == f.Ids.User(Demo.Wijkteam)).ToList();
        Assert.Equal(2, denied.Count);
        Assert.All(denied, a =>
        {
            Assert.Equal(AuditOutcomes.Denied, a.Outcome);
            Assert.Null(a.Basis);
            Assert.Null(a.Pseudonym); // a refusal does not even write down who it was about
        });
        Assert.Contains(denied, a => a.Action == TrajectoriesAuditActions.YoungPersonRead && a.EntityId == p.YoungPersonId);
        Assert.Contains(denied, a => a.Action == TrajectoriesAuditActions.TrajectoryRead && a.EntityId == p.TrajectoryId);

        // Registration itself was audited in the same unit of work.
        Assert.Contains(entries, a => a.Action == TrajectoriesAuditActions.YoungPersonCreated && a.EntityId == p.YoungPersonId && a.Pseudonym == p.Pseudonym);
        Assert.Contains(entries, a => a.Action == TrajectoriesAuditActions.TrajectoryCreated && a.EntityId == p.TrajectoryId);
    }
}

public sealed class AccessSqlite(SqliteFixture f) : AccessTests(f), IClassFixture<SqliteFixture>;

public sealed class AccessPostgres(PostgresFixture f) : AccessTests(f), IClassFixture<PostgresFixture>;
