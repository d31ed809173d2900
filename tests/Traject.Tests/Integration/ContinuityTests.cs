using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Data;
using Traject.Web.Modules.Continuity;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>
/// Turning 18: the schedule starts the continuity checklist and the coordinator's task nine months before her
/// birthday, the coordinator settles it, and until then the trajectory cannot close.
/// </summary>
public abstract class ContinuityTests(TrajectFixture f)
{
    private static string Continuity(Guid id) => $"/api/v1/trajectories/{id}/continuity";

    private static object[] AllSettled(ContinuityState state = ContinuityState.Arranged) => Enum.GetValues<ContinuityItem>()
        .Select(i => (object)new { item = i.ToString(), state = state.ToString(), note = $"Afgesproken: {i}" }).ToArray();

    private async Task<int> RunScheduleAsync()
    {
        await using var scope = f.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContinuitySchedule>().StartDueChecklistsAsync(default);
    }

    /// <summary>A young person of Regie's who turns 18 eight months from today, with Mentor in her team.</summary>
    private async Task<(Guid Id, DateOnly DateOfBirth)> TurningEighteenSoonAsync(HttpClient regie)
    {
        var dob = f.Clock.Today().AddMonths(8).AddYears(-18);
        var person = await Dossiers.RegisterAsync(regie, f.Clock, p => p["dateOfBirth"] = dob);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        return (person.TrajectoryId, dob);
    }

    [SkippableFact]
    public async Task A_run_in_small_batches_starts_every_due_checklist_once_resumes_after_a_partial_run_and_a_second_run_starts_none()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var due = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            due.Add((await TurningEighteenSoonAsync(regie)).Id);
        }

        // A candidate of the query that is not due yet (her checklist starts in about three weeks): every batch passes her by.
        var notYet = (await Dossiers.RegisterAsync(regie, f.Clock, p => p["dateOfBirth"] = f.Clock.Today().AddMonths(10).AddDays(-10).AddYears(-18))).TrajectoryId;

        // A run that stopped after its first batch left one checklist behind, committed with its task.
        await using (var scope = f.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrajectDb>();
            var person = await db.Trajectories.Include(t => t.YoungPerson).SingleAsync(t => t.Id == due[3]);
            scope.ServiceProvider.GetRequiredService<ContinuityChecklists>().Start(person.Id, person.CoordinatorId, person.YoungPerson!.DateOfBirth, person.CoordinatorId);
            await db.SaveChangesAsync();
        }

        await using (var scope = f.Factory.Services.CreateAsyncScope())
        {
            var schedule = ActivatorUtilities.CreateInstance<ContinuitySchedule>(scope.ServiceProvider, Options.Create(new TurningEighteenOptions { BatchSize = 2 }));
            var started = await schedule.StartDueChecklistsAsync(default);
            Assert.True(started >= due.Count - 1, $"started {started}");
            Assert.True(schedule.Batches >= 3, $"{schedule.Batches} batches of at most 2 for {started} checklists");
            Assert.Equal(0, await schedule.StartDueChecklistsAsync(default));
            Assert.Equal(0, schedule.Batches);
        }

        var checklists = await f.WithDbAsync(db => db.ContinuityChecklists.AsNoTracking().Where(c => due.Contains(c.TrajectoryId) || c.TrajectoryId == notYet)
            .Select(c => new { c.Id, c.TrajectoryId }).ToListAsync());
        Assert.Equal(due.Order(), checklists.Select(c => c.TrajectoryId).Order());
        var tasks = await f.WithDbAsync(db => db.CareTasks.AsNoTracking()
            .Where(t => (due.Contains(t.TrajectoryId) || t.TrajectoryId == notYet) && t.Kind == ContinuityTaskKinds.PlanContinuityAtEighteen)
            .Select(t => t.TrajectoryId).ToListAsync());
        Assert.Equal(due.Order(), tasks.Order());
        var ids = checklists.Select(c => (Guid?)c.Id).ToList();
        var audited = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == ContinuityAuditActions.ContinuityChanged && ids.Contains(a.EntityId)).Select(a => a.EntityId).ToListAsync());
        Assert.Equal(checklists.Where(c => c.TrajectoryId != due[3]).Select(c => (Guid?)c.Id).Order(), audited.Order()); // one entry per started checklist
    }

    [SkippableFact]
    public async Task Nine_months_before_her_birthday_the_checklist_and_task_start_and_the_trajectory_cannot_close_until_it_is_settled()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var (id, dob) = await TurningEighteenSoonAsync(regie);

        Assert.True(await RunScheduleAsync() >= 1);
        Assert.Equal(0, await RunScheduleAsync()); // once per trajectory
        var task = await f.WithDbAsync(db => db.CareTasks.SingleAsync(t => t.TrajectoryId == id && t.Kind == ContinuityTaskKinds.PlanContinuityAtEighteen));
        Assert.Equal(f.Ids.User(Demo.Regie), task.OwnerId);
        Assert.Equal(TurningEighteen.TaskDueOn(dob, f.Clock.Today()), task.DueOn);

        ContinuityView view;
        using (var read = await regie.GetAsync(Continuity(id)))
        {
            view = await read.ReadAsync<ContinuityView>();
        }

        Assert.True(view.Applies);
        Assert.False(view.IsComplete);
        Assert.True(view.CanChange);
        Assert.Equal(TurningEighteen.Birthday(dob), view.Birthday);
        Assert.Equal(5, view.Items.Count);
        Assert.All(view.Items, i => Assert.Equal(ContinuityState.Open, i.State));

        // The trajectory does not end silently: closing is refused with the reason.
        var version = (await Dossiers.DetailAsync(regie, id)).Version;
        using (var close = await regie.PostJsonAsync($"/api/v1/trajectories/{id}/status", new { status = "Closed", reason = "Doelen bereikt.", version }))
        {
            var reason = (await close.ReasonsAsync()).Single(r => r.Link == $"/trajectories/{id}/overview#continuity");
            Assert.Contains(TurningEighteen.Birthday(dob).ToString("dd-MM-yyyy", null), reason.Message);
        }

        // Team members read it; the coordinator (or the designated expert) fills it in.
        using var mentor = await f.ClientAsync(Demo.Mentor);
        using (var mentorRead = await mentor.GetAsync(Continuity(id)))
        {
            Assert.False((await mentorRead.ReadAsync<ContinuityView>()).CanChange);
        }

        using (var refused = await mentor.PutJsonAsync(Continuity(id), new { items = AllSettled(), version = view.Version }))
        {
            await refused.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var partly = await regie.PutJsonAsync(Continuity(id), new
        {
            items = new[] { new { item = "ExtendedYouthCare", state = "Arranged", note = "Verlengde jeugdhulp tot 21 aangevraagd." } }, version = view.Version,
        }))
        {
            view = await partly.ReadAsync<ContinuityView>();
            Assert.False(view.IsComplete);
        }

        using (var stillOpen = await regie.PostJsonAsync($"/api/v1/trajectories/{id}/status", new { status = "Closed", reason = "Doelen bereikt.", version }))
        {
            await stillOpen.ProblemAsync(HttpStatusCode.Conflict);
        }

        using (var settled = await regie.PutJsonAsync(Continuity(id), new { items = AllSettled(), version = view.Version }))
        {
            Assert.True((await settled.ReadAsync<ContinuityView>()).IsComplete);
        }

        Assert.NotNull(await f.WithDbAsync(db => db.CareTasks.Where(t => t.Id == task.Id).Select(t => t.CompletedAt).SingleAsync()));
        var closed = await Dossiers.ChangeStatusAsync(regie, id, "Closed", "Doelen bereikt; zorg na 18 geregeld.");
        Assert.True(closed.Version > version);
    }

    [SkippableFact]
    public async Task Bad_input_and_stale_versions_are_refused_and_outsiders_see_nothing()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var (id, _) = await TurningEighteenSoonAsync(regie);

        using (var noNote = await regie.PutJsonAsync(Continuity(id), new { items = new[] { new { item = "Housing", state = "NotNeeded", note = "" } }, version = 0 }))
        {
            Assert.Contains("items[0].note", (await noNote.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var twice = await regie.PutJsonAsync(Continuity(id), new
        {
            items = new[] { new { item = "Housing", state = "Open", note = "" }, new { item = "Housing", state = "Open", note = "" } }, version = 0,
        }))
        {
            Assert.Contains("items[1].item", (await twice.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var empty = await regie.PutJsonAsync(Continuity(id), new { version = 0 }))
        {
            Assert.Contains("items", (await empty.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        // Started by the first change when the schedule has not run yet; a second change on the old version is stale.
        using (var first = await regie.PutJsonAsync(Continuity(id), new { items = new[] { new { item = "Income", state = "Arranged", note = "Uitkering aangevraagd." } }, version = 0 }))
        {
            Assert.Equal(1, (await first.ReadAsync<ContinuityView>()).Version);
        }

        Assert.Equal(1, await f.WithDbAsync(db => db.CareTasks.CountAsync(t => t.TrajectoryId == id && t.Kind == ContinuityTaskKinds.PlanContinuityAtEighteen)));
        using (var stale = await regie.PutJsonAsync(Continuity(id), new { items = new[] { new { item = "Income", state = "Open", note = "" } }, version = 0 }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using (var hidden = await gedrag.GetAsync(Continuity(id)))
        {
            await hidden.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var hiddenChange = await gedrag.PutJsonAsync(Continuity(id), new { items = AllSettled(), version = 1 }))
        {
            await hiddenChange.ProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [SkippableFact]
    public async Task A_fifteen_year_old_has_no_checklist_yet_and_her_trajectory_closes_as_before()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await RunScheduleAsync();
        Assert.False(await f.WithDbAsync(db => db.ContinuityChecklists.AnyAsync(c => c.TrajectoryId == person.TrajectoryId)));

        using (var read = await regie.GetAsync(Continuity(person.TrajectoryId)))
        {
            var view = await read.ReadAsync<ContinuityView>();
            Assert.False(view.Applies);
            Assert.False(view.CanChange);
            Assert.Equal(TurningEighteen.ChecklistFrom(f.Clock.Today().AddYears(-15).AddDays(-40), 9), view.ShowsFrom);
        }

        using (var early = await regie.PutJsonAsync(Continuity(person.TrajectoryId), new { items = AllSettled(), version = 0 }))
        {
            await early.ProblemAsync(HttpStatusCode.Conflict);
        }

        await Dossiers.ChangeStatusAsync(regie, person.TrajectoryId, "Closed", "Zorg afgerond.");
    }

    [SkippableFact]
    public async Task A_checklist_completed_on_its_first_save_finishes_its_task_at_once()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var (id, _) = await TurningEighteenSoonAsync(regie);

        // Before the scheduled job made it, the coordinator fills in the whole checklist in one go.
        using (var settled = await regie.PutJsonAsync(Continuity(id), new { items = AllSettled(), version = 0 }))
        {
            Assert.True((await settled.ReadAsync<ContinuityView>()).IsComplete);
        }

        var task = await f.WithDbAsync(db => db.CareTasks.SingleAsync(t => t.TrajectoryId == id && t.Kind == ContinuityTaskKinds.PlanContinuityAtEighteen));
        Assert.NotNull(task.CompletedAt);
        Assert.Equal(f.Ids.User(Demo.Regie), task.CompletedById);
    }

    [SkippableFact]
    public async Task The_overview_shows_who_was_involved_the_open_tasks_the_plans_progress_and_turning_18()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var (id, dob) = await TurningEighteenSoonAsync(regie);
        await RunScheduleAsync();
        using (var goal = await regie.PostJsonAsync($"/api/v1/trajectories/{id}/future-plan/goals", new { domain = "Money", inHerWords = "Geen schulden meer." }))
        {
            var g = await goal.ReadAsync<Changed>(HttpStatusCode.Created);
            using var step = await regie.PostJsonAsync($"/api/v1/trajectories/{id}/future-plan/steps", new
            {
                goalId = g.Id, description = "Schuldhulp bellen", ownerKind = "YoungPerson", dueOn = f.Clock.Today().AddDays(5),
            });
            await step.ExpectAsync(HttpStatusCode.Created);
        }

        var lima = await f.WithDbAsync(db => db.CareProgrammes.Where(p => p.Code == "veilig-lima").Select(p => p.Id).SingleAsync());
        using (var placement = await regie.PostJsonAsync($"/api/v1/trajectories/{id}/placements", new
        {
            programmeId = lima, organisationId = f.Ids.Organisation(Demo.North), setting = "Open", startedOn = f.Clock.Today(),
            groupComposition = "Homogeneous", indicationConfirmed = false,
        }))
        {
            await placement.ExpectAsync(HttpStatusCode.Created);
        }

        using var response = await regie.GetAsync($"/api/v1/trajectories/{id}/overview");
        var overview = await response.ReadAsync<TrajectoryOverview>();
        Assert.Equal(TrajectoryOverviews.CoordinatorLane, overview.Lanes[0].Kind);
        Assert.Contains(overview.Lanes, l => l.Kind == TrajectoryOverviews.OrganisationLane && l.Bars.Count == 2); // Regie and Mentor, one organisation
        var placed = Assert.Single(overview.Lanes, l => l.Kind == TrajectoryOverviews.PlacementLane);
        Assert.StartsWith("1. ", Assert.Single(placed.Bars).Label);
        var current = Assert.Single(overview.Current);
        Assert.Equal(1, current.Phase);
        Assert.Contains(overview.OpenTasks, t => t.Kind == ContinuityTaskKinds.PlanContinuityAtEighteen);
        Assert.Equal(new Traject.Web.Modules.FuturePlans.PlanProgress(0, 1), overview.FuturePlan);
        Assert.True(overview.Continuity.Applies);
        Assert.Equal(TurningEighteen.Birthday(dob), overview.Continuity.Birthday);

        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using (var hidden = await gedrag.GetAsync($"/api/v1/trajectories/{id}/overview"))
        {
            await hidden.ProblemAsync(HttpStatusCode.NotFound);
        }

        // The dossier page draws it as an SVG time line, without inline style.
        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var page = await browser.GetAsync($"/trajectories/{id}/overview");
        var document = await Browser.ParseAsync(page);
        Assert.NotNull(document.QuerySelector("#overview svg rect.bar.coordinator"));
        Assert.NotNull(document.QuerySelector("#overview svg rect.bar.placement"));
        Assert.NotNull(document.QuerySelector("#overview table.restrictions"));
        Assert.NotNull(document.QuerySelector("#continuity select[name='Continuity.Items[0].State']"));
        Assert.Empty(document.QuerySelectorAll("[style]"));
    }
}

public sealed class ContinuitySqlite(SqliteFixture f) : ContinuityTests(f), IClassFixture<SqliteFixture>;

public sealed class ContinuityPostgres(PostgresFixture f) : ContinuityTests(f), IClassFixture<PostgresFixture>;
