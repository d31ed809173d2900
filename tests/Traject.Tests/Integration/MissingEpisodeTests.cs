using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Caseload;
using Traject.Web.Modules.Network;
using Traject.Web.Modules.Notifications;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>Missing episodes: whom to inform, who informed whom and when, closing with the return conversation; and incidents in groups.</summary>
public abstract class MissingEpisodeTests(TrajectFixture f)
{
    private static string Episodes(Guid id) => $"/api/v1/trajectories/{id}/missing-episodes";

    private Task<Guid> RegionAsync(string name) => f.WithDbAsync(db => db.Regions.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());

    private object Report(Guid homeRegionId) => new
    {
        lastSeenAt = f.Clock.GetUtcNow().AddHours(-3), lastSeenWhere = "Station, perron 2", withWhom = "Een onbekende jongen in een witte auto",
        howSheLeft = "Niet teruggekomen van school", clothing = "Zwarte jas, roze sneakers", phoneStatus = "SwitchedOff", riskLevel = "High",
        homeRegionId,
    };

    private async Task<List<CareTaskView>> TasksAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/v1/trajectories/{id}/tasks");
        return await response.ReadAsync<List<CareTaskView>>();
    }

    [SkippableFact]
    public async Task A_reminder_run_in_small_batches_reminds_of_every_open_episode_once()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var region = await RegionAsync("Rijnmond");
        var links = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var person = await Dossiers.RegisterAsync(regie, f.Clock);
            using var response = await regie.PostJsonAsync(Episodes(person.TrajectoryId), Report(region));
            links.Add(MissingEpisodes.Link(person.TrajectoryId, (await response.ReadAsync<MissingEpisodeView>(HttpStatusCode.Created)).Id));
        }

        f.Clock.Advance(TimeSpan.FromMinutes(61));
        await using (var scope = f.Factory.Services.CreateAsyncScope())
        {
            var reminders = ActivatorUtilities.CreateInstance<MissingEpisodeReminders>(scope.ServiceProvider,
                Microsoft.Extensions.Options.Options.Create(new MissingEpisodeOptions { BatchSize = 2 }));
            Assert.True(await reminders.RemindAsync(CancellationToken.None) >= links.Count);
            Assert.Equal(0, await reminders.RemindAsync(CancellationToken.None)); // not again within the hour
        }

        var sent = await f.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => links.Contains(n.Link!) && n.Kind == MissingEpisodeReminders.ReminderKind).Select(n => new { n.Link, n.RecipientId }).ToListAsync());
        Assert.Equal(links.Order(), sent.Select(n => n.Link!).Order()); // the coordinator, once per episode
        Assert.All(sent, n => Assert.Equal(f.Ids.User(Demo.Regie), n.RecipientId));
    }

    [SkippableFact]
    public async Task While_an_episode_is_open_the_team_is_reminded_every_hour_and_not_once_it_is_closed()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        MissingEpisodeView episode;
        using (var response = await regie.PostJsonAsync(Episodes(person.TrajectoryId), Report(await RegionAsync("Rijnmond"))))
        {
            episode = await response.ReadAsync<MissingEpisodeView>(HttpStatusCode.Created);
        }

        var link = MissingEpisodes.Link(person.TrajectoryId, episode.Id);
        async Task<List<Notification>> RemindAsync()
        {
            await using (var scope = f.Factory.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<MissingEpisodeReminders>().RemindAsync(CancellationToken.None);
            }

            return await f.WithDbAsync(db => db.Notifications.AsNoTracking()
                .Where(n => n.Link == link && n.Kind == MissingEpisodeReminders.ReminderKind).ToListAsync());
        }

        Assert.Empty(await RemindAsync()); // the report itself has just told the team
        f.Clock.Advance(TimeSpan.FromMinutes(61));
        var first = await RemindAsync();
        Assert.Equal(new[] { f.Ids.User(Demo.Regie), f.Ids.User(Demo.Mentor) }.Order(), first.Select(n => n.RecipientId).Order());
        Assert.All(first, n =>
        {
            Assert.Contains(person.Pseudonym, n.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("witte auto", n.Message, StringComparison.Ordinal); // nothing of the report's free text
        });
        Assert.Equal(2, (await RemindAsync()).Count); // not again within the hour

        f.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(4, (await RemindAsync()).Count);

        var url = Episodes(person.TrajectoryId) + "/" + episode.Id;
        using var later = await f.ClientAsync(Demo.Regie); // two hours on, the first sign-in has expired
        using (var current = await later.GetAsync(url))
        {
            episode = await current.ReadAsync<MissingEpisodeView>();
        }

        var found = new
        {
            foundAt = f.Clock.GetUtcNow().AddMinutes(-10), foundWhere = "Thuis", foundBy = "Moeder", acuteMedicalNeed = false,
            returnWhere = "Bij een vriendin", returnWithWhom = "Alleen", returnWhatHappened = "Ze was bang en is weggelopen.",
            newNetworkEntries = false, version = episode.Version, uninformedArgument = (string?)null,
        };

        // Nobody on the list was told yet: closing needs the argument why.
        using (var notTold = await later.PostJsonAsync($"{url}/close", found))
        {
            Assert.Contains("uninformedArgument", (await notTold.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var closed = await later.PostJsonAsync($"{url}/close",
                   found with { uninformedArgument = "Binnen het uur terug; politie en ouders waren al door de moeder gebeld." }))
        {
            var view = await closed.ReadAsync<MissingEpisodeView>();
            Assert.False(view.IsOpen);
            Assert.StartsWith("Binnen het uur terug", view.UninformedArgument, StringComparison.Ordinal);
        }

        f.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(4, (await RemindAsync()).Count);
    }

    [SkippableFact]
    public async Task Reporting_lists_both_police_regions_parents_coordinator_and_guardian_and_closing_records_the_return()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "FamilyGuardian" });
        var rijnmond = await RegionAsync("Rijnmond");
        using var mentor = await f.ClientAsync(Demo.Mentor);

        using (var noHome = await mentor.PostJsonAsync(Episodes(person.TrajectoryId), new
               {
                   lastSeenAt = f.Clock.GetUtcNow(), lastSeenWhere = "x", howSheLeft = "y", phoneStatus = "Unknown", riskLevel = "High",
               }))
        {
            Assert.Contains("homeRegionId", (await noHome.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        MissingEpisodeView episode;
        using (var response = await mentor.PostJsonAsync(Episodes(person.TrajectoryId), Report(rijnmond)))
        {
            episode = await response.ReadAsync<MissingEpisodeView>(HttpStatusCode.Created);
        }

        Assert.Equal([InformParty.PoliceCurrentRegion, InformParty.PoliceHomeRegion, InformParty.ParentsOrGuardian, InformParty.Coordinator,
            InformParty.FamilyGuardian], episode.Notices.Select(n => n.Party));
        Assert.Contains("Groningen", episode.Notices[0].Name, StringComparison.Ordinal);
        Assert.Contains(Demo.Police, episode.Notices[1].Name, StringComparison.Ordinal);
        Assert.Contains("Rijnmond", episode.Notices[1].Name, StringComparison.Ordinal);
        var coordinatorNotice = episode.Notices.Single(n => n.Party == InformParty.Coordinator);
        Assert.Equal(InformChannel.InApp, coordinatorNotice.Channel);
        Assert.Equal(f.Ids.User(Demo.Mentor), coordinatorNotice.InformedBy!.Id);
        Assert.Equal(4, episode.Notices.Count(n => n.InformedAt is null));

        // The coordinator is told in the app; the reporter has a task due today; a second report is refused while this one is open.
        using (var notes = await regie.GetAsync("/api/v1/notifications"))
        {
            Assert.Contains(await notes.ReadAsync<List<NotificationView>>(), n => n.Kind == MissingEpisodes.NotificationKind && n.Link!.Contains(episode.Id.ToString(), StringComparison.Ordinal));
        }

        var task = Assert.Single(await TasksAsync(regie, person.TrajectoryId), t => t.Kind == SafetyTaskKinds.InformAboutMissingEpisode);
        Assert.Equal(f.Ids.User(Demo.Mentor), task.Owner.Id);
        Assert.Equal(f.Clock.Today(), task.DueOn);
        using (var second = await regie.PostJsonAsync(Episodes(person.TrajectoryId), Report(rijnmond)))
        {
            await second.ProblemAsync(HttpStatusCode.Conflict);
        }

        using (var list = await regie.GetAsync("/api/v1/trajectories?pageSize=100"))
        {
            Assert.True((await list.ReadAsync<TrajectoryPage>()).Items.Single(t => t.Id == person.TrajectoryId).Missing);
        }

        // Who informed whom and when; a stale mark is refused.
        var url = $"{Episodes(person.TrajectoryId)}/{episode.Id}";
        var police = episode.Notices[0];
        using (var informed = await regie.PostJsonAsync($"{url}/notices/{police.Id}/informed", new { channel = "Phone", note = "Meldkamer, registratienummer genoteerd", version = police.Version }))
        {
            episode = await informed.ReadAsync<MissingEpisodeView>();
        }

        Assert.Equal(f.Ids.User(Demo.Regie), episode.Notices[0].InformedBy!.Id);
        Assert.Equal(f.Clock.GetUtcNow(), episode.Notices[0].InformedAt);
        using (var stale = await regie.PostJsonAsync($"{url}/notices/{police.Id}/informed", new { channel = "Phone", version = police.Version }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        foreach (var notice in episode.Notices.Where(n => n.InformedAt is null).ToList())
        {
            using var response = await regie.PostJsonAsync($"{url}/notices/{notice.Id}/informed", new { channel = "Phone", version = notice.Version });
            episode = await response.ReadAsync<MissingEpisodeView>();
        }

        Assert.All(episode.Notices, n => Assert.NotNull(n.InformedAt));
        Assert.NotNull(Assert.Single(await TasksAsync(regie, person.TrajectoryId), t => t.Kind == SafetyTaskKinds.InformAboutMissingEpisode).CompletedAt);

        // Closing: found before she was last seen is refused; then the return conversation, with tasks for medical care and the network.
        var close = new
        {
            foundAt = f.Clock.GetUtcNow().AddHours(-1), foundWhere = "Bij een vriendin in Rotterdam", foundBy = "Politie Rijnmond", acuteMedicalNeed = true,
            returnWhere = "Bij een vriendin", returnWithWhom = "Twee jongens die ze via Snapchat kent", returnWhatHappened = "Ze wil er nog niet over praten.",
            newNetworkEntries = true, version = episode.Version,
        };
        using (var early = await regie.PostJsonAsync($"{url}/close", close with { foundAt = f.Clock.GetUtcNow().AddDays(-2) }))
        {
            Assert.Contains("foundAt", (await early.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var closed = await regie.PostJsonAsync($"{url}/close", close))
        {
            episode = await closed.ReadAsync<MissingEpisodeView>();
        }

        Assert.False(episode.IsOpen);
        Assert.Equal("Ze wil er nog niet over praten.", episode.ReturnWhatHappened);
        using (var again = await regie.PostJsonAsync($"{url}/close", close with { version = episode.Version }))
        {
            await again.ProblemAsync(HttpStatusCode.Conflict);
        }

        var tasks = await TasksAsync(regie, person.TrajectoryId);
        Assert.Contains(tasks, t => t.Kind == SafetyTaskKinds.AcuteMedicalCare && t.CompletedAt is null && t.DueOn == f.Clock.Today());
        Assert.Contains(tasks, t => t.Kind == NetworkTaskKinds.NetworkAnalysis && t.CompletedAt is null);

        // Acute medical care after the episode finishes that task; the episode counts as a risk indicator in the next suggestion.
        using (var medical = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/safety/medical-events", new
               {
                   kind = "SexualAssaultCentre", where = "Centrum Seksueel Geweld", occurredAt = f.Clock.GetUtcNow(), missingEpisodeId = episode.Id,
               }))
        {
            await medical.ExpectAsync(HttpStatusCode.Created);
        }

        Assert.NotNull((await TasksAsync(regie, person.TrajectoryId)).Single(t => t.Kind == SafetyTaskKinds.AcuteMedicalCare).CompletedAt);
        using (var assessed = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/safety/assessments",
                   new { items = SafetyScene.AllItems(), treatmentCoordinatorId = f.Ids.User(Demo.Regie) }))
        {
            var view = await assessed.ReadAsync<SafetyAssessmentView>(HttpStatusCode.Created);
            Assert.Equal(1, view.RecentMissingEpisodes);
            Assert.Equal(SafetyLevel.Elevated, view.SuggestedLevel);
        }

        using (var timeline = await regie.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}/timeline?pageSize=100"))
        {
            var kinds = (await timeline.ReadAsync<TimelinePage>()).Items.Select(e => e.Kind).ToList();
            Assert.Contains(SafetyTimelineKinds.MissingReported, kinds);
            Assert.Equal(4, kinds.Count(k => k == SafetyTimelineKinds.MissingInformed));
            Assert.Contains(SafetyTimelineKinds.MissingClosed, kinds);
        }

        var audit = await f.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == episode.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains(SafetyAuditActions.MissingReported, audit);
        Assert.Contains(SafetyAuditActions.MissingClosed, audit);
    }

    [SkippableFact]
    public async Task When_a_parent_may_be_involved_parents_are_left_off_and_outsiders_cannot_report()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var groningen = await RegionAsync("Groningen");
        using (var flag = await regie.PutJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/safety/context",
                   new { parentMayBeInvolved = true, note = "Moeder lijkt geld te ontvangen", homeRegionId = groningen, version = 0 }))
        {
            await flag.ExpectAsync(HttpStatusCode.OK);
        }

        Assert.True(await f.WithDbAsync(db => SafetyFacts.ParentMayBeInvolvedAsync(db, person.TrajectoryId, default)));
        using (var response = await regie.PostJsonAsync(Episodes(person.TrajectoryId), Report(groningen)))
        {
            var episode = await response.ReadAsync<MissingEpisodeView>(HttpStatusCode.Created);
            Assert.True(episode.ParentMayBeInvolved);
            // Same region twice: its police once; no parents.
            Assert.Equal([InformParty.PoliceCurrentRegion, InformParty.Coordinator], episode.Notices.Select(n => n.Party));
        }

        foreach (var outsider in new[] { Demo.Gedrag, Demo.Wijkteam, Demo.Politie, Demo.Admin })
        {
            using var client = await f.ClientAsync(outsider);
            using var refused = await client.PostJsonAsync(Episodes(person.TrajectoryId), Report(groningen));
            await refused.ProblemAsync(HttpStatusCode.NotFound);
            using var list = await client.GetAsync(Episodes(person.TrajectoryId));
            await list.ProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal(1, await f.WithDbAsync(db => db.MissingEpisodes.CountAsync(e => e.TrajectoryId == person.TrajectoryId)));
    }

    [SkippableFact]
    public async Task Incidents_belong_to_the_organisation_and_show_young_people_only_to_who_may_open_them()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        GroupIncidentView incident;
        using (var response = await regie.PostJsonAsync("/api/v1/incidents", new
               {
                   kind = "BoundaryCrossingBehaviour", occurredOn = f.Clock.Today(), group = "Groep Zon", description = "Grensoverschrijdend gedrag op de groep.",
                   actionsTaken = "Groepsoverleg gehouden.", links = new[] { new { trajectoryId = person.TrajectoryId, role = "Affected" } },
               }))
        {
            incident = await response.ReadAsync<GroupIncidentView>(HttpStatusCode.Created);
        }

        // A young person the recorder may not open cannot be linked.
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        using (var foreign = await wijkteam.PostJsonAsync("/api/v1/incidents", new
               {
                   kind = "Recruitment", occurredOn = f.Clock.Today(), group = "Wijk", description = "Ronselen", actionsTaken = "Melding",
                   links = new[] { new { trajectoryId = person.TrajectoryId, role = "Involved" } },
               }))
        {
            await foreign.ProblemAsync(HttpStatusCode.NotFound);
        }

        using var kwaliteit = await f.ClientAsync(Demo.Kwaliteit);
        using (var list = await kwaliteit.GetAsync("/api/v1/incidents"))
        {
            var seen = (await list.ReadAsync<List<GroupIncidentView>>()).Single(i => i.Id == incident.Id);
            Assert.Empty(seen.Links);
            Assert.Equal(1, seen.HiddenLinks);
        }

        using var aandacht = await f.ClientAsync(Demo.Aandacht);
        using (var list = await aandacht.GetAsync("/api/v1/incidents"))
        {
            var seen = (await list.ReadAsync<List<GroupIncidentView>>()).Single(i => i.Id == incident.Id);
            Assert.Equal(person.Pseudonym, Assert.Single(seen.Links).Pseudonym);
        }

        using (var mine = await regie.GetAsync("/api/v1/incidents"))
        {
            await mine.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var actions = await kwaliteit.PutJsonAsync($"/api/v1/incidents/{incident.Id}/actions", new { actionsTaken = "Team getraind; groep heringedeeld.", version = incident.Version }))
        {
            Assert.Equal("Team getraind; groep heringedeeld.", (await actions.ReadAsync<GroupIncidentView>()).ActionsTaken);
        }

        using (var stale = await aandacht.PutJsonAsync($"/api/v1/incidents/{incident.Id}/actions", new { actionsTaken = "Anders", version = incident.Version }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        using (var timeline = await regie.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}/timeline?kind={SafetyTimelineKinds.GroupIncident}"))
        {
            Assert.Single((await timeline.ReadAsync<TimelinePage>()).Items);
        }
    }
}

public sealed class MissingEpisodeSqlite(SqliteFixture f) : MissingEpisodeTests(f), IClassFixture<SqliteFixture>;

public sealed class MissingEpisodePostgres(PostgresFixture f) : MissingEpisodeTests(f), IClassFixture<PostgresFixture>;
