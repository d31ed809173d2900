using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Aftercare;
using Traject.Web.Modules.Registration;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>
/// The trajectory's life: the facts move its status by themselves, each move on the timeline with its cause; closing is
/// refused with every reason and its link while anything keeps it open; closing ends what must end.
/// </summary>
public abstract class LifecycleTests(TrajectFixture f)
{
    private static string Status(Guid id) => $"/api/v1/trajectories/{id}/status";

    private async Task<List<TimelineEntry>> TimelineAsync(HttpClient client, Guid id, string kind)
    {
        using var response = await client.GetAsync($"/api/v1/trajectories/{id}/timeline?kind={kind}&pageSize=100");
        return (await response.ReadAsync<TimelinePage>()).Items.ToList();
    }

    [SkippableFact]
    public async Task A_placement_brings_her_into_care_and_its_end_with_an_aftercare_plan_into_aftercare()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var id = person.TrajectoryId;
        await Dossiers.AddMemberAsync(regie, id, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        Assert.Equal(TrajectoryStatus.Signalled, (await Dossiers.DetailAsync(regie, id)).Status);

        var programme = await PlacementSteps.ProgrammeAsync(f, PlacementSteps.Outpatient);
        var placementId = await PlacementSteps.StartAsync(regie, id, programme, f.Ids.Organisation(Demo.North), f.Clock.Today());
        Assert.Equal(TrajectoryStatus.Active, (await Dossiers.DetailAsync(regie, id)).Status);
        var moved = Assert.Single(await TimelineAsync(regie, id, TrajectoriesTimelineKinds.StatusChanged));
        Assert.Equal("Status vanzelf gewijzigd van Gesignaleerd naar Actief: er is een plaatsing begonnen", moved.Summary);

        // The aftercare plan alone does not move her while the placement runs; closing names the placement.
        using (var plan = await regie.PutJsonAsync($"/api/v1/trajectories/{id}/aftercare/plan", new
        {
            startsOn = f.Clock.Today(), months = 6, contactFrequency = "Monthly", trustedProfessionalId = f.Ids.User(Demo.Mentor),
            support = Array.Empty<object>(),
        }))
        {
            await plan.ExpectAsync(HttpStatusCode.OK);
        }

        var detail = await Dossiers.DetailAsync(regie, id);
        Assert.Equal(TrajectoryStatus.Active, detail.Status);
        using (var notYet = await regie.PostJsonAsync(Status(id), new { status = "Closed", reason = "Klaar.", version = detail.Version }))
        {
            var reasons = await notYet.ReasonsAsync();
            Assert.Contains(reasons, r => r.Link == $"/trajectories/{id}/placements/{placementId}");
            Assert.Contains(reasons, r => r.Link == $"/trajectories/{id}/aftercare");
        }

        // The last placement ends: aftercare by itself, and the follow-ups are planned for the trusted professional.
        var placementVersion = await f.WithDbAsync(db => db.Placements.Where(p => p.Id == placementId).Select(p => p.Version).SingleAsync());
        using (var ended = await regie.PostJsonAsync($"{PlacementSteps.Url(id)}/{placementId}/end", new { reason = "MovedToNextStep", version = placementVersion }))
        {
            await ended.ExpectAsync(HttpStatusCode.OK);
        }

        Assert.Equal(TrajectoryStatus.Aftercare, (await Dossiers.DetailAsync(regie, id)).Status);
        var statusEntries = await TimelineAsync(regie, id, TrajectoriesTimelineKinds.StatusChanged);
        Assert.Equal("Status vanzelf gewijzigd van Actief naar Nazorg: de laatste plaatsing is beëindigd en er is een nazorgplan", statusEntries[0].Summary);
        var followUps = await f.WithDbAsync(db => db.CareTasks.Where(t => t.TrajectoryId == id && t.Kind == AftercareTaskKinds.FollowUpContact).ToListAsync());
        Assert.Equal(4, followUps.Count);
        Assert.All(followUps, t => Assert.Equal(f.Ids.User(Demo.Mentor), t.OwnerId));

        // A move by hand needs a reason, and says so on the timeline.
        var version = (await Dossiers.DetailAsync(regie, id)).Version;
        using (var noReason = await regie.PostJsonAsync(Status(id), new { status = "Active", version }))
        {
            Assert.Contains("reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        await Dossiers.ChangeStatusAsync(regie, id, "Active", "Terugval: weer intensieve hulp nodig.");
        Assert.Equal("Status met de hand gewijzigd van Nazorg naar Actief: Terugval: weer intensieve hulp nodig.",
            (await TimelineAsync(regie, id, TrajectoriesTimelineKinds.StatusChanged))[0].Summary);
    }

    [SkippableFact]
    public async Task Closing_lists_every_reason_with_its_link_and_then_ends_tasks_and_memberships_on_the_timeline()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock, p => p["initialStatus"] = "Active");
        var id = person.TrajectoryId;
        await Dossiers.AddMemberAsync(regie, id, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        var home = await f.WithDbAsync(db => db.Regions.Where(r => r.Name == "Rijnmond").Select(r => r.Id).SingleAsync());
        MissingEpisodeView episode;
        using (var reported = await regie.PostJsonAsync($"/api/v1/trajectories/{id}/missing-episodes", new
        {
            lastSeenAt = f.Clock.GetUtcNow().AddHours(-3), lastSeenWhere = "Station", howSheLeft = "Niet teruggekomen van school",
            phoneStatus = "SwitchedOff", riskLevel = "High", homeRegionId = home,
        }))
        {
            episode = await reported.ReadAsync<MissingEpisodeView>(HttpStatusCode.Created);
        }

        await f.WithDbAsync(db =>
        {
            db.CareTasks.Add(new CareTask
            {
                TrajectoryId = id, Kind = RegistrationTaskKinds.RegistrationDecision, OwnerId = f.Ids.User(Demo.Regie), DueOn = f.Clock.Today().AddDays(20),
                CreatedAt = f.Clock.GetUtcNow(), CreatedById = f.Ids.User(Demo.Regie),
            });
            return db.SaveChangesAsync();
        });

        var version = (await Dossiers.DetailAsync(regie, id)).Version;
        using (var notYet = await regie.PostJsonAsync(Status(id), new { status = "Closed", reason = "Verhuisd.", version }))
        {
            var reasons = await notYet.ReasonsAsync();
            // The open episode, the registration decision and informing the parties about the episode (a task the report made).
            Assert.Equal([$"/trajectories/{id}/missing/{episode.Id}", $"/trajectories/{id}/registration", $"/trajectories/{id}/safety"],
                reasons.Select(r => r.Link).Order(StringComparer.Ordinal));
            Assert.Contains(reasons, r => r.Message == "Er loopt een vermissing.");
            Assert.Contains(reasons, r => r.Message == "Er staat een taak open die eerst moet worden afgerond: Registratiebesluit");
        }

        // The dossier page shows the same reasons as links.
        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using (var page = await Browser.SubmitAsync(browser, $"/trajectories/{id}/team",
                   new Dictionary<string, string> { ["StatusChange.Status"] = "Closed", ["StatusChange.Reason"] = "Verhuisd." }))
        {
            var document = await Browser.ParseAsync(page);
            var links = document.QuerySelectorAll("ul.reasons a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Contains($"/trajectories/{id}/missing/{episode.Id}", links);
            Assert.Contains($"/trajectories/{id}/registration", links);
        }

        Assert.Equal(TrajectoryStatus.Active, (await Dossiers.DetailAsync(regie, id)).Status);

        // Once she is back and the decision is taken, it closes; what no longer applies ends, each on the timeline.
        await f.WithDbAsync(async db =>
        {
            var missing = await db.MissingEpisodes.SingleAsync(e => e.Id == episode.Id);
            missing.ClosedAt = f.Clock.GetUtcNow();
            var open = await db.CareTasks.Where(t => t.TrajectoryId == id && t.CompletedAt == null).ToListAsync();
            foreach (var task in open.Where(t => t.Kind.MustFinishBeforeClosing))
            {
                task.CompletedAt = f.Clock.GetUtcNow();
                task.CompletedById = f.Ids.User(Demo.Regie);
            }

            return await db.SaveChangesAsync();
        });
        await Dossiers.ChangeStatusAsync(regie, id, "Closed", "Verhuisd naar familie; zorg daar geregeld.");

        var tasks = await f.WithDbAsync(db => db.CareTasks.AsNoTracking().Where(t => t.TrajectoryId == id).ToListAsync());
        var intake = tasks.Single(t => t.Kind.Name == "ScreenAtIntake");
        Assert.NotNull(intake.CompletedAt);
        Assert.Equal(TaskList.Closed, intake.CompletionNote);
        Assert.Equal(4, tasks.Count(t => t.Kind == AftercareTaskKinds.FollowUpContact && t.CompletedAt == null)); // they outlive the closing
        Assert.Contains(await TimelineAsync(regie, id, TasksTimelineKinds.TaskDone), e => e.Summary.StartsWith("Taak beëindigd bij de afsluiting", StringComparison.Ordinal));
        Assert.Contains(await TimelineAsync(regie, id, TrajectoriesTimelineKinds.MemberEnded),
            e => e.Summary == "Mira Mentor (demo) verlaat het zorgteam bij de afsluiting");
    }
}

public sealed class LifecycleSqlite(SqliteFixture f) : LifecycleTests(f), IClassFixture<SqliteFixture>;

public sealed class LifecyclePostgres(PostgresFixture f) : LifecycleTests(f), IClassFixture<PostgresFixture>;
