using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Common.Auditing;
using Traject.Web.Modules.Caseload;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>Tasks in a trajectory: the screening at intake, who may finish or hand over a task, and overdue tasks in the list.</summary>
public abstract class TaskTests(TrajectFixture f)
{
    private static string Tasks(Guid trajectoryId) => $"/api/v1/trajectories/{trajectoryId}/tasks";

    private static async Task<List<CareTaskView>> ListAsync(HttpClient client, Guid trajectoryId)
    {
        using var response = await client.GetAsync(Tasks(trajectoryId));
        return await response.ReadAsync<List<CareTaskView>>();
    }

    [SkippableFact]
    public async Task A_trajectory_at_a_youth_care_provider_starts_with_a_screening_task_for_the_coordinator()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);

        var task = Assert.Single(await ListAsync(regie, person.TrajectoryId));
        Assert.Equal(ScreeningTaskKinds.ScreenAtIntake, task.Kind);
        Assert.Equal(f.Ids.User(Demo.Regie), task.Owner.Id);
        Assert.Equal(f.Clock.Today().AddDays(14), task.DueOn);
        Assert.False(task.IsOverdue);
        Assert.True(task.CanComplete);
        Assert.True(task.CanPlan);

        using var timeline = await regie.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}/timeline?kind=task.created");
        Assert.Single((await timeline.ReadAsync<TimelinePage>()).Items);

        // A neighbourhood team is not a youth-care provider: no intake screening there.
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        var other = await Dossiers.RegisterAsync(wijkteam, f.Clock);
        Assert.Empty(await ListAsync(wijkteam, other.TrajectoryId));
    }

    [SkippableFact]
    public async Task Only_the_owner_the_coordinator_or_the_designated_expert_finish_a_task_and_outsiders_see_nothing()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        var task = Assert.Single(await ListAsync(regie, person.TrajectoryId));

        using var mentor = await f.ClientAsync(Demo.Mentor);
        var seen = Assert.Single(await ListAsync(mentor, person.TrajectoryId));
        Assert.False(seen.CanComplete);
        using (var refused = await mentor.PostJsonAsync($"{Tasks(person.TrajectoryId)}/{task.Id}/done", new { version = task.Version }))
        {
            await refused.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using (var hidden = await gedrag.GetAsync(Tasks(person.TrajectoryId)))
        {
            await hidden.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var hiddenDone = await gedrag.PostJsonAsync($"{Tasks(person.TrajectoryId)}/{task.Id}/done", new { version = task.Version }))
        {
            await hiddenDone.ProblemAsync(HttpStatusCode.NotFound);
        }

        // A task id from another trajectory is not found through this one.
        var other = await Dossiers.RegisterAsync(regie, f.Clock);
        using (var elsewhere = await regie.PostJsonAsync($"{Tasks(other.TrajectoryId)}/{task.Id}/done", new { version = task.Version }))
        {
            await elsewhere.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var tooLong = await regie.PostJsonAsync($"{Tasks(person.TrajectoryId)}/{task.Id}/done", new { note = new string('x', 2001), version = task.Version }))
        {
            Assert.Contains("note", (await tooLong.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var done = await regie.PostJsonAsync($"{Tasks(person.TrajectoryId)}/{task.Id}/done", new { note = "Screening gedaan", version = task.Version }))
        {
            await done.ExpectAsync(HttpStatusCode.OK);
        }

        using (var stale = await regie.PostJsonAsync($"{Tasks(person.TrajectoryId)}/{task.Id}/done", new { version = task.Version }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        var finished = Assert.Single(await ListAsync(mentor, person.TrajectoryId));
        Assert.NotNull(finished.CompletedAt);
        Assert.Equal(f.Ids.User(Demo.Regie), finished.CompletedBy!.Id);
        Assert.Equal("Screening gedaan", finished.CompletionNote);

        var audit = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == task.Id).Select(a => new { a.Action, a.Outcome, a.ActorId }).ToListAsync());
        Assert.Contains(audit, a => a.Action == TasksAuditActions.TaskChanged && a.Outcome == AuditOutcomes.Denied && a.ActorId == f.Ids.User(Demo.Mentor));
        Assert.Contains(audit, a => a.Action == TasksAuditActions.TaskChanged && a.Outcome == AuditOutcomes.Allowed && a.ActorId == f.Ids.User(Demo.Regie));
    }

    [SkippableFact]
    public async Task A_task_goes_only_to_the_team_and_its_new_owner_may_finish_it()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        var task = Assert.Single(await ListAsync(regie, person.TrajectoryId));
        var url = $"{Tasks(person.TrajectoryId)}/{task.Id}";

        using (var outsider = await regie.PutJsonAsync(url, new { ownerId = f.Ids.User(Demo.Gedrag), dueOn = f.Clock.Today().AddDays(3), version = task.Version }))
        {
            Assert.Contains("ownerId", (await outsider.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var past = await regie.PutJsonAsync(url, new { ownerId = f.Ids.User(Demo.Mentor), dueOn = f.Clock.Today().AddDays(-1), version = task.Version }))
        {
            Assert.Contains("dueOn", (await past.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using var mentor = await f.ClientAsync(Demo.Mentor);
        using (var notHers = await mentor.PutJsonAsync(url, new { ownerId = f.Ids.User(Demo.Mentor), dueOn = f.Clock.Today().AddDays(3), version = task.Version }))
        {
            await notHers.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var handed = await regie.PutJsonAsync(url, new { ownerId = f.Ids.User(Demo.Mentor), dueOn = f.Clock.Today().AddDays(3), version = task.Version }))
        {
            await handed.ExpectAsync(HttpStatusCode.OK);
        }

        var mine = Assert.Single(await ListAsync(mentor, person.TrajectoryId));
        Assert.Equal(f.Ids.User(Demo.Mentor), mine.Owner.Id);
        Assert.True(mine.CanComplete);
        Assert.False(mine.CanPlan);
        using (var done = await mentor.PostJsonAsync($"{url}/done", new { version = mine.Version }))
        {
            await done.ExpectAsync(HttpStatusCode.OK);
        }

        var audit = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == task.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains(TasksAuditActions.TaskReassigned, audit);
    }

    [SkippableFact]
    public async Task Overdue_tasks_show_in_my_young_people()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);

        static async Task<int> OverdueAsync(HttpClient client, Guid id)
        {
            using var list = await client.GetAsync("/api/v1/trajectories?scope=mine&pageSize=100");
            return (await list.ReadAsync<TrajectoryPage>()).Items.Single(t => t.Id == id).OverdueTasks;
        }

        Assert.Equal(0, await OverdueAsync(regie, person.TrajectoryId));
        f.Clock.Advance(TimeSpan.FromDays(15));
        using var later = await f.ClientAsync(Demo.Regie);
        Assert.Equal(1, await OverdueAsync(later, person.TrajectoryId));
        Assert.True(Assert.Single(await ListAsync(later, person.TrajectoryId)).IsOverdue);

        // And on the page, in Dutch.
        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var home = await browser.GetAsync("/?scope=mine");
        var page = await Browser.ParseAsync(home);
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(person.Pseudonym, StringComparison.Ordinal));
        Assert.Contains("1 te laat", row.TextContent, StringComparison.Ordinal);
        using var dossier = await browser.GetAsync($"/trajectories/{person.TrajectoryId}");
        var next = (await Browser.ParseAsync(dossier)).QuerySelector("#next-tasks")!;
        Assert.Contains("Screening bij intake", next.TextContent, StringComparison.Ordinal);
        Assert.Contains("te laat", next.TextContent, StringComparison.Ordinal);
        using var all = await browser.GetAsync($"/trajectories/{person.TrajectoryId}/tasks");
        var tasks = (await Browser.ParseAsync(all)).QuerySelector("main")!;
        Assert.Contains("Screening bij intake", tasks.TextContent, StringComparison.Ordinal);
        Assert.Contains("te laat", tasks.TextContent, StringComparison.Ordinal);
    }
}

public sealed class TaskSqlite(SqliteFixture f) : TaskTests(f), IClassFixture<SqliteFixture>;

public sealed class TaskPostgres(PostgresFixture f) : TaskTests(f), IClassFixture<PostgresFixture>;
