using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Caseload;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>The safety assessment and plan, the re-assessment task, and who may record them.</summary>
public abstract class SafetyTests(TrajectFixture f)
{
    private static string Safety(Guid id) => $"/api/v1/trajectories/{id}/safety";

    private static object[] Items(params (string Item, string Concern)[] set) => Enum.GetNames<SafetyItem>()
        .Select(i => (object)new { item = i, concern = set.FirstOrDefault(s => s.Item == i).Concern ?? "None" }).ToArray();

    private async Task<List<CareTaskView>> TasksAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/v1/trajectories/{id}/tasks");
        return await response.ReadAsync<List<CareTaskView>>();
    }

    [SkippableFact]
    public async Task The_level_is_suggested_by_the_rules_and_a_different_level_needs_a_reason()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var coordinator = f.Ids.User(Demo.Regie);

        using (var incomplete = await regie.PostJsonAsync($"{Safety(person.TrajectoryId)}/assessments",
                   new { items = new[] { new { item = "RunningAway", concern = "Serious" } }, treatmentCoordinatorId = coordinator }))
        {
            Assert.Contains("items", (await incomplete.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var noReason = await regie.PostJsonAsync($"{Safety(person.TrajectoryId)}/assessments",
                   new { items = Items(("RunningAway", "Serious")), level = "Elevated", treatmentCoordinatorId = coordinator }))
        {
            Assert.Contains("deviationReason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var notResponsible = await regie.PostJsonAsync($"{Safety(person.TrajectoryId)}/assessments",
                   new { items = Items(), treatmentCoordinatorId = f.Ids.User(Demo.Mentor) }))
        {
            Assert.Contains("treatmentCoordinatorId", (await notResponsible.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        SafetyAssessmentView suggested;
        using (var response = await regie.PostJsonAsync($"{Safety(person.TrajectoryId)}/assessments",
                   new { items = Items(("RunningAway", "Serious"), ("ExploiterAndNetwork", "Serious")), treatmentCoordinatorId = coordinator }))
        {
            suggested = await response.ReadAsync<SafetyAssessmentView>(HttpStatusCode.Created);
        }

        Assert.Equal(SafetyLevel.Acute, suggested.SuggestedLevel);
        Assert.Equal(SafetyLevel.Acute, suggested.Level);
        Assert.Null(suggested.DeviationReason);
        Assert.NotEmpty(suggested.SuggestionReasons);

        using (var deviating = await regie.PostJsonAsync($"{Safety(person.TrajectoryId)}/assessments", new
               {
                   items = Items(("DangerAtHome", "Some")), level = "High", treatmentCoordinatorId = coordinator,
                   deviationReason = "Vader is gisteren bedreigd door de uitbuiter; we schalen op.",
               }))
        {
            var view = await deviating.ReadAsync<SafetyAssessmentView>(HttpStatusCode.Created);
            Assert.Equal(SafetyLevel.Elevated, view.SuggestedLevel);
            Assert.Equal(SafetyLevel.High, view.Level);
        }

        using var overview = await regie.GetAsync(Safety(person.TrajectoryId));
        var o = await overview.ReadAsync<SafetyOverview>();
        Assert.Equal(SafetyLevel.High, o.Latest!.Level);
        Assert.Equal(2, o.Assessments.Count);
        Assert.Equal(f.Clock.Today().AddMonths(3), o.Reassessment.DueOn);
        Assert.Equal(ReassessmentState.NotDue, o.Reassessment.State);
        Assert.Equal(SafetyLevel.High, await f.WithDbAsync(db => SafetyFacts.LatestLevelAsync(db, person.TrajectoryId, default)));

        // One open re-assessment task for the coordinator, due in three months.
        var open = (await TasksAsync(regie, person.TrajectoryId)).Where(t => t.Kind == SafetyTaskKinds.SafetyReassessment && t.CompletedAt is null).ToList();
        Assert.Equal(f.Clock.Today().AddMonths(3), Assert.Single(open).DueOn);

        var audit = await f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == SafetyAuditActions.SafetyAssessed && a.Pseudonym == person.Pseudonym));
        Assert.Equal(2, audit);
    }

    [SkippableFact]
    public async Task A_phase_change_brings_the_reassessment_forward_and_outsiders_see_nothing()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        using (var response = await regie.PostJsonAsync($"{Safety(person.TrajectoryId)}/assessments",
                   new { items = Items(), treatmentCoordinatorId = f.Ids.User(Demo.Regie) }))
        {
            await response.ExpectAsync(HttpStatusCode.Created);
        }

        f.Clock.Advance(TimeSpan.FromMinutes(1));
        await Dossiers.ChangeStatusAsync(regie, person.TrajectoryId, "Active");
        var task = Assert.Single(await TasksAsync(regie, person.TrajectoryId), t => t.Kind == SafetyTaskKinds.SafetyReassessment && t.CompletedAt is null);
        Assert.Equal(f.Clock.Today().AddDays(ReassessmentSchedule.DaysAfterPhaseChange), task.DueOn);
        using (var overview = await regie.GetAsync(Safety(person.TrajectoryId)))
        {
            var o = await overview.ReadAsync<SafetyOverview>();
            Assert.Equal(task.DueOn, o.Reassessment.DueOn);
            Assert.Equal(ReassessmentState.Due, o.Reassessment.State);
        }

        // "My young people" shows the level and that the re-assessment is due.
        using (var list = await regie.GetAsync("/api/v1/trajectories?pageSize=100"))
        {
            var row = (await list.ReadAsync<TrajectoryPage>()).Items.Single(t => t.Id == person.TrajectoryId);
            Assert.Equal(SafetyLevel.Low, row.SafetyLevel);
            Assert.Equal(ReassessmentState.Due, row.SafetyState);
        }

        foreach (var outsider in new[] { Demo.Gedrag, Demo.Wijkteam, Demo.Politie, Demo.Kwaliteit })
        {
            using var client = await f.ClientAsync(outsider);
            using var hidden = await client.GetAsync(Safety(person.TrajectoryId));
            await hidden.ProblemAsync(HttpStatusCode.NotFound);
            using var write = await client.PutJsonAsync($"{Safety(person.TrajectoryId)}/context", new { parentMayBeInvolved = true, version = 0 });
            await write.ProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [SkippableFact]
    public async Task The_plan_has_owners_from_the_team_and_a_stale_edit_is_refused()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        var url = $"{Safety(person.TrajectoryId)}/plan";
        using (var outsider = await regie.PutJsonAsync(url, new
               {
                   measures = new[] { new { kind = "LeaveRules", description = "Geen verlof zonder begeleiding", ownerId = f.Ids.User(Demo.Gedrag) } },
                   reviewOn = f.Clock.Today().AddDays(30), version = 0,
               }))
        {
            Assert.Contains("measures[0].ownerId", (await outsider.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        var body = new
        {
            measures = new object[]
            {
                new { kind = "RestrictedPhoneAndInternet", description = "Telefoon alleen onder toezicht", ownerId = f.Ids.User(Demo.Mentor) },
                new { kind = "PoliceAgreements", description = "Afspraak met de zedenrechercheur over aangifte", ownerId = f.Ids.User(Demo.Regie) },
            },
            reviewOn = f.Clock.Today().AddDays(30), version = 0L,
        };
        Changed first;
        using (var response = await regie.PutJsonAsync(url, body))
        {
            first = await response.ReadAsync<Changed>();
        }

        using (var stale = await regie.PutJsonAsync(url, body))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        using var mentor = await f.ClientAsync(Demo.Mentor);
        using (var again = await mentor.PutJsonAsync(url, body with { version = first.Version }))
        {
            await again.ExpectAsync(HttpStatusCode.OK);
        }

        using var overview = await mentor.GetAsync(Safety(person.TrajectoryId));
        var plan = (await overview.ReadAsync<SafetyOverview>()).Plan!;
        Assert.Equal(2, plan.Measures.Count);
        Assert.Equal(SafetyMeasureKind.RestrictedPhoneAndInternet, plan.Measures[0].Kind);
        Assert.Equal(f.Ids.User(Demo.Mentor), plan.Measures[0].Owner.Id);
    }
}

public sealed class SafetySqlite(SqliteFixture f) : SafetyTests(f), IClassFixture<SqliteFixture>;

public sealed class SafetyPostgres(PostgresFixture f) : SafetyTests(f), IClassFixture<PostgresFixture>;
