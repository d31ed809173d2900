using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;

namespace Traject.Tests.Contract;

/// <summary>
/// The answers conform to the document: a journey through the API (reads, writes that succeed, and refusals) and a
/// sweep over every read of real dossiers, each answer validated against the schema its operation declares for that
/// status. The document cannot drift from the code: an undeclared status, a missing or extra field, a wrong type or
/// format fails.
/// </summary>
public abstract partial class ResponseSchemaTests(TrajectFixture f)
{
    private static readonly HttpMethod Get = HttpMethod.Get;
    private static readonly HttpMethod Post = HttpMethod.Post;
    private static readonly HttpMethod Put = HttpMethod.Put;
    private int _address;

    /// <summary>Sends requests, checks every answer against the document and keeps what does not conform.</summary>
    private sealed class Journey(OpenApiContract contract)
    {
        private readonly List<string> _failures = [];

        /// <summary>"OperationId status" of every answer checked.</summary>
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public OpenApiContract Contract => contract;

        public async Task<JsonNode?> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null, HttpStatusCode? expect = null,
            HttpContent? content = null, string? clientAddress = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = content ?? (body is null ? null : JsonContent.Create(body, options: Api.Json)) };
            if (clientAddress is not null)
            {
                request.Headers.Add(TrajectFactory.ClientAddressHeader, clientAddress);
            }

            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var path = response.RequestMessage!.RequestUri!.AbsolutePath;
            var status = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            _failures.AddRange(contract.Check(method.Method, path, status, mediaType, text));
            if (expect is { } expected && response.StatusCode != expected)
            {
                _failures.Add($"{method} {url}: expected {(int)expected}, got {status}: {(text.Length > 300 ? text[..300] : text)}");
            }

            Seen.Add($"{contract.Find(method.Method, path)?.Id} {status}");
            return mediaType is "application/json" or "application/problem+json" && text.Length > 0 ? JsonNode.Parse(text) : null;
        }

        public void AssertConforms(params string[] mustHaveSeen)
        {
            Assert.True(_failures.Count == 0, $"{_failures.Count} answers do not match the document:\n" + string.Join("\n", _failures.Take(60)));
            var missing = mustHaveSeen.Where(s => !Seen.Contains(s)).ToList();
            Assert.True(missing.Count == 0, $"not answered: {string.Join(", ", missing)}; seen: {string.Join(", ", Seen.Order(StringComparer.Ordinal))}");
        }
    }

    private async Task<Journey> StartAsync()
    {
        using var client = f.CreateClient();
        return new Journey(await OpenApiContract.LoadAsync(client));
    }

    private string NextAddress() => $"198.51.{Interlocked.Increment(ref _address) / 250 % 250}.{(_address % 250) + 1}";

    [SkippableFact]
    public async Task A_journey_through_the_API_answers_as_the_document_declares()
    {
        var j = await StartAsync();
        using var anonymous = f.CreateClient();
        await j.SendAsync(anonymous, Get, "/api/v1/trajectories", expect: HttpStatusCode.Unauthorized);
        await j.SendAsync(anonymous, Post, "/api/v1/auth/login", new { email = Demo.Mentor, password = Demo.Password }, HttpStatusCode.OK,
            clientAddress: NextAddress());
        await j.SendAsync(anonymous, Post, "/api/v1/auth/login", new { email = "nobody@demo.traject", password = "not the password" },
            HttpStatusCode.Unauthorized, clientAddress: NextAddress());

        using var regie = await f.ClientAsync(Demo.Regie);
        await j.SendAsync(regie, Post, "/api/v1/young-people", new { }, HttpStatusCode.BadRequest);
        var registered = await j.SendAsync(regie, Post, "/api/v1/young-people", Dossiers.NewPerson(f.Clock, "Contracta"), HttpStatusCode.Created);
        var key = (string)registered!["pseudonym"]!;
        var id = (string)registered["trajectoryId"]!;
        var trajectory = $"/api/v1/trajectories/{id}";

        var person = (await j.SendAsync(regie, Get, $"/api/v1/young-people/{key}", expect: HttpStatusCode.OK))!;
        var correction = new Dictionary<string, object?>
        {
            ["givenName"] = "Contracta", ["familyName"] = "Proefpersoon", ["dateOfBirth"] = (string?)person["dateOfBirth"],
            ["gender"] = (string?)person["gender"], ["nationality"] = (string?)person["nationality"], ["municipality"] = "Zwolle",
            ["version"] = 0,
        };
        await j.SendAsync(regie, Put, $"/api/v1/young-people/{key}", correction, HttpStatusCode.Conflict);
        correction["version"] = (long)person["version"]!;
        await j.SendAsync(regie, Put, $"/api/v1/young-people/{key}", correction, HttpStatusCode.OK);

        await j.SendAsync(regie, Get, "/api/v1/trajectories?scope=mine", expect: HttpStatusCode.OK);
        await j.SendAsync(regie, Get, "/api/v1/trajectories?scope=everyone", expect: HttpStatusCode.BadRequest);
        await j.SendAsync(regie, Get, $"/api/v1/trajectories/{Guid.CreateVersion7()}", expect: HttpStatusCode.NotFound);
        await j.SendAsync(regie, Get, trajectory, expect: HttpStatusCode.OK);
        await j.SendAsync(regie, Get, $"{trajectory}/timeline?pageSize=5", expect: HttpStatusCode.OK);
        await j.SendAsync(regie, Get, "/api/v1/notifications", expect: HttpStatusCode.OK);
        await j.SendAsync(regie, Post, $"{trajectory}/care-team", new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" }, HttpStatusCode.Created);
        await j.SendAsync(regie, Post, $"{trajectory}/future-plan/goals", new { domain = "Housing", inHerWords = "Een eigen kamer." }, HttpStatusCode.Created);
        await j.SendAsync(regie, Post, "/api/v1/screening/evaluate", new
        {
            dateOfBirth = f.Clock.Today().AddYears(-15), observationDate = f.Clock.Today(), signals = Array.Empty<string>(),
        }, HttpStatusCode.OK);

        // Into care with a placement, an aftercare plan; closing is refused with its reasons.
        var programme = await PlacementSteps.ProgrammeAsync(f, PlacementSteps.Outpatient);
        await j.SendAsync(regie, Post, PlacementSteps.Url(Guid.Parse(id)), new
        {
            programmeId = programme, organisationId = f.Ids.Organisation(Demo.North), startedOn = f.Clock.Today(),
        }, HttpStatusCode.Created);
        await j.SendAsync(regie, Put, $"{trajectory}/aftercare/plan", new
        {
            startsOn = f.Clock.Today(), months = 6, contactFrequency = "Monthly", trustedProfessionalId = f.Ids.User(Demo.Mentor),
            support = Array.Empty<object>(),
        }, HttpStatusCode.OK);
        await j.SendAsync(regie, Get, $"{trajectory}/aftercare", expect: HttpStatusCode.OK);
        var detail = (await j.SendAsync(regie, Get, trajectory, expect: HttpStatusCode.OK))!;
        var refused = await j.SendAsync(regie, Post, $"{trajectory}/status", new { status = "Closed", reason = "Klaar.", version = (long)detail["version"]! },
            HttpStatusCode.Conflict);
        Assert.NotEmpty(refused!["reasons"]!.AsArray());

        var tasks = (await j.SendAsync(regie, Get, $"{trajectory}/tasks", expect: HttpStatusCode.OK))!.AsArray();
        var open = tasks.First(t => t!["completedAt"] is null && (bool)t["canComplete"]!)!;
        await j.SendAsync(regie, Post, $"{trajectory}/tasks/{(string)open["id"]!}/done", new { note = "Gedaan.", version = (long)open["version"]! },
            HttpStatusCode.OK);

        // Text and files, and bodies the API does not read.
        await j.SendAsync(regie, Get, $"{trajectory}/network/diagram", expect: HttpStatusCode.OK);
        await j.SendAsync(regie, Get, $"/api/v1/young-people/{key}/access-log", expect: HttpStatusCode.OK);
        await j.SendAsync(regie, Get, $"/api/v1/young-people/{key}/access-log?format=csv", expect: HttpStatusCode.OK);
        await j.SendAsync(regie, Post, "/api/v1/young-people", content: new StringContent("{\"givenName\": \"" + new string('x', 70 * 1024) + "\"}",
            Encoding.UTF8, "application/json"), expect: HttpStatusCode.RequestEntityTooLarge);
        await j.SendAsync(regie, Post, "/api/v1/young-people", content: new StringContent("givenName=Contracta", Encoding.UTF8, "text/plain"));

        j.AssertConforms(
            "ListTrajectories 401", "Login 200", "Login 401", "RegisterYoungPerson 400", "RegisterYoungPerson 201", "GetYoungPerson 200",
            "UpdateYoungPerson 409", "UpdateYoungPerson 200", "ListTrajectories 200", "ListTrajectories 400", "GetTrajectory 404",
            "GetTrajectory 200", "GetTimeline 200", "ListNotifications 200", "AddCareTeamMember 201", "AddFuturePlanGoal 201",
            "EvaluateScreening 200", "StartPlacement 201", "SaveAftercarePlan 200", "GetAftercare 200", "ChangeTrajectoryStatus 409",
            "ListTasks 200", "CompleteTask 200", "GetNetworkDiagram 200", "GetAccessLog 200", "RegisterYoungPerson 413");
    }

    [SkippableFact]
    public async Task Every_read_of_the_coordinators_dossiers_answers_as_declared()
    {
        var j = await StartAsync();
        using var regie = await f.ClientAsync(Demo.Regie);
        var page = (await j.SendAsync(regie, Get, "/api/v1/trajectories?scope=mine&pageSize=100", expect: HttpStatusCode.OK))!;
        var ids = page["items"]!.AsArray().Select(t => (string)t!["id"]!).ToList();
        Assert.True(ids.Count >= 5, $"the demo coordinator's trajectories, got {ids.Count}");

        // Every read of a trajectory, and of the first record of each list below it (screenings, placements, episodes…).
        var reads = j.Contract.Operations.Where(o => o.Method == "GET" && o.Path.StartsWith("/api/v1/trajectories/{id}", StringComparison.Ordinal)).ToList();
        foreach (var id in ids)
        {
            foreach (var read in reads.Where(o => o.ParameterCount == 1))
            {
                var answer = await j.SendAsync(regie, Get, read.Path.Replace("{id}", id, StringComparison.Ordinal));
                var first = (answer as JsonArray)?.FirstOrDefault()?["id"];
                foreach (var child in reads.Where(o => o.ParameterCount == 2 && first is not null && o.Path.StartsWith(read.Path + "/{", StringComparison.Ordinal)))
                {
                    await j.SendAsync(regie, Get, Placeholder().Replace(child.Path.Replace("{id}", id, StringComparison.Ordinal), (string)first!));
                }
            }
        }

        j.AssertConforms("GetTrajectory 200", "GetSafety 200", "ListScreenings 200", "GetScreening 200", "ListPlacements 200", "GetPlacement 200",
            "GetFuturePlan 200", "GetContinuityChecklist 200", "GetTrajectoryOverview 200", "GetRegistration 200", "GetNetwork 200",
            "ListHandovers 200", "GetAnalyses 200", "ListMissingEpisodes 200", "GetMissingEpisode 200");
    }

    [SkippableFact]
    public async Task Lists_and_refusals_for_every_role_answer_as_declared()
    {
        var j = await StartAsync();
        var lists = j.Contract.Operations.Where(o => o.Method == "GET" && o.ParameterCount == 0).ToList();
        Assert.True(lists.Count >= 15, $"the lists without a route parameter, found {lists.Count}");
        foreach (var who in new[] { Demo.Regie, Demo.Aandacht, Demo.Admin, Demo.Rapporteur, Demo.Kwaliteit })
        {
            using var client = await f.ClientAsync(who);
            foreach (var list in lists)
            {
                await j.SendAsync(client, Get, list.Path);
            }
        }

        j.AssertConforms("ListTrajectories 200", "ListNotifications 200", "ListRegions 200", "ListOrganisations 200", "ListProfessionals 200",
            "ListProfessionals 403", "ListProfessionalDirectory 200", "VerifyAuditChain 200", "VerifyAuditChain 403", "ListEmergencyAccesses 200",
            "ListNetworkAlerts 200", "ListIncidents 200", "GetNationalFigures 200", "GetNationalFigures 403", "ListCareProgrammes 200",
            "GetInstrument 200", "ListInstrumentVersions 200", "GetConsentPolicy 200", "GetRegistrationOverview 200", "ListNotificationExports 200",
            "GetTriageQuality 200");
    }

    [System.Text.RegularExpressions.GeneratedRegex("{[^}]+}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();
}

public sealed class ResponseSchemaSqlite(SqliteFixture f) : ResponseSchemaTests(f), IClassFixture<SqliteFixture>;

public sealed class ResponseSchemaPostgres(PostgresFixture f) : ResponseSchemaTests(f), IClassFixture<PostgresFixture>;
