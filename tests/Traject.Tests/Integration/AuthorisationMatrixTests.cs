using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Caseload;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>
/// The authorisation matrix: for every API endpoint and every demo role, inside and outside the care team of one
/// young person, the expected answer. An endpoint missing from the matrix fails the test, so new endpoints must
/// declare who may use them.
/// </summary>
public abstract class AuthorisationMatrixTests(TrajectFixture f)
{
    internal enum Expect
    {
        Allowed,   // anything but 401, 403 and 404 (the empty body may well be refused as invalid: 400 or 409)
        Forbidden, // 403
        Hidden,    // 404: out of scope looks like absent
    }

    private static readonly string[] Users =
        [Demo.Regie, Demo.Mentor, Demo.Aandacht, Demo.Gedrag, Demo.Wijkteam, Demo.Politie, Demo.Admin, Demo.Kwaliteit, Demo.Rapporteur];

    // Regie registered the young person (coordinator), Mentor is in her team, Aandacht is the lead organisation's designated expert.
    private static readonly HashSet<string> InScope = [Demo.Regie, Demo.Mentor, Demo.Aandacht];
    private static readonly HashSet<string> Steers = [Demo.Regie, Demo.Aandacht];
    private static readonly HashSet<string> Care = [Demo.Regie, Demo.Mentor, Demo.Aandacht, Demo.Gedrag, Demo.Wijkteam];

    // Care professionals of care organisations pool signals; designated experts take them up instead.
    private static readonly HashSet<string> Poolers = [Demo.Regie, Demo.Mentor, Demo.Gedrag, Demo.Wijkteam];

    private static Expect Dossier(string u) => InScope.Contains(u) ? Expect.Allowed : Expect.Hidden;
    private static Expect Steering(string u) => Steers.Contains(u) ? Expect.Allowed : InScope.Contains(u) ? Expect.Forbidden : Expect.Hidden;
    private static Expect AdminOnly(string u) => u == Demo.Admin ? Expect.Allowed : Expect.Forbidden;
    private static Expect Everyone(string u) => Expect.Allowed;

    // The demo's Veilig Lima is run by Demo Jeugdzorg Noord: its professionals (and administrators) keep the capacity.
    private static Expect Capacity(string u) =>
        u is Demo.Admin or Demo.Regie or Demo.Mentor or Demo.Aandacht or Demo.Gedrag or Demo.Kwaliteit ? Expect.Allowed : Expect.Forbidden;
    // The hand-over used is proposed to a professional who is none of the demo users: only she takes the receiving side.
    private static Expect ReceivingSide(string u) => InScope.Contains(u) ? Expect.Forbidden : Expect.Hidden;

    internal static readonly IReadOnlyDictionary<string, Func<string, Expect>> Matrix = new Dictionary<string, Func<string, Expect>>
    {
        ["POST /api/v1/young-people"] = u => Care.Contains(u) ? Expect.Allowed : Expect.Forbidden,
        ["GET /api/v1/young-people/{key}"] = Dossier,
        ["PUT /api/v1/young-people/{key}"] = Dossier,
        ["POST /api/v1/young-people/{key}/trajectories"] = Dossier,
        ["GET /api/v1/young-people/{key}/access-log"] = Steering,
        ["POST /api/v1/young-people/{key}/emergency-access"] = u => Care.Contains(u) ? Expect.Allowed : Expect.Forbidden,
        ["GET /api/v1/trajectories"] = Everyone,
        ["GET /api/v1/tasks/mine"] = Everyone,
        ["GET /api/v1/young-people"] = Everyone,
        ["GET /api/v1/trajectories/{id:guid}"] = Dossier,
        ["GET /api/v1/trajectories/{id:guid}/timeline"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/status"] = Steering,
        ["POST /api/v1/trajectories/{id:guid}/early-close"] = Steering,
        ["POST /api/v1/trajectories/{id:guid}/early-close/co-sign"] = Steering,
        ["POST /api/v1/trajectories/{id:guid}/early-close/withdraw"] = Steering,
        ["PUT /api/v1/trajectories/{id:guid}/coordinator"] = Steering,
        ["POST /api/v1/trajectories/{id:guid}/care-team"] = Steering,
        // The membership used is Mentor's own: she may end it herself.
        ["POST /api/v1/trajectories/{id:guid}/care-team/{membershipId:guid}/end"] = Dossier,
        ["GET /api/v1/regions"] = Everyone,
        ["POST /api/v1/regions"] = AdminOnly,
        ["PUT /api/v1/regions/{id:guid}"] = AdminOnly,
        ["GET /api/v1/organisations"] = Everyone,
        ["POST /api/v1/organisations"] = AdminOnly,
        ["PUT /api/v1/organisations/{id:guid}"] = AdminOnly,
        ["GET /api/v1/professionals"] = AdminOnly,
        ["POST /api/v1/professionals"] = AdminOnly,
        ["GET /api/v1/professionals/directory"] = Everyone,
        ["GET /api/v1/professionals/{id:guid}"] = AdminOnly,
        ["PUT /api/v1/professionals/{id:guid}"] = AdminOnly,
        ["POST /api/v1/professionals/{id:guid}/reset-second-factor"] = AdminOnly,
        ["GET /api/v1/audit/verify"] = AdminOnly,
        ["POST /api/v1/emergency-access/search"] = u => Care.Contains(u) ? Expect.Allowed : Expect.Forbidden,
        ["GET /api/v1/emergency-accesses"] = u => u == Demo.Aandacht ? Expect.Allowed : Expect.Forbidden,
        // A review of an access that is not one's own organisation's (here: none at all) is not found for anyone.
        ["POST /api/v1/emergency-accesses/{id:guid}/review"] = _ => Expect.Hidden,
        ["GET /api/v1/notifications"] = Everyone,
        // Her own settings only; without a mail server (the tests' default) switching nudges on is refused with 409.
        ["GET /api/v1/me/notification-settings"] = Everyone,
        ["PUT /api/v1/me/notification-settings"] = Everyone,
        ["GET /api/v1/follow-ups/kept"] = Everyone,
        ["GET /api/v1/trajectories/{id:guid}/tasks"] = Dossier,
        // The task used is the screening at intake, owned by the coordinator: team members who do not own it are refused.
        ["POST /api/v1/trajectories/{id:guid}/tasks/{taskId:guid}/done"] = Steering,
        ["PUT /api/v1/trajectories/{id:guid}/tasks/{taskId:guid}"] = Steering,
        ["GET /api/v1/trajectories/{id:guid}/reporting-code"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/reporting-code"] = Dossier,
        ["POST /api/v1/signals"] = u => Poolers.Contains(u) ? Expect.Allowed : Expect.Forbidden,
        ["GET /api/v1/trajectories/{id:guid}/pooled-signals"] = Steering,
        ["GET /api/v1/trajectories/{id:guid}/screenings"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/screenings"] = Dossier,
        ["GET /api/v1/trajectories/{id:guid}/screenings/{screeningId:guid}"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/screenings/{screeningId:guid}/weighings"] = Dossier,
        // The instrument and the stateless evaluation hold no young person's data: everyone logged in; publishing is for administrators.
        ["GET /api/v1/screening/instrument"] = Everyone,
        ["GET /api/v1/screening/instrument/versions"] = Everyone,
        ["POST /api/v1/screening/instrument/versions"] = AdminOnly,
        ["POST /api/v1/screening/evaluate"] = Everyone,
        // The network analysis is for the care team; alerts about overlaps are for designated experts.
        ["GET /api/v1/trajectories/{id:guid}/network"] = Dossier,
        ["GET /api/v1/trajectories/{id:guid}/network/diagram"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/network/entries"] = Dossier,
        ["PUT /api/v1/trajectories/{id:guid}/network/entries/{entryId:guid}"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/network/entries/{entryId:guid}/remove"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/network/links"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/network/links/{linkId:guid}/remove"] = Dossier,
        ["GET /api/v1/network-alerts"] = u => u == Demo.Aandacht ? Expect.Allowed : Expect.Forbidden,
        // An alert that is not one's own organisation's (here: none at all) is not found for a designated expert.
        ["POST /api/v1/network-alerts/{id:guid}/dismiss"] = u => u == Demo.Aandacht ? Expect.Hidden : Expect.Forbidden,
        // The future plan is the whole care team's: everyone in scope reads and edits it.
        ["GET /api/v1/trajectories/{id:guid}/future-plan"] = Dossier,
        // The contact journal and the attachments: whoever records in the dossier (ADR 0031).
        ["GET /api/v1/trajectories/{id:guid}/contacts"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/contacts"] = Dossier,
        ["PUT /api/v1/trajectories/{id:guid}/contacts/{contactId:guid}"] = Dossier,
        ["GET /api/v1/trajectories/{id:guid}/attachments"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/attachments"] = Dossier,
        ["GET /api/v1/trajectories/{id:guid}/attachments/{attachmentId:guid}/content"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/attachments/{attachmentId:guid}/withdraw"] = Dossier,
        ["GET /api/v1/trajectories/{id:guid}/future-plan/history"] = Dossier,
        ["GET /api/v1/trajectories/{id:guid}/future-plan/mine"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/future-plan/goals"] = Dossier,
        ["PUT /api/v1/trajectories/{id:guid}/future-plan/goals/{goalId:guid}"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/future-plan/steps"] = Dossier,
        ["PUT /api/v1/trajectories/{id:guid}/future-plan/steps/{stepId:guid}"] = Dossier,
        // Turning 18: the team reads the checklist; the coordinator and the designated expert settle it.
        ["GET /api/v1/trajectories/{id:guid}/continuity"] = Dossier,
        ["PUT /api/v1/trajectories/{id:guid}/continuity"] = Steering,
        ["GET /api/v1/trajectories/{id:guid}/overview"] = Dossier,
        // A draft analysis is open: starting another answers 409 to those in scope, an empty edit or signature 400.
        ["GET /api/v1/trajectories/{id:guid}/analyses"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/analyses"] = Dossier,
        ["GET /api/v1/trajectories/{id:guid}/analyses/compare"] = Dossier,
        ["GET /api/v1/trajectories/{id:guid}/analyses/{analysisId:guid}"] = Dossier,
        ["PUT /api/v1/trajectories/{id:guid}/analyses/{analysisId:guid}"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/analyses/{analysisId:guid}/signatures"] = Dossier,
        // Without a signed analysis the recommendation answers 409 to those in scope.
        ["GET /api/v1/trajectories/{id:guid}/recommendation"] = Dossier,
        // Choices: without a signed analysis (or with an empty body) those in scope are refused as invalid or in conflict.
        ["GET /api/v1/trajectories/{id:guid}/care-choices"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/care-choices"] = Dossier,
        ["GET /api/v1/quality/triage"] = u => u is Demo.Aandacht or Demo.Kwaliteit ? Expect.Allowed : Expect.Forbidden,
        ["GET /api/v1/trajectories/{id:guid}/safety"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/safety/assessments"] = Dossier,
        ["GET /api/v1/trajectories/{id:guid}/safety/assessments/{assessmentId:guid}"] = Dossier,
        ["PUT /api/v1/trajectories/{id:guid}/safety/plan"] = Dossier,
        ["PUT /api/v1/trajectories/{id:guid}/safety/context"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/safety/medical-events"] = Dossier,
        ["GET /api/v1/trajectories/{id:guid}/missing-episodes"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/missing-episodes"] = Dossier,
        ["GET /api/v1/trajectories/{id:guid}/missing-episodes/{episodeId:guid}"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/missing-episodes/{episodeId:guid}/notices/{noticeId:guid}/informed"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/missing-episodes/{episodeId:guid}/close"] = Dossier,
        // Incidents in groups belong to the organisation: quality officers and designated experts read them and record the actions.
        ["GET /api/v1/incidents"] = u => u is Demo.Kwaliteit or Demo.Aandacht ? Expect.Allowed : Expect.Forbidden,
        ["POST /api/v1/incidents"] = u => Care.Contains(u) ? Expect.Allowed : Expect.Forbidden,
        ["PUT /api/v1/incidents/{id:guid}/actions"] = u => u is Demo.Kwaliteit or Demo.Aandacht ? Expect.Allowed : Expect.Forbidden,
        // The catalogue holds no young person's data: everyone reads it; administrators edit it.
        ["GET /api/v1/care-programmes"] = Everyone,
        ["GET /api/v1/care-programmes/{id:guid}"] = Everyone,
        ["POST /api/v1/care-programmes"] = AdminOnly,
        ["PUT /api/v1/care-programmes/{id:guid}"] = AdminOnly,
        ["PUT /api/v1/care-programmes/{id:guid}/capacity"] = Capacity,
        ["GET /api/v1/trajectories/{id:guid}/placements"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/placements"] = Steering,
        ["GET /api/v1/trajectories/{id:guid}/placements/{placementId:guid}"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/placements/{placementId:guid}/phase"] = Steering,
        ["PUT /api/v1/trajectories/{id:guid}/placements/{placementId:guid}/next-step"] = Steering,
        ["POST /api/v1/trajectories/{id:guid}/placements/{placementId:guid}/time-outs"] = Steering,
        ["POST /api/v1/trajectories/{id:guid}/placements/{placementId:guid}/end"] = Steering,
        ["GET /api/v1/trajectories/{id:guid}/handovers"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/handovers"] = Steering,
        ["POST /api/v1/trajectories/{id:guid}/handovers/{handoverId:guid}/confirm"] = ReceivingSide,
        ["PUT /api/v1/trajectories/{id:guid}/handovers/{handoverId:guid}/meeting"] = Steering,
        ["POST /api/v1/trajectories/{id:guid}/handovers/{handoverId:guid}/accept"] = ReceivingSide,
        ["POST /api/v1/trajectories/{id:guid}/handovers/{handoverId:guid}/refuse"] = ReceivingSide,
        ["POST /api/v1/trajectories/{id:guid}/handovers/{handoverId:guid}/withdraw"] = Steering,
        ["GET /api/v1/trajectories/{id:guid}/aftercare"] = Dossier,
        ["PUT /api/v1/trajectories/{id:guid}/aftercare/plan"] = Steering,
        // The follow-up used is the coordinator's task: team members who do not own it are refused.
        ["POST /api/v1/trajectories/{id:guid}/aftercare/follow-ups/{followUpId:guid}/outcome"] = Steering,
        ["PUT /api/v1/trajectories/{id:guid}/lead-organisation"] = Steering,
        ["GET /api/v1/trajectories/{id:guid}/registration"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/registration/decisions"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/registration/consents"] = Dossier,
        ["POST /api/v1/trajectories/{id:guid}/registration/consents/{consentId:guid}/withdraw"] = Dossier,
        // The consent policy holds no young person's data: everyone reads it; administrators change it.
        ["GET /api/v1/registration/consent-policy"] = Everyone,
        ["PUT /api/v1/registration/consent-policy"] = AdminOnly,
        // Internal registration: one's own organisation's counts, for designated experts and quality officers.
        ["GET /api/v1/registration/overview"] = u => u is Demo.Aandacht or Demo.Kwaliteit ? Expect.Allowed : Expect.Forbidden,
        // Exports of national notifications: the organisation's designated experts only.
        ["GET /api/v1/registration/exports"] = u => u == Demo.Aandacht ? Expect.Allowed : Expect.Forbidden,
        ["POST /api/v1/registration/exports"] = u => u == Demo.Aandacht ? Expect.Allowed : Expect.Forbidden,
        ["GET /api/v1/registration/exports/{batchId:guid}"] = u => u == Demo.Aandacht ? Expect.Allowed : Expect.Forbidden,
        // National figures are aggregates for national reporters only; other roles know they exist.
        ["GET /api/v1/statistics/national"] = u => u == Demo.Rapporteur ? Expect.Allowed : Expect.Forbidden,
    };

    [SkippableFact]
    public async Task Every_endpoint_answers_every_role_as_the_matrix_says()
    {
        f.ForgetTokens();
        var endpoints = ApiEndpoints.All(f.Factory.Services).Where(e => !e.AllowsAnonymous).ToList();
        var missing = endpoints.Select(e => e.ToString()).Where(e => !Matrix.ContainsKey(e)).ToList();
        Assert.True(missing.Count == 0, "Not in the authorisation matrix: " + string.Join(", ", missing));

        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var membership = await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        var regionId = await f.WithDbAsync(db => db.Regions.Select(r => r.Id).FirstAsync());
        var taskId = await f.WithDbAsync(db => db.CareTasks.Where(t => t.TrajectoryId == person.TrajectoryId && t.Kind == Traject.Web.Modules.Screening.ScreeningTaskKinds.ScreenAtIntake)
            .Select(t => t.Id).SingleAsync());
        var programmeId = await PlacementSteps.ProgrammeAsync(f, PlacementSteps.VeiligLima);
        var placementId = await PlacementSteps.StartAsync(regie, person.TrajectoryId, programmeId, f.Ids.Organisation(Demo.North), f.Clock.Today());
        Guid screeningId;
        using (var screening = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/screenings", new { signals = Array.Empty<object>() }))
        {
            screeningId = (await screening.ReadAsync<Traject.Web.Modules.Screening.ScreeningView>(HttpStatusCode.Created)).Id;
        }

        var entryIds = new List<Guid>();
        foreach (var number in new[] { "06-11112222", "06-33334444" })
        {
            using var entry = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/network/entries",
                new { kind = "PhoneNumber", number, source = "YoungPerson", knownOn = f.Clock.GetUtcNow().Date.ToString("yyyy-MM-dd") });
            entryIds.Add((await entry.ReadAsync<Changed>(HttpStatusCode.Created)).Id);
        }

        Guid linkId;
        using (var link = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/network/links",
            new { fromId = entryIds[0], toId = entryIds[1], source = "YoungPerson", knownOn = f.Clock.GetUtcNow().Date.ToString("yyyy-MM-dd") }))
        {
            linkId = (await link.ReadAsync<Changed>(HttpStatusCode.Created)).Id;
        }

        Guid consentId;
        using (var consent = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/registration/consents",
                   new { givenOn = f.Clock.Today(), youngPersonConsented = true, parentOrGuardianConsented = true, parentOrGuardianName = "Ouder", form = "Written" }))
        {
            consentId = (await consent.ReadAsync<Traject.Web.Modules.Registration.RegistrationView>(HttpStatusCode.Created)).Consents[0].Id;
        }

        Changed goal, step;
        using (var added = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/future-plan/goals", new { domain = "Housing", inHerWords = "Een eigen kamer." }))
        {
            goal = await added.ReadAsync<Changed>(HttpStatusCode.Created);
        }

        using (var added = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/future-plan/steps",
            new { goalId = goal.Id, description = "Inschrijven", ownerKind = "YoungPerson", dueOn = f.Clock.Today().AddDays(7) }))
        {
            step = await added.ReadAsync<Changed>(HttpStatusCode.Created);
        }

        Guid analysisId;
        using (var analysis = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/analyses", new { }))
        {
            analysisId = (await analysis.ReadAsync<Traject.Web.Modules.Triage.AnalysisView>(HttpStatusCode.Created)).Id;
        }

        var safety = await SafetyScene.CreateAsync(f, regie, person.TrajectoryId);
        var attachmentId = await JournalSteps.UploadAsync(regie, person.TrajectoryId, JournalSteps.Png, "foto.png", "Other", "Matrixbijlage");
        var contactId = await JournalSteps.RecordAsync(regie, person.TrajectoryId, f.Clock.Today());

        var (handoverId, followUpId) = await ContinuityAsync(regie, person.TrajectoryId);

        string Value(ApiEndpoint e, string name) => (name, e.Pattern) switch
        {
            ("entryId", _) => entryIds[0].ToString(),
            ("linkId", _) => linkId.ToString(),
            ("handoverId", _) => handoverId.ToString(),
            ("followUpId", _) => followUpId.ToString(),
            ("consentId", _) => consentId.ToString(),
            ("goalId", _) => goal.Id.ToString(),
            ("stepId", _) => step.Id.ToString(),
            ("analysisId", _) => analysisId.ToString(),
            ("attachmentId", _) => attachmentId.ToString(),
            ("contactId", _) => contactId.ToString(),
            ("assessmentId", _) => safety.AssessmentId.ToString(),
            ("episodeId", _) => safety.EpisodeId.ToString(),
            ("noticeId", _) => safety.NoticeId.ToString(),
            ("id", var p) when p.StartsWith("/api/v1/incidents", StringComparison.Ordinal) => safety.IncidentId.ToString(),
            ("key", _) => person.Pseudonym,
            ("membershipId", _) => membership.Id.ToString(),
            ("taskId", _) => taskId.ToString(),
            ("screeningId", _) => screeningId.ToString(),
            ("placementId", _) => placementId.ToString(),
            ("id", var p) when p.StartsWith("/api/v1/care-programmes", StringComparison.Ordinal) => programmeId.ToString(),
            ("id", var p) when p.StartsWith("/api/v1/trajectories", StringComparison.Ordinal) => person.TrajectoryId.ToString(),
            ("id", var p) when p.StartsWith("/api/v1/regions", StringComparison.Ordinal) => regionId.ToString(),
            ("id", var p) when p.StartsWith("/api/v1/organisations", StringComparison.Ordinal) => f.Ids.Organisation(Demo.North).ToString(),
            ("id", var p) when p.StartsWith("/api/v1/professionals", StringComparison.Ordinal) => f.Ids.User(Demo.Mentor).ToString(),
            _ => Guid.NewGuid().ToString(),
        };

        var failures = new List<string>();
        foreach (var user in Users)
        {
            using var client = await f.ClientAsync(user);
            foreach (var endpoint in endpoints)
            {
                var expect = Matrix[endpoint.ToString()](user);
                // An upload reads a multipart form (anything else is 415 for everyone): it gets an empty one.
                HttpContent? body = endpoint.Method is "GET" ? null
                    : endpoint.Pattern.EndsWith("/attachments", StringComparison.Ordinal) ? new MultipartFormDataContent()
                    : new StringContent("{}", Encoding.UTF8, "application/json");
                using var request = ApiEndpoints.Request(endpoint, endpoint.Url(name => Value(endpoint, name)), body);
                using var response = await client.SendAsync(request);
                var status = response.StatusCode;
                var ok = expect switch
                {
                    Expect.Allowed => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound) && (int)status < 500,
                    Expect.Forbidden => status == HttpStatusCode.Forbidden,
                    _ => status == HttpStatusCode.NotFound,
                };
                if (!ok)
                {
                    failures.Add($"{user} {endpoint}: expected {expect}, got {(int)status}");
                }
            }

            // Lists and searches only ever return records in scope.
            using var list = await client.GetAsync("/api/v1/trajectories?scope=all&pageSize=100");
            var listed = (await list.ReadAsync<TrajectoryPage>()).Items.Any(t => t.Id == person.TrajectoryId);
            if (listed != InScope.Contains(user))
            {
                failures.Add($"{user}: the trajectory is {(listed ? "" : "not ")}in her list");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// A hand-over proposed to a professional nobody else's test depends on, and a follow-up contact with its task for
    /// the coordinator (as closing would plan it), so the hand-over and aftercare endpoints meet real records.
    /// </summary>
    private async Task<(Guid HandoverId, Guid FollowUpId)> ContinuityAsync(HttpClient coordinator, Guid trajectoryId)
    {
        using var admin = await f.ClientAsync(Demo.Admin);
        Guid receiver;
        using (var created = await admin.PostJsonAsync("/api/v1/professionals", new
        {
            email = $"matrix-{Guid.NewGuid():N}@example.org", displayName = "Matrix Ontvanger", organisationId = f.Ids.Organisation(Demo.North),
            roles = new[] { "YouthCareProfessional" }, password = "een lang matrix wachtwoord",
        }))
        {
            receiver = Guid.Parse((string)System.Text.Json.Nodes.JsonNode.Parse(await created.ExpectAsync(HttpStatusCode.Created))!["id"]!);
        }

        Guid handoverId;
        using (var proposed = await coordinator.PostJsonAsync($"/api/v1/trajectories/{trajectoryId}/handovers", new { toProfessionalId = receiver, destination = "NextPlacement" }))
        {
            handoverId = (await proposed.ReadAsync<Changed>(HttpStatusCode.Created)).Id;
        }

        var followUpId = await f.WithDbAsync(async db =>
        {
            var owner = await db.Trajectories.Where(t => t.Id == trajectoryId).Select(t => t.CoordinatorId).SingleAsync();
            var contact = Traject.Web.Modules.Aftercare.FollowUpSchedule.Create(trajectoryId, DateOnly.FromDateTime(f.Clock.GetUtcNow().UtcDateTime)).First();
            var task = new Traject.Web.Modules.Tasks.CareTask
            {
                TrajectoryId = trajectoryId, Kind = Traject.Web.Modules.Aftercare.AftercareTaskKinds.FollowUpContact, OwnerId = owner, DueOn = contact.DueOn,
                CreatedAt = f.Clock.GetUtcNow(), CreatedById = owner,
            };
            contact.TaskId = task.Id;
            db.CareTasks.Add(task);
            db.FollowUpContacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });
        return (handoverId, followUpId);
    }
}

public sealed class AuthorisationMatrixSqlite(SqliteFixture f) : AuthorisationMatrixTests(f), IClassFixture<SqliteFixture>;

public sealed class AuthorisationMatrixPostgres(PostgresFixture f) : AuthorisationMatrixTests(f), IClassFixture<PostgresFixture>;
