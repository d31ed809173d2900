using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Tasks;

namespace Traject.Tests.Integration;

/// <summary>
/// The authorisation matrix of the web pages: for every Razor page handler, every demo role (and nobody signed in),
/// inside and outside the scope of a young person, the expected answer, through real cookie logins and real
/// antiforgery tokens. A handler without a row fails the test, so new pages must declare who may use them.
/// </summary>
public abstract class PageAuthorisationMatrixTests(TrajectFixture f)
{
    internal enum Expect
    {
        Allowed,   // a page or a redirect (below 400), but not to the login page
        Forbidden, // 403
        Hidden,    // 404: out of scope looks like absent
        LoginPage, // a redirect to the login page
    }

    /// <summary>How a caller relates to the young person a request is about.</summary>
    internal enum Relation
    {
        None,
        Member,
        Coordinator,
        DesignatedExpert,
    }

    /// <summary>Who calls (Email null: nobody signed in) and her relation to the young person of the request.</summary>
    internal sealed record Caller(string? Email, Relation Relation)
    {
        public bool InScope => Relation != Relation.None;

        public override string ToString() => $"{Email ?? "anonymous"} ({Relation})";
    }

    private static readonly string[] Users =
        [Demo.Regie, Demo.Mentor, Demo.Aandacht, Demo.Gedrag, Demo.Wijkteam, Demo.Politie, Demo.Admin, Demo.Kwaliteit, Demo.Rapporteur];

    private static readonly HashSet<string> Care = [Demo.Regie, Demo.Mentor, Demo.Aandacht, Demo.Gedrag, Demo.Wijkteam];

    private static Expect SignedIn(Caller c, Expect e) => c.Email is null ? Expect.LoginPage : e;
    private static Expect Anyone(Caller c) => Expect.Allowed;
    private static Expect Everyone(Caller c) => SignedIn(c, Expect.Allowed);
    private static Expect Dossier(Caller c) => SignedIn(c, c.InScope ? Expect.Allowed : Expect.Hidden);
    private static Expect Steering(Caller c) => SignedIn(c,
        c.Relation is Relation.Coordinator or Relation.DesignatedExpert ? Expect.Allowed : c.InScope ? Expect.Forbidden : Expect.Hidden);
    private static Expect CareOnly(Caller c) => SignedIn(c, Care.Contains(c.Email!) ? Expect.Allowed : Expect.Forbidden);
    private static Expect Pooling(Caller c) => SignedIn(c, Care.Contains(c.Email!) && c.Email != Demo.Aandacht ? Expect.Allowed : Expect.Forbidden);
    private static Expect NationalReporter(Caller c) => SignedIn(c, c.Email == Demo.Rapporteur ? Expect.Allowed : Expect.Forbidden);
    private static Expect AdminOnly(Caller c) => SignedIn(c, c.Email == Demo.Admin ? Expect.Allowed : Expect.Forbidden);
    private static Expect ToLogin(Caller c) => Expect.LoginPage;

    // The demo's Veilig Lima is run by Demo Jeugdzorg Noord: its professionals (and administrators) keep the capacity.
    private static Expect Capacity(Caller c) => SignedIn(c,
        c.Email is Demo.Admin or Demo.Regie or Demo.Mentor or Demo.Aandacht or Demo.Gedrag or Demo.Kwaliteit ? Expect.Allowed : Expect.Forbidden);
    // The hand-overs used are proposed to a professional who is none of the demo users: only she takes the receiving side.
    private static Expect ReceivingSide(Caller c) => SignedIn(c, c.InScope ? Expect.Forbidden : Expect.Hidden);

    /// <summary>One row per page handler: "page METHOD [handler]" and who may use it.</summary>
    internal static readonly IReadOnlyDictionary<string, Func<Caller, Expect>> Matrix = new Dictionary<string, Func<Caller, Expect>>
    {
        ["/Index GET"] = Everyone,
        ["/Status GET"] = Anyone,
        ["/Culture GET"] = Anyone,
        ["/Culture POST"] = Anyone,
        // The error page is only for the exception handler; asked for directly there is nothing to show.
        ["/Error GET"] = _ => Expect.Hidden,
        ["/Error POST"] = _ => Expect.Hidden,
        ["/Notifications GET"] = Everyone,
        ["/Notifications POST Settings"] = Everyone,
        ["/Tasks GET"] = Everyone,
        ["/Account/Login GET"] = Anyone,
        ["/Account/Login POST"] = Anyone,
        ["/Account/Logout GET"] = Anyone,
        ["/Account/Logout POST"] = ToLogin,
        // Without the short enrolment cookie (a password just checked) there is nothing to enrol.
        ["/Account/Enrol GET"] = ToLogin,
        ["/Account/Enrol POST"] = ToLogin,
        ["/Account/Security GET"] = Everyone,
        ["/Account/Security POST ChangePassword"] = Everyone,
        ["/Account/Security POST LogoutEverywhere"] = ToLogin,
        ["/Admin/Audit GET"] = AdminOnly,
        ["/Admin/Instrument GET"] = AdminOnly,
        ["/Admin/Instrument POST"] = AdminOnly,
        ["/Admin/Organisations GET"] = AdminOnly,
        ["/Admin/Organisations POST"] = AdminOnly,
        ["/Admin/Professionals GET"] = AdminOnly,
        ["/Admin/Professionals POST"] = AdminOnly,
        ["/Admin/Professionals POST ResetSecondFactor"] = AdminOnly,
        ["/Admin/Regions GET"] = AdminOnly,
        ["/Admin/Regions POST"] = AdminOnly,
        // Every care professional of the demo works at a youth-care provider or a neighbourhood team: all may break the glass.
        ["/Emergency/BreakTheGlass GET"] = CareOnly,
        ["/Emergency/BreakTheGlass POST"] = CareOnly,
        ["/Emergency/BreakTheGlass POST Search"] = CareOnly,
        ["/Emergency/Review GET"] = c => SignedIn(c, c.Email == Demo.Aandacht ? Expect.Allowed : Expect.Forbidden),
        // A review of an access that is not one's own organisation's (here: none at all) is not found for anyone.
        ["/Emergency/Review POST"] = c => SignedIn(c, Expect.Hidden),
        ["/YoungPeople/Register GET"] = CareOnly,
        ["/YoungPeople/Register POST"] = CareOnly,
        ["/YoungPeople/Edit GET"] = Dossier,
        ["/YoungPeople/Edit POST"] = Dossier,
        ["/YoungPeople/Edit POST Open"] = Dossier,
        ["/YoungPeople/Access GET"] = Steering,
        ["/YoungPeople/Access GET Csv"] = Steering,
        // The dossier opens on its summary; its sections are pages of their own, each through the same door (ADR 0030).
        ["/Trajectories/Dossier GET"] = Dossier,
        ["/Trajectories/Tasks GET"] = Dossier,
        // The task used is the screening at intake, owned by the coordinator: team members who do not own it are refused.
        ["/Trajectories/Tasks POST TaskDone"] = Steering,
        ["/Trajectories/Tasks POST PlanTask"] = Steering,
        ["/Trajectories/Timeline GET"] = Dossier,
        // The contact journal and the attachments are read and written by whoever records in the dossier (ADR 0031).
        ["/Trajectories/Contacts GET"] = Dossier,
        ["/Trajectories/Contacts POST Record"] = Dossier,
        ["/Trajectories/Contacts POST Correct"] = Dossier,
        ["/Trajectories/Attachments GET"] = Dossier,
        // The attachment to download is none at all here: not found for anyone (AttachmentTests downloads real ones).
        ["/Trajectories/Attachments GET Download"] = c => SignedIn(c, Expect.Hidden),
        ["/Trajectories/Attachments POST Upload"] = Dossier,
        ["/Trajectories/Attachments POST Withdraw"] = Dossier,
        ["/Trajectories/Team GET"] = Dossier,
        ["/Trajectories/Team POST Status"] = Steering,
        ["/Trajectories/Team POST ProposeEarlyClose"] = Steering,
        ["/Trajectories/Team POST CoSignEarlyClose"] = Steering,
        ["/Trajectories/Team POST WithdrawEarlyClose"] = Steering,
        ["/Trajectories/Team POST Coordinator"] = Steering,
        ["/Trajectories/Team POST AddMember"] = Steering,
        // The membership used is the member's own: she may end it herself.
        ["/Trajectories/Team POST EndMember"] = Dossier,
        ["/Trajectories/Overview GET"] = Dossier,
        // Turning 18: the coordinator and the designated expert settle the continuity checklist.
        ["/Trajectories/Overview POST Continuity"] = Steering,
        ["/Trajectories/Screenings GET"] = Dossier,
        ["/Trajectories/Placements GET"] = Dossier,
        // Pooled signals: only those who steer; the rest of her team is refused with the reason.
        ["/Trajectories/PooledSignals GET"] = Steering,
        // The future plan is the whole care team's; her own plan is printed by whoever sits with her.
        ["/Trajectories/FuturePlan GET"] = Dossier,
        ["/Trajectories/FuturePlan POST AddGoal"] = Dossier,
        ["/Trajectories/FuturePlan POST ChangeGoal"] = Dossier,
        ["/Trajectories/FuturePlan POST AddStep"] = Dossier,
        ["/Trajectories/FuturePlan POST ChangeStep"] = Dossier,
        ["/Trajectories/MyPlan GET"] = Dossier,
        ["/Trajectories/ReportingCode GET"] = Dossier,
        ["/Trajectories/ReportingCode POST"] = Dossier,
        ["/Trajectories/NewScreening GET"] = Dossier,
        ["/Trajectories/NewScreening POST"] = Dossier,
        ["/Trajectories/Screening GET"] = Dossier,
        ["/Trajectories/Screening POST"] = Dossier,
        ["/Trajectories/Registration GET"] = Dossier,
        ["/Trajectories/Registration POST Decide"] = Dossier,
        ["/Trajectories/Registration POST Consent"] = Dossier,
        ["/Trajectories/Registration POST Withdraw"] = Dossier,
        // Internal registration: counts and pseudonyms of one's own organisation, for designated experts and quality officers.
        ["/Registration/Overview GET"] = c => SignedIn(c, c.Email is Demo.Aandacht or Demo.Kwaliteit ? Expect.Allowed : Expect.Forbidden),
        // Exports of national notifications are for the organisation's designated experts; a batch not one's own (here: none) is not found.
        ["/Registration/Exports GET"] = c => SignedIn(c, c.Email == Demo.Aandacht ? Expect.Allowed : Expect.Forbidden),
        ["/Registration/Exports GET Download"] = c => SignedIn(c, c.Email == Demo.Aandacht ? Expect.Hidden : Expect.Forbidden),
        ["/Registration/Exports POST"] = c => SignedIn(c, c.Email == Demo.Aandacht ? Expect.Allowed : Expect.Forbidden),
        ["/Admin/ConsentPolicy GET"] = AdminOnly,
        ["/Admin/ConsentPolicy POST"] = AdminOnly,
        // A draft analysis is open: starting another is refused on the form; an empty edit or signature is refused as invalid.
        ["/Trajectories/Analyses GET"] = Dossier,
        ["/Trajectories/Analyses POST"] = Dossier,
        ["/Trajectories/Analysis GET"] = Dossier,
        ["/Trajectories/Analysis POST"] = Dossier,
        ["/Trajectories/Analysis POST Sign"] = Dossier,
        ["/Trajectories/CompareAnalyses GET"] = Dossier,
        ["/Trajectories/Recommendation GET"] = Dossier,
        ["/Trajectories/Recommendation POST"] = Dossier,
        ["/Quality/Triage GET"] = c => SignedIn(c, c.Email is Demo.Aandacht or Demo.Kwaliteit ? Expect.Allowed : Expect.Forbidden),
        // Pooling is for care roles; a designated expert would learn from a new trajectory that she was unknown.
        ["/Trajectories/Safety GET"] = Dossier,
        ["/Trajectories/Safety POST Assess"] = Dossier,
        ["/Trajectories/Safety POST Plan"] = Dossier,
        ["/Trajectories/Safety POST Context"] = Dossier,
        ["/Trajectories/Safety POST Medical"] = Dossier,
        ["/Trajectories/ReportMissing GET"] = Dossier,
        ["/Trajectories/ReportMissing POST"] = Dossier,
        ["/Trajectories/Missing GET"] = Dossier,
        ["/Trajectories/Missing POST Informed"] = Dossier,
        ["/Trajectories/Missing POST Close"] = Dossier,
        // Care professionals record incidents in groups; quality officers and designated experts read them and record the actions.
        ["/Incidents/Index GET"] = c => SignedIn(c, Care.Contains(c.Email!) || c.Email == Demo.Kwaliteit ? Expect.Allowed : Expect.Forbidden),
        ["/Incidents/Index POST"] = CareOnly,
        ["/Incidents/Index POST Actions"] = c => SignedIn(c, c.Email is Demo.Kwaliteit or Demo.Aandacht ? Expect.Allowed : Expect.Forbidden),
        ["/Catalogue/Index GET"] = Everyone,
        ["/Catalogue/Index POST Capacity"] = Capacity,
        ["/Admin/CareProgrammes GET"] = AdminOnly,
        ["/Admin/CareProgramme GET"] = AdminOnly,
        ["/Admin/CareProgramme POST"] = AdminOnly,
        ["/Trajectories/NewPlacement GET"] = Steering,
        ["/Trajectories/NewPlacement POST"] = Steering,
        ["/Trajectories/Placement GET"] = Dossier,
        ["/Trajectories/Placement POST Phase"] = Steering,
        ["/Trajectories/Placement POST NextStep"] = Steering,
        ["/Trajectories/Placement POST TimeOut"] = Steering,
        ["/Trajectories/Placement POST End"] = Steering,
        ["/Signals/New GET"] = Pooling,
        ["/Signals/New POST"] = Pooling,
        ["/Signals/New POST AddRow"] = Pooling,
        // The network analysis is for the care team. The entry or link to change or remove is none at all here: not found for anyone.
        ["/Trajectories/Network GET"] = Dossier,
        ["/Trajectories/Network POST AddEntry"] = Dossier,
        ["/Trajectories/Network POST AddLink"] = Dossier,
        ["/Trajectories/Network POST UpdateEntry"] = c => SignedIn(c, Expect.Hidden),
        ["/Trajectories/Network POST RemoveEntry"] = c => SignedIn(c, Expect.Hidden),
        ["/Trajectories/Network POST RemoveLink"] = c => SignedIn(c, Expect.Hidden),
        ["/NetworkAlerts GET"] = c => SignedIn(c, c.Email == Demo.Aandacht ? Expect.Allowed : Expect.Forbidden),
        // An alert that is not one's own organisation's (here: none at all) is not found for a designated expert.
        ["/NetworkAlerts POST Dismiss"] = c => SignedIn(c, c.Email == Demo.Aandacht ? Expect.Hidden : Expect.Forbidden),
        ["/Trajectories/Handovers GET"] = Dossier,
        ["/Trajectories/Handovers POST Propose"] = Steering,
        ["/Trajectories/Handovers POST Confirm"] = ReceivingSide,
        ["/Trajectories/Handovers POST Meeting"] = Steering,
        ["/Trajectories/Handovers POST Accept"] = ReceivingSide,
        ["/Trajectories/Handovers POST Refuse"] = ReceivingSide,
        ["/Trajectories/Handovers POST Withdraw"] = Steering,
        ["/Trajectories/Aftercare GET"] = Dossier,
        ["/Trajectories/Aftercare POST Plan"] = Steering,
        // The follow-up used is the coordinator's task: team members who do not own it are refused.
        ["/Trajectories/Aftercare POST Outcome"] = Steering,
        // National figures are aggregates for national reporters only; other roles know they exist.
        ["/Statistics/National GET"] = NationalReporter,
        ["/Statistics/National GET Csv"] = NationalReporter,
    };

    /// <summary>Handlers that end the caller's session: run last, each on a session of its own.</summary>
    private static readonly HashSet<string> EndsSession = ["/Account/Logout POST", "/Account/Security POST LogoutEverywhere"];

    /// <summary>A young person and the ids the requests about her need.</summary>
    private sealed record Scene(string Name, Guid TrajectoryId, string Pseudonym, Guid MembershipId, Guid TaskId, Guid ScreeningId, Guid PlacementId,
        Guid AnalysisId, IReadOnlyDictionary<string, Relation> Relations)
    {
        public SafetyScene Safety { get; init; } = null!;

        public Relation RelationOf(string? email) => email is not null && Relations.TryGetValue(email, out var r) ? r : Relation.None;
    }

    private int _address;
    private Guid _programmeId;

    /// <summary>Per trajectory of a scene: a hand-over proposed to the throwaway professional, and a follow-up contact.</summary>
    private readonly Dictionary<Guid, (Guid Handover, Guid FollowUp)> _continuity = [];

    [SkippableFact]
    public async Task Every_page_handler_answers_every_role_as_the_matrix_says()
    {
        var handlers = await PageHandlers.AllAsync(f.Factory.Services);
        var missing = handlers.Select(h => h.ToString()).Where(h => !Matrix.ContainsKey(h)).ToList();
        Assert.True(missing.Count == 0, "Not in the page authorisation matrix (add a row to PageAuthorisationMatrixTests.Matrix): "
            + string.Join(", ", missing.Select(m => $"\"{m}\"")));
        var stale = Matrix.Keys.Where(k => !handlers.Any(h => h.ToString() == k)).ToList();
        Assert.True(stale.Count == 0, "Rows for handlers that no longer exist: " + string.Join(", ", stale));

        var scenes = await ScenesAsync();
        var throwaway = await ThrowawayProfessionalAsync();
        await ContinuityAsync(scenes, throwaway);
        var failures = new List<string>();
        foreach (var email in Users.Prepend(null))
        {
            using var client = await BrowserAsync(email);
            var token = await TokenAsync(client);
            foreach (var scene in scenes)
            {
                var caller = new Caller(email, scene.RelationOf(email));
                foreach (var handler in handlers.Where(h => !EndsSession.Contains(h.ToString())))
                {
                    await CheckAsync(client, token, handler, caller, scene, throwaway, failures);
                }
            }

            foreach (var handler in handlers.Where(h => EndsSession.Contains(h.ToString())))
            {
                using var own = await BrowserAsync(email);
                await CheckAsync(own, await TokenAsync(own), handler, new Caller(email, Relation.None), scenes[0], throwaway, failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [SkippableFact]
    public async Task A_handler_a_page_does_not_serve_is_not_found()
    {
        var handlers = await PageHandlers.AllAsync(f.Factory.Services);
        var scenes = await ScenesAsync();
        using var regie = await BrowserAsync(Demo.Regie);
        using var admin = await BrowserAsync(Demo.Admin);
        var tokens = new Dictionary<HttpClient, string> { [regie] = await TokenAsync(regie), [admin] = await TokenAsync(admin) };
        var failures = new List<string>();
        // A page without handler methods (the status page) renders whatever it is asked: it has no handler to miss.
        foreach (var page in handlers.Where(h => h.Declared).GroupBy(h => h.Page))
        {
            var any = page.First();
            var client = any.Page.StartsWith("/Admin/", StringComparison.Ordinal) ? admin : regie;
            var url = (any with { Name = "Unserved" }).Url(name => Value(any, name, scenes[0], Guid.Empty));
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                using var request = new HttpRequestMessage(method, url);
                if (method == HttpMethod.Post)
                {
                    request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tokens[client] });
                }

                using var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    failures.Add($"{method} {url}: expected 404, got {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task CheckAsync(HttpClient client, string token, PageHandler handler, Caller caller, Scene scene, Guid throwaway,
        List<string> failures)
    {
        var expect = Matrix[handler.ToString()](caller);
        var url = handler.Url(name => Value(handler, name, scene, throwaway));
        var fields = handler.Parameters.Select(p => (Name: p, Value: Value(handler, p, scene, throwaway)))
            .Where(p => p.Value is not null).ToDictionary(p => p.Name, p => p.Value!);
        if (handler.ToString() == "/Account/Login POST")
        {
            // An unknown address: a wrong password for a real one would count towards her lockout.
            fields["Input.Email"] = $"niemand-{Guid.NewGuid():N}@demo.traject";
            fields["Input.Password"] = "geen wachtwoord van iemand";
        }

        using var request = new HttpRequestMessage(new HttpMethod(handler.Method), url);
        if (handler.Method == "POST")
        {
            fields["__RequestVerificationToken"] = token;
            request.Content = new FormUrlEncodedContent(fields);
        }
        else if (fields.Count > 0)
        {
            request.RequestUri = new Uri(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?")
                + string.Join("&", fields.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")), UriKind.Relative);
        }

        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var toLogin = response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
            && response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true;
        var ok = expect switch
        {
            Expect.Allowed => status < 400 && !toLogin,
            Expect.Forbidden => status == 403,
            Expect.Hidden => status == 404,
            _ => toLogin,
        };
        if (!ok)
        {
            failures.Add($"{caller} {handler} [{scene.Name}] {handler.Method} {url}: expected {expect}, got {status}"
                + (response.Headers.Location is { } to ? $" to {to}" : string.Empty));
            return;
        }

        if (expect is Expect.Hidden or Expect.LoginPage)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (body.Contains(scene.Name, StringComparison.Ordinal) || body.Contains(scene.Pseudonym, StringComparison.Ordinal))
            {
                failures.Add($"{caller} {handler} [{scene.Name}]: the refusal shows the young person");
            }
        }
    }

    /// <summary>The value for a route or handler parameter: the scene's ids, or a professional nobody else's test depends on.</summary>
    private string? Value(PageHandler handler, string name, Scene scene, Guid throwaway) => (name, handler.Page) switch
    {
        ("key", _) => scene.Pseudonym,
        ("membershipId", _) => scene.MembershipId.ToString(),
        ("taskId", _) => scene.TaskId.ToString(),
        ("screeningId", _) => scene.ScreeningId.ToString(),
        ("analysisId", _) => scene.AnalysisId.ToString(),
        ("episodeId", _) => scene.Safety.EpisodeId.ToString(),
        ("noticeId", _) => scene.Safety.NoticeId.ToString(),
        ("incidentId", _) => scene.Safety.IncidentId.ToString(),
        ("placementId", _) => scene.PlacementId.ToString(),
        ("programmeId", _) => _programmeId.ToString(),
        ("id", "/Admin/CareProgramme") => _programmeId.ToString(),
        ("handoverId", _) => _continuity.TryGetValue(scene.TrajectoryId, out var c) ? c.Handover.ToString() : null,
        ("followUpId", _) => _continuity.TryGetValue(scene.TrajectoryId, out var d) ? d.FollowUp.ToString() : null,
        ("id", var p) when p.StartsWith("/Trajectories/", StringComparison.Ordinal) => scene.TrajectoryId.ToString(),
        ("id", "/Admin/Organisations") => f.Ids.Organisation(Demo.Police).ToString(),
        ("id", "/Admin/Professionals") => throwaway.ToString(),
        ("id", _) => Guid.NewGuid().ToString(),
        _ => null,
    };

    /// <summary>
    /// Two young people, so every care role is inside the scope of one and outside the other: the first registered by
    /// Regie with Mentor in her team (Aandacht is the lead organisation's designated expert); the second registered by
    /// Wijkteam with Gedrag in her team. Each has the screening-at-intake task, owned by her coordinator.
    /// </summary>
    private async Task<Scene[]> ScenesAsync()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        var north = await Dossiers.RegisterAsync(regie, f.Clock, p => p["familyName"] = "Matrixnoord");
        var northMember = await Dossiers.AddMemberAsync(regie, north.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        var south = await Dossiers.RegisterAsync(wijkteam, f.Clock, p => p["familyName"] = "Matrixzuid");
        var southMember = await Dossiers.AddMemberAsync(wijkteam, south.TrajectoryId,
            new { professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist" });
        var northTask = await f.WithDbAsync(db => db.CareTasks.Where(t => t.TrajectoryId == north.TrajectoryId).Select(t => t.Id).SingleAsync());
        // A residential placement in the north (it can hold a time-out), an outpatient one in the south.
        _programmeId = await PlacementSteps.ProgrammeAsync(f, PlacementSteps.VeiligLima);
        var northPlacement = await PlacementSteps.StartAsync(regie, north.TrajectoryId, _programmeId, f.Ids.Organisation(Demo.North), f.Clock.Today());
        var southPlacement = await PlacementSteps.StartAsync(wijkteam, south.TrajectoryId, await PlacementSteps.ProgrammeAsync(f, PlacementSteps.Outpatient),
            f.Ids.Organisation(Demo.South), f.Clock.Today());
        // A neighbourhood team gets no screening task at intake; this one is given the same task a youth-care provider gets.
        var southTask = await f.WithDbAsync(async db =>
        {
            var task = new CareTask
            {
                TrajectoryId = south.TrajectoryId, Kind = ScreeningTaskKinds.ScreenAtIntake, OwnerId = f.Ids.User(Demo.Wijkteam),
                DueOn = DateOnly.FromDateTime(f.Clock.GetUtcNow().UtcDateTime).AddDays(14), CreatedAt = f.Clock.GetUtcNow(),
                CreatedById = f.Ids.User(Demo.Wijkteam),
            };
            db.CareTasks.Add(task);
            await db.SaveChangesAsync();
            return task.Id;
        });
        var northSafety = await SafetyScene.CreateAsync(f, regie, north.TrajectoryId);
        var southSafety = await SafetyScene.CreateAsync(f, wijkteam, south.TrajectoryId) with { IncidentId = northSafety.IncidentId };
        var northScreening = await ScreeningAsync(regie, north.TrajectoryId);
        var southScreening = await ScreeningAsync(wijkteam, south.TrajectoryId);
        var northAnalysis = await AnalysisAsync(regie, north.TrajectoryId);
        var southAnalysis = await AnalysisAsync(wijkteam, south.TrajectoryId);
        // Recording a screening finishes the intake task; the task handlers are to meet an open task.
        await f.WithDbAsync(async db =>
        {
            foreach (var task in await db.CareTasks.Where(t => t.Id == northTask || t.Id == southTask).ToListAsync())
            {
                task.CompletedAt = null;
                task.CompletedById = null;
            }

            return await db.SaveChangesAsync();
        });
        return
        [
            new Scene("Matrixnoord", north.TrajectoryId, north.Pseudonym, northMember.Id, northTask, northScreening, northPlacement, northAnalysis, new Dictionary<string, Relation>
            {
                [Demo.Regie] = Relation.Coordinator, [Demo.Mentor] = Relation.Member, [Demo.Aandacht] = Relation.DesignatedExpert,
            }) { Safety = northSafety },
            new Scene("Matrixzuid", south.TrajectoryId, south.Pseudonym, southMember.Id, southTask, southScreening, southPlacement, southAnalysis, new Dictionary<string, Relation>
            {
                [Demo.Wijkteam] = Relation.Coordinator, [Demo.Gedrag] = Relation.Member,
            }) { Safety = southSafety },
        ];
    }

    /// <summary>
    /// For each scene: a hand-over its coordinator proposes to the throwaway professional, and a follow-up contact with
    /// its task for the coordinator (as closing would plan it).
    /// </summary>
    private async Task ContinuityAsync(Scene[] scenes, Guid receiver)
    {
        foreach (var scene in scenes)
        {
            var coordinator = scene.Relations.Single(r => r.Value == Relation.Coordinator).Key;
            using var client = await f.ClientAsync(coordinator);
            using var proposed = await client.PostJsonAsync($"/api/v1/trajectories/{scene.TrajectoryId}/handovers",
                new { toProfessionalId = receiver, destination = "NextPlacement" });
            var handover = Guid.Parse((string)System.Text.Json.Nodes.JsonNode.Parse(await proposed.ExpectAsync(HttpStatusCode.Created))!["id"]!);
            var followUp = await f.WithDbAsync(async db =>
            {
                var contact = Traject.Web.Modules.Aftercare.FollowUpSchedule.Create(scene.TrajectoryId,
                    DateOnly.FromDateTime(f.Clock.GetUtcNow().UtcDateTime)).First();
                var task = new Traject.Web.Modules.Tasks.CareTask
                {
                    TrajectoryId = scene.TrajectoryId, Kind = Traject.Web.Modules.Aftercare.AftercareTaskKinds.FollowUpContact, OwnerId = f.Ids.User(coordinator),
                    DueOn = contact.DueOn, CreatedAt = f.Clock.GetUtcNow(), CreatedById = f.Ids.User(coordinator),
                };
                contact.TaskId = task.Id;
                db.CareTasks.Add(task);
                db.FollowUpContacts.Add(contact);
                await db.SaveChangesAsync();
                return contact.Id;
            });
            _continuity[scene.TrajectoryId] = (handover, followUp);
        }
    }

    /// <summary>An empty draft analysis started by the coordinator, for the analysis pages.</summary>
    private static async Task<Guid> AnalysisAsync(HttpClient coordinator, Guid trajectoryId)
    {
        using var response = await coordinator.PostJsonAsync($"/api/v1/trajectories/{trajectoryId}/analyses", new { });
        var body = await response.ExpectAsync(HttpStatusCode.Created);
        return Guid.Parse((string)System.Text.Json.Nodes.JsonNode.Parse(body)!["id"]!);
    }

    /// <summary>A screening without signals, recorded by the coordinator, for the screening page and its weighing form.</summary>
    private static async Task<Guid> ScreeningAsync(HttpClient coordinator, Guid trajectoryId)
    {
        using var response = await coordinator.PostJsonAsync($"/api/v1/trajectories/{trajectoryId}/screenings", new { signals = Array.Empty<object>() });
        var body = await response.ExpectAsync(HttpStatusCode.Created);
        return Guid.Parse((string)System.Text.Json.Nodes.JsonNode.Parse(body)!["id"]!);
    }

    /// <summary>A professional for the administrator's pages to work on, so a second-factor reset touches no demo login.</summary>
    private async Task<Guid> ThrowawayProfessionalAsync()
    {
        using var admin = await f.ClientAsync(Demo.Admin);
        using var response = await admin.PostJsonAsync("/api/v1/professionals", new
        {
            email = $"matrix-{Guid.NewGuid():N}@example.org", displayName = "Matrix Proef", organisationId = f.Ids.Organisation(Demo.North),
            roles = new[] { "YouthCareProfessional" }, password = "een lang matrix wachtwoord",
        });
        var body = await response.ExpectAsync(HttpStatusCode.Created);
        return Guid.Parse((string)System.Text.Json.Nodes.JsonNode.Parse(body)!["id"]!);
    }

    /// <summary>A browser from an address of its own, signed in through the login page (or nobody signed in).</summary>
    private async Task<HttpClient> BrowserAsync(string? email)
    {
        var client = f.CreateClient();
        client.DefaultRequestHeaders.Add(TrajectFactory.ClientAddressHeader, $"203.0.113.{Interlocked.Increment(ref _address) % 250 + 1}");
        if (email is not null)
        {
            using var login = await Browser.LoginAsync(client, email);
            Assert.True(login.StatusCode == HttpStatusCode.Redirect, $"{email} could not log in: {(int)login.StatusCode}");
        }

        return client;
    }

    /// <summary>The antiforgery token a page gives this browser (every page's language switch carries one).</summary>
    private static async Task<string> TokenAsync(HttpClient client)
    {
        using var page = await client.GetAsync("/Status");
        var document = await Browser.ParseAsync(page);
        return document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No antiforgery token on /Status.");
    }
}

public sealed class PageAuthorisationMatrixSqlite(SqliteFixture f) : PageAuthorisationMatrixTests(f), IClassFixture<SqliteFixture>;

public sealed class PageAuthorisationMatrixPostgres(PostgresFixture f) : PageAuthorisationMatrixTests(f), IClassFixture<PostgresFixture>;
