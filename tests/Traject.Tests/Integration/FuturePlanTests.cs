using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.FuturePlans;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>
/// The future plan: the care team writes her goals in her words and steps towards them, every change is kept with who
/// and when, a stale edit is refused, and her own plan says nothing about the people in her network.
/// </summary>
public abstract class FuturePlanTests(TrajectFixture f)
{
    private const string Words = "Ik wil mijn diploma halen en later iets met dieren doen.";
    private const string NetworkName = "Tante Riet Voorbeeld";

    private static string Plan(Guid id) => $"/api/v1/trajectories/{id}/future-plan";

    /// <summary>A young person of Regie's (coordinator) with Mentor in her care team.</summary>
    private async Task<((Guid TrajectoryId, string Pseudonym) Person, HttpClient Regie, HttpClient Mentor)> SceneAsync()
    {
        var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock, p => p["givenName"] = "Planna");
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        return ((person.TrajectoryId, person.Pseudonym), regie, await f.ClientAsync(Demo.Mentor));
    }

    private static async Task<Changed> AddGoalAsync(HttpClient client, Guid id, string domain, string words)
    {
        using var response = await client.PostJsonAsync($"{Plan(id)}/goals", new { domain, inHerWords = words });
        return await response.ReadAsync<Changed>(HttpStatusCode.Created);
    }

    [SkippableFact]
    public async Task A_team_member_writes_her_goal_and_steps_and_every_change_is_kept_with_who_and_when()
    {
        var (person, regie, mentor) = await SceneAsync();
        var id = person.TrajectoryId;
        var goal = await AddGoalAsync(mentor, id, "EducationAndWork", Words);
        var today = f.Clock.Today();
        Changed step;
        using (var added = await mentor.PostJsonAsync($"{Plan(id)}/steps", new
        {
            goalId = goal.Id, description = "Open dag van het mbo bezoeken", ownerKind = "YoungPerson", dueOn = today.AddDays(14),
        }))
        {
            step = await added.ReadAsync<Changed>(HttpStatusCode.Created);
        }

        using (var byProfessional = await regie.PostJsonAsync($"{Plan(id)}/steps", new
        {
            goalId = goal.Id, description = "Leerplichtambtenaar bellen", ownerKind = "Professional", ownerProfessionalId = f.Ids.User(Demo.Mentor), dueOn = today.AddDays(7),
        }))
        {
            await byProfessional.ExpectAsync(HttpStatusCode.Created);
        }

        using (var done = await mentor.PutJsonAsync($"{Plan(id)}/steps/{step.Id}", new
        {
            description = "Open dag van het mbo bezocht", ownerKind = "YoungPerson", dueOn = today.AddDays(14), status = "Done", version = step.Version,
        }))
        {
            Assert.Equal(step.Version + 1, (await done.ReadAsync<Changed>()).Version);
        }

        using (var read = await regie.GetAsync(Plan(id)))
        {
            var plan = await read.ReadAsync<FuturePlanView>();
            Assert.True(plan.CanEdit);
            Assert.Equal(Enum.GetValues<LifeDomain>().Length, plan.Domains.Count);
            var education = plan.Domains.Single(d => d.Domain == LifeDomain.EducationAndWork);
            Assert.Equal(Words, Assert.Single(education.Goals).InHerWords);
            Assert.Equal(new PlanProgress(1, 2), plan.Progress);
            Assert.Equal(new PlanProgress(1, 2), education.Progress);
            var call = education.Goals[0].Steps.Single(s => s.OwnerKind == StepOwnerKind.Professional);
            Assert.Equal(f.Ids.User(Demo.Mentor), call.OwnerProfessional!.Id);
        }

        // Changing her words keeps the old ones in the history.
        using (var changed = await regie.PutJsonAsync($"{Plan(id)}/goals/{goal.Id}", new { inHerWords = "Ik wil naar het mbo, iets met dieren.", version = goal.Version }))
        {
            await changed.ExpectAsync(HttpStatusCode.OK);
        }

        using (var historyResponse = await mentor.GetAsync($"{Plan(id)}/history"))
        {
            var history = await historyResponse.ReadAsync<List<PlanChangeView>>();
            Assert.Equal(5, history.Count);
            var latest = history[0];
            Assert.Equal(f.Ids.User(Demo.Regie), latest.ChangedBy.Id);
            Assert.Equal(Words, latest.Before);
            Assert.Equal("Ik wil naar het mbo, iets met dieren.", latest.After);
            Assert.Contains(history, h => h.ChangedBy.Id == f.Ids.User(Demo.Mentor) && h.After == Words && h.Before is null);
        }

        var audited = await f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == FuturePlansAuditActions.FuturePlanChanged && a.Pseudonym == person.Pseudonym));
        Assert.Equal(5, audited);
    }

    [SkippableFact]
    public async Task A_stale_edit_bad_input_and_outsiders_are_refused()
    {
        var (person, regie, mentor) = await SceneAsync();
        var id = person.TrajectoryId;
        var goal = await AddGoalAsync(regie, id, "Housing", "Ik wil op mezelf wonen.");
        using (var first = await mentor.PutJsonAsync($"{Plan(id)}/goals/{goal.Id}", new { inHerWords = "Ik wil een kamer.", version = goal.Version }))
        {
            await first.ExpectAsync(HttpStatusCode.OK);
        }

        using (var stale = await regie.PutJsonAsync($"{Plan(id)}/goals/{goal.Id}", new { inHerWords = "Iets anders.", version = goal.Version }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        using (var empty = await regie.PostJsonAsync($"{Plan(id)}/goals", new { domain = "Housing", inHerWords = "  " }))
        {
            Assert.Contains("inHerWords", (await empty.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var unknownDomain = await regie.PostJsonAsync($"{Plan(id)}/goals", new { domain = "Holidays", inHerWords = "x" }))
        {
            await unknownDomain.ProblemAsync(HttpStatusCode.BadRequest);
        }

        using (var nameless = await regie.PostJsonAsync($"{Plan(id)}/steps", new
        {
            goalId = goal.Id, description = "Samen kijken", ownerKind = "Network", dueOn = f.Clock.Today().AddDays(3),
        }))
        {
            Assert.Contains("ownerName", (await nameless.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var outsider = await regie.PostJsonAsync($"{Plan(id)}/steps", new
        {
            goalId = goal.Id, description = "Gesprek", ownerKind = "Professional", ownerProfessionalId = f.Ids.User(Demo.Gedrag), dueOn = f.Clock.Today().AddDays(3),
        }))
        {
            Assert.Contains("ownerProfessionalId", (await outsider.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var past = await regie.PostJsonAsync($"{Plan(id)}/steps", new
        {
            goalId = goal.Id, description = "Gisteren", ownerKind = "YoungPerson", dueOn = f.Clock.Today().AddDays(-2),
        }))
        {
            Assert.Contains("dueOn", (await past.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        // Nobody outside her care team learns the plan exists, nor can change it.
        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using (var hidden = await gedrag.GetAsync(Plan(id)))
        {
            await hidden.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var hiddenMine = await gedrag.GetAsync($"{Plan(id)}/mine"))
        {
            await hiddenMine.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var hiddenChange = await gedrag.PutJsonAsync($"{Plan(id)}/goals/{goal.Id}", new { inHerWords = "x", version = 2 }))
        {
            await hiddenChange.ProblemAsync(HttpStatusCode.NotFound);
        }

        // A goal of another trajectory is not found through this one.
        var other = await Dossiers.RegisterAsync(regie, f.Clock);
        using (var elsewhere = await regie.PutJsonAsync($"{Plan(other.TrajectoryId)}/goals/{goal.Id}", new { inHerWords = "x", version = 2 }))
        {
            await elsewhere.ProblemAsync(HttpStatusCode.NotFound);
        }

        // A closed trajectory keeps its plan as it was.
        await Dossiers.ChangeStatusAsync(regie, id, "Closed", "Verhuisd naar het buitenland.");
        using (var closed = await regie.PostJsonAsync($"{Plan(id)}/goals", new { domain = "Money", inHerWords = "Sparen." }))
        {
            await closed.ProblemAsync(HttpStatusCode.Conflict);
        }
    }

    [SkippableFact]
    public async Task Her_own_plan_shows_her_words_and_never_the_names_of_people_in_her_network()
    {
        var (person, regie, _) = await SceneAsync();
        var id = person.TrajectoryId;
        var goal = await AddGoalAsync(regie, id, "RelationshipsAndNetwork", "Ik wil weer leuke dingen doen met mijn familie.");
        var today = f.Clock.Today();
        using (var network = await regie.PostJsonAsync($"{Plan(id)}/steps", new
        {
            goalId = goal.Id, description = "Samen naar de markt", ownerKind = "Network", ownerName = NetworkName, dueOn = today.AddDays(10),
        }))
        {
            await network.ExpectAsync(HttpStatusCode.Created);
        }

        Changed dropped;
        using (var toDrop = await regie.PostJsonAsync($"{Plan(id)}/steps", new
        {
            goalId = goal.Id, description = "Vervallen stap", ownerKind = "YoungPerson", dueOn = today.AddDays(10),
        }))
        {
            dropped = await toDrop.ReadAsync<Changed>(HttpStatusCode.Created);
        }

        using (var drop = await regie.PutJsonAsync($"{Plan(id)}/steps/{dropped.Id}", new
        {
            description = "Vervallen stap", ownerKind = "YoungPerson", dueOn = today.AddDays(10), status = "Dropped", version = dropped.Version,
        }))
        {
            await drop.ExpectAsync(HttpStatusCode.OK);
        }

        using (var team = await regie.GetAsync(Plan(id)))
        {
            Assert.Contains(NetworkName, await team.Content.ReadAsStringAsync()); // the team sees who
        }

        using var mine = await regie.GetAsync($"{Plan(id)}/mine");
        var body = await mine.ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(NetworkName, body);
        Assert.DoesNotContain("Vervallen stap", body);
        var plan = System.Text.Json.JsonSerializer.Deserialize<MyPlanView>(body, Api.Json)!;
        var domain = Assert.Single(plan.Domains);
        Assert.Equal(LifeDomain.RelationshipsAndNetwork, domain.Domain);
        Assert.Equal("Ik wil weer leuke dingen doen met mijn familie.", Assert.Single(domain.Goals));
        Assert.Equal(StepOwnerKind.Network, Assert.Single(domain.Steps).Who);
        Assert.Equal("Planna", plan.GivenName);

        // The printable page: her words, no names from her network, no professional jargon in the step owner.
        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var page = await browser.GetAsync($"/trajectories/{id}/my-plan");
        var html = await page.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("Ik wil weer leuke dingen doen met mijn familie.", html);
        Assert.Contains("Iemand uit mijn omgeving", html);
        Assert.DoesNotContain(NetworkName, html);
        Assert.DoesNotContain("Proefpersoon", html); // her family name is not on her own plan either
        Assert.DoesNotContain("print-stamp", html); // her own plan: she keeps it, no "confidential" stamp
        Assert.Contains("data-print", html);
        Assert.Equal(1, await f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == FuturePlansAuditActions.MyPlanRead && a.Pseudonym == person.Pseudonym && a.Channel == "web")));
    }
}

public sealed class FuturePlanSqlite(SqliteFixture f) : FuturePlanTests(f), IClassFixture<SqliteFixture>;

public sealed class FuturePlanPostgres(PostgresFixture f) : FuturePlanTests(f), IClassFixture<PostgresFixture>;
