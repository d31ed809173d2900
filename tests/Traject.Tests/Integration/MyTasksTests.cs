using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Modules.Caseload;
using Traject.Web.Modules.Tasks;

namespace Traject.Tests.Integration;

/// <summary>
/// My tasks (<c>GET /api/v1/tasks/mine</c> and the page <c>/tasks</c>): the open tasks I own over all my young people, only
/// in dossiers I may still open; filters and order; bad values refused; one audit entry per list.
/// </summary>
public abstract class MyTasksTests(TrajectFixture f)
{
    [SkippableFact]
    public async Task Her_inbox_holds_her_open_tasks_of_every_young_person_and_a_task_left_in_a_dossier_out_of_scope_disappears()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        using var mentor = await f.ClientAsync(Demo.Mentor);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        List<CareTaskView> tasks;
        using (var list = await regie.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}/tasks"))
        {
            tasks = (await list.ReadAsync<List<CareTaskView>>()).Where(t => t.CompletedAt is null).ToList();
        }

        Assert.NotEmpty(tasks); // the step plan gives the coordinator her first tasks
        var before = await f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == TasksAuditActions.MyTasksRead && a.ActorId == f.Ids.User(Demo.Regie)));
        var mine = await MineAsync(regie, "?pageSize=100");
        var hers = mine.Items.Where(i => i.TrajectoryId == person.TrajectoryId).ToList();
        Assert.Equal(tasks.Where(t => t.Owner.Id == f.Ids.User(Demo.Regie)).Select(t => t.Id).Order(), hers.Select(i => i.TaskId).Order());
        Assert.All(hers, i => Assert.Equal((person.Pseudonym, $"/trajectories/{person.TrajectoryId}"), (i.Pseudonym, i.DossierLink.Split('#', '?')[0].TrimEnd('/')
            .Replace("/tasks", "", StringComparison.Ordinal))));
        Assert.True(mine.Items.Zip(mine.Items.Skip(1)).All(p => p.First.DueOn <= p.Second.DueOn), "earliest due first");
        Assert.Equal(before + 1, await f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == TasksAuditActions.MyTasksRead && a.ActorId == f.Ids.User(Demo.Regie))));
        Assert.DoesNotContain((await MineAsync(mentor, "?pageSize=100")).Items, i => i.TrajectoryId == person.TrajectoryId);

        // One task goes to the mentor in the care team, due in three days: hers now, within the week, not overdue.
        var membership = await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        var task = tasks[0];
        var dueOn = DateOnly.FromDateTime(f.Clock.GetUtcNow().UtcDateTime).AddDays(3);
        using (var planned = await regie.PutJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/tasks/{task.Id}",
            new { ownerId = f.Ids.User(Demo.Mentor), dueOn, version = task.Version }))
        {
            await planned.ExpectAsync(HttpStatusCode.OK);
        }

        var week = await MineAsync(mentor, "?due=week&pageSize=100");
        var handed = Assert.Single(week.Items, i => i.TaskId == task.Id);
        Assert.Equal((dueOn, false), (handed.DueOn, handed.IsOverdue));
        Assert.DoesNotContain((await MineAsync(mentor, "?due=overdue&pageSize=100")).Items, i => i.TaskId == task.Id);
        Assert.DoesNotContain((await MineAsync(regie, "?pageSize=100")).Items, i => i.TaskId == task.Id);

        // Her membership ends: she still owns the task, but the dossier is out of her scope, so her inbox no longer shows it.
        var detail = await Dossiers.DetailAsync(regie, person.TrajectoryId);
        var member = detail.CareTeam.Single(m => m.Id == membership.Id);
        using (var ended = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/care-team/{member.Id}/end", new { version = member.Version }))
        {
            await ended.ExpectAsync(HttpStatusCode.OK);
        }

        var after = await MineAsync(mentor, "?pageSize=100");
        Assert.DoesNotContain(after.Items, i => i.TrajectoryId == person.TrajectoryId);
        Assert.Equal(after.Items.Count, after.Total);
    }

    [SkippableFact]
    public async Task Sorting_by_name_orders_by_family_name_and_bad_values_are_refused_by_field()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        await Dossiers.RegisterAsync(regie, f.Clock);
        var byName = await MineAsync(regie, "?sort=name&pageSize=100");
        Assert.True(byName.Items.Zip(byName.Items.Skip(1)).All(p => string.CompareOrdinal(p.First.FamilyName, p.Second.FamilyName) <= 0
            || string.Compare(p.First.FamilyName, p.Second.FamilyName, StringComparison.OrdinalIgnoreCase) <= 0), "by family name");
        var firstPage = await MineAsync(regie, "?pageSize=1");
        Assert.Single(firstPage.Items);
        Assert.Equal(byName.Total, firstPage.Total);

        foreach (var (query, field) in new[] { ("?due=soon", "due"), ("?sort=owner", "sort"), ("?pageSize=0", "pageSize"), ("?page=0", "page") })
        {
            using var refused = await regie.GetAsync("/api/v1/tasks/mine" + query);
            Assert.Contains(field, (await refused.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using var police = await f.ClientAsync(Demo.Politie);
        Assert.Empty((await MineAsync(police, "")).Items);
    }

    [SkippableFact]
    public async Task The_page_lists_her_tasks_with_the_dossier_link_in_Dutch_and_tells_other_roles_they_have_none()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using (var page = await browser.GetAsync("/tasks?sort=name"))
        {
            var html = await page.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("Mijn taken", html, StringComparison.Ordinal);
            Assert.Contains(person.Pseudonym, html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/trajectories/{person.TrajectoryId}", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/tasks\"", html, StringComparison.Ordinal); // in the main menu
        }

        using (var refused = await browser.GetAsync("/tasks?due=soon"))
        {
            Assert.Contains("Kies een van", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var police = f.CreateClient();
        using (var login = await Browser.LoginAsync(police, Demo.Politie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var none = await police.GetAsync("/tasks");
        var text = await none.ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(person.Pseudonym, text, StringComparison.Ordinal);
    }

    private static async Task<MyTasksPage> MineAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/v1/tasks/mine" + query);
        return await response.ReadAsync<MyTasksPage>();
    }
}

public sealed class MyTasksSqlite(SqliteFixture f) : MyTasksTests(f), IClassFixture<SqliteFixture>;

public sealed class MyTasksPostgres(PostgresFixture f) : MyTasksTests(f), IClassFixture<PostgresFixture>;
