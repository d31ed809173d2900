using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Common.Auditing;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>
/// Placements through the API: starting one in a programme of the catalogue, the indication and mixed-group rules,
/// phases, the next step and its task, time-outs, ending, warnings, who may steer, and the catalogue's versions and capacity.
/// </summary>
public abstract class PlacementTests(TrajectFixture f)
{
    private static async Task<List<PlacementView>> ListAsync(HttpClient client, Guid trajectoryId)
    {
        using var response = await client.GetAsync(PlacementSteps.Url(trajectoryId));
        return await response.ReadAsync<List<PlacementView>>();
    }

    private async Task<(HttpClient Regie, Guid TrajectoryId)> DossierWithMentorAsync()
    {
        var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        return (regie, person.TrajectoryId);
    }

    [SkippableFact]
    public async Task The_coordinator_starts_a_closed_placement_with_its_indication_and_moves_her_through_the_phases()
    {
        var (regie, trajectoryId) = await DossierWithMentorAsync();
        using var _ = regie;
        var intermetzo = await PlacementSteps.ProgrammeAsync(f, PlacementSteps.Intermetzo);
        var north = f.Ids.Organisation(Demo.North);
        var today = f.Clock.Today();
        using (var noIndication = await regie.PostJsonAsync(PlacementSteps.Url(trajectoryId), new { programmeId = intermetzo, organisationId = north, startedOn = today }))
        {
            Assert.Contains("indicationConfirmed", (await noIndication.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var wrongSetting = await regie.PostJsonAsync(PlacementSteps.Url(trajectoryId),
                   new { programmeId = intermetzo, organisationId = north, startedOn = today, setting = "Open", indicationConfirmed = true }))
        {
            Assert.Contains("setting", (await wrongSetting.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        var id = await PlacementSteps.StartAsync(regie, trajectoryId, intermetzo, north, today,
            new { programmeId = intermetzo, organisationId = north, startedOn = today, indicationConfirmed = true });

        // The mentor reads the placement and its restrictions, but does not steer; someone outside the team sees nothing.
        using var mentor = await f.ClientAsync(Demo.Mentor);
        var placement = Assert.Single(await ListAsync(mentor, trajectoryId));
        Assert.Equal(PlacementSetting.Closed, placement.Setting);
        Assert.Equal(1, placement.CurrentPhase.Order);
        Assert.Equal("Stabilisatie", placement.CurrentPhase.Name);
        Assert.Equal(RestrictionLevel.NotAllowed, placement.CurrentPhase.Internet);
        Assert.Equal(4, placement.Phases.Count);
        Assert.Equal(today.AddDays(28), placement.NextStepDueOn);
        Assert.Equal(today.AddDays(39 * 7), placement.MaximumEndOn);
        Assert.False(placement.CanSteer);
        using (var refused = await mentor.PostJsonAsync($"{PlacementSteps.Url(trajectoryId)}/{id}/phase", new { phase = 2, version = placement.Version }))
        {
            await refused.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using (var hidden = await gedrag.GetAsync($"{PlacementSteps.Url(trajectoryId)}/{id}"))
        {
            await hidden.ProblemAsync(HttpStatusCode.NotFound);
        }

        // The plan-the-next-step task is the coordinator's, due four weeks after the start.
        var task = await f.WithDbAsync(db => db.CareTasks.SingleAsync(t => t.TrajectoryId == trajectoryId && t.Kind == PlacementsTaskKinds.NameNextPlace));
        Assert.Equal(f.Ids.User(Demo.Regie), task.OwnerId);
        Assert.Equal(today.AddDays(28), task.DueOn);

        using (var moved = await regie.PostJsonAsync($"{PlacementSteps.Url(trajectoryId)}/{id}/phase", new { phase = 2, version = placement.Version }))
        {
            await moved.ExpectAsync(HttpStatusCode.OK);
        }

        using (var stale = await regie.PostJsonAsync($"{PlacementSteps.Url(trajectoryId)}/{id}/phase", new { phase = 3, version = placement.Version }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        var now = Assert.Single(await ListAsync(regie, trajectoryId));
        using (var back = await regie.PostJsonAsync($"{PlacementSteps.Url(trajectoryId)}/{id}/phase", new { phase = 1, version = now.Version }))
        {
            Assert.Contains("note", (await back.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        Assert.Equal(2, now.CurrentPhase.Order);
        Assert.Equal([1, 2], now.PhaseHistory.Select(p => p.Phase));
        Assert.Equal(f.Ids.User(Demo.Regie), now.PhaseHistory[1].DecidedBy.Id);
        using var timeline = await regie.GetAsync($"/api/v1/trajectories/{trajectoryId}/timeline?kind={PlacementsTimelineKinds.PlacementPhase}");
        Assert.Single((await timeline.ReadAsync<TimelinePage>()).Items);
        var audit = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id || a.EntityId == trajectoryId)
            .Select(a => new { a.Action, a.Outcome, a.ActorId }).ToListAsync());
        Assert.Contains(audit, a => a.Action == PlacementsAuditActions.PlacementChanged && a.Outcome == AuditOutcomes.Allowed && a.ActorId == f.Ids.User(Demo.Regie));
        Assert.Contains(audit, a => a.Action == PlacementsAuditActions.PlacementChanged && a.Outcome == AuditOutcomes.Denied && a.ActorId == f.Ids.User(Demo.Mentor));
        Assert.Contains(audit, a => a.Action == PlacementsAuditActions.PlacementRead && a.ActorId == f.Ids.User(Demo.Mentor));
    }

    [SkippableFact]
    public async Task A_mixed_group_needs_an_argument_and_one_residential_placement_runs_at_a_time()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var ego = await PlacementSteps.ProgrammeAsync(f, PlacementSteps.EgoStrengthening);
        var north = f.Ids.Organisation(Demo.North);
        var today = f.Clock.Today();
        using (var bare = await regie.PostJsonAsync(PlacementSteps.Url(person.TrajectoryId), new { programmeId = ego, organisationId = north, startedOn = today, indicationConfirmed = true }))
        {
            Assert.Contains("mixedGroupArgument", (await bare.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        const string Argument = "Zij functioneert beter tussen leeftijdgenoten van beide seksen; besproken in het MDO.";
        await PlacementSteps.StartAsync(regie, person.TrajectoryId, ego, north, today,
            new { programmeId = ego, organisationId = north, startedOn = today, indicationConfirmed = true, mixedGroupArgument = Argument });
        var placement = Assert.Single(await ListAsync(regie, person.TrajectoryId));
        Assert.Equal(GroupComposition.Mixed, placement.GroupComposition);
        Assert.Equal(Argument, placement.MixedGroupArgument);

        var lima = await PlacementSteps.ProgrammeAsync(f, PlacementSteps.VeiligLima);
        using (var second = await regie.PostJsonAsync(PlacementSteps.Url(person.TrajectoryId), new { programmeId = lima, organisationId = north, startedOn = today }))
        {
            await second.ProblemAsync(HttpStatusCode.Conflict);
        }

        // Outpatient care can run alongside.
        await PlacementSteps.StartAsync(regie, person.TrajectoryId, await PlacementSteps.ProgrammeAsync(f, PlacementSteps.Outpatient), north, today);
        Assert.Equal(2, (await ListAsync(regie, person.TrajectoryId)).Count);
    }

    [SkippableFact]
    public async Task Warnings_show_a_placement_past_its_maximum_and_an_unnamed_next_step_until_it_is_named()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var lima = await PlacementSteps.ProgrammeAsync(f, PlacementSteps.VeiligLima);
        var started = f.Clock.Today().AddDays(-200);
        var id = await PlacementSteps.StartAsync(regie, person.TrajectoryId, lima, f.Ids.Organisation(Demo.North), started);
        var placement = Assert.Single(await ListAsync(regie, person.TrajectoryId));
        Assert.Contains(PlacementWarning.ExceedsMaximumDuration, placement.Warnings);
        Assert.Contains(PlacementWarning.NextStepOverdue, placement.Warnings);

        using (var missing = await regie.PutJsonAsync($"{PlacementSteps.Url(person.TrajectoryId)}/{id}/next-step", new { nextPlace = " ", version = placement.Version }))
        {
            var fields = (await missing.ProblemAsync(HttpStatusCode.BadRequest)).Fields();
            Assert.Contains("nextPlace", fields);
            Assert.Contains("nextOrganisationId", fields);
        }

        using (var named = await regie.PutJsonAsync($"{PlacementSteps.Url(person.TrajectoryId)}/{id}/next-step",
                   new { nextPlace = "Terug naar huis met ambulante hulp", nextOrganisationId = f.Ids.Organisation(Demo.South), version = placement.Version }))
        {
            await named.ExpectAsync(HttpStatusCode.OK);
        }

        placement = Assert.Single(await ListAsync(regie, person.TrajectoryId));
        Assert.DoesNotContain(PlacementWarning.NextStepOverdue, placement.Warnings);
        Assert.Equal(Demo.South, placement.NextStep!.NextOrganisation);
        var task = await f.WithDbAsync(db => db.CareTasks.SingleAsync(t => t.TrajectoryId == person.TrajectoryId && t.Kind == PlacementsTaskKinds.NameNextPlace));
        Assert.NotNull(task.CompletedAt);
    }

    [SkippableFact]
    public async Task A_time_out_is_recorded_inside_an_open_placement_without_ending_it_and_an_ended_placement_stays_as_it_was()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var today = f.Clock.Today();
        var id = await PlacementSteps.StartAsync(regie, person.TrajectoryId, await PlacementSteps.ProgrammeAsync(f, PlacementSteps.VeiligLima),
            f.Ids.Organisation(Demo.North), today.AddDays(-20));
        var url = $"{PlacementSteps.Url(person.TrajectoryId)}/{id}";
        var version = Assert.Single(await ListAsync(regie, person.TrajectoryId)).Version;
        using (var tooLong = await regie.PostJsonAsync($"{url}/time-outs", new { startsOn = today, endsOn = today.AddDays(28), reason = "Acuut weglooprisico na contact met dader", version,
        }))
        {
            Assert.Contains("endsOn", (await tooLong.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var timeOut = await regie.PostJsonAsync($"{url}/time-outs", new
        {
            startsOn = today, endsOn = today.AddDays(13), place = "Demo gesloten groep", reason = "Acuut weglooprisico na contact met dader", version,
        }))
        {
            version = (await timeOut.ReadAsync<Changed>(HttpStatusCode.Created)).Version;
        }

        using (var overlap = await regie.PostJsonAsync($"{url}/time-outs", new { startsOn = today.AddDays(5), endsOn = today.AddDays(8), reason = "Nog een time-out erbij", version }))
        {
            await overlap.ProblemAsync(HttpStatusCode.Conflict);
        }

        var placement = Assert.Single(await ListAsync(regie, person.TrajectoryId));
        Assert.True(placement.IsCurrent);
        Assert.NotNull(placement.CurrentTimeOut);
        Assert.Equal(today.AddDays(13), placement.CurrentTimeOut!.EndsOn);

        using (var noNote = await regie.PostJsonAsync($"{url}/end", new { reason = "Other", version }))
        {
            Assert.Contains("note", (await noNote.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var ended = await regie.PostJsonAsync($"{url}/end", new { reason = "MovedToNextStep", version }))
        {
            version = (await ended.ReadAsync<Changed>()).Version;
        }

        using (var afterEnd = await regie.PostJsonAsync($"{url}/phase", new { phase = 2, version }))
        {
            await afterEnd.ProblemAsync(HttpStatusCode.Conflict);
        }

        placement = Assert.Single(await ListAsync(regie, person.TrajectoryId));
        Assert.Equal(today, placement.EndedOn);
        Assert.Equal(PlacementEndReason.MovedToNextStep, placement.EndReason);
        Assert.False(placement.IsCurrent);
    }

    [SkippableFact]
    public async Task An_edit_of_the_catalogue_publishes_a_new_version_and_placements_keep_theirs_and_capacity_is_the_organisations()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var hoenderloo = await PlacementSteps.ProgrammeAsync(f, PlacementSteps.Hoenderloo);
        await PlacementSteps.StartAsync(regie, person.TrajectoryId, hoenderloo, f.Ids.Organisation(Demo.North), f.Clock.Today(),
            new { programmeId = hoenderloo, organisationId = f.Ids.Organisation(Demo.North), startedOn = f.Clock.Today(), setting = "SemiClosed" });

        using var admin = await f.ClientAsync(Demo.Admin);
        CareProgrammeView before;
        using (var get = await admin.GetAsync($"/api/v1/care-programmes/{hoenderloo}"))
        {
            before = await get.ReadAsync<CareProgrammeView>();
        }

        var edited = new
        {
            before.Name, before.Provider, before.Settings, before.TargetGroup, before.TargetGender, before.MinAge, before.MaxAge, maxDurationWeeks = 52,
            before.RequiredIndication, before.GroupComposition, before.Reach, before.Description, isActive = true, version = before.Version,
            phases = before.Phases.Select(p => new { p.Name, p.TypicalWeeks, p.Phone, p.Internet, p.Leave, p.NetworkContact, p.Notes })
                .Append(new { Name = "Nazorg", TypicalWeeks = (int?)8, Phone = RestrictionLevel.Allowed, Internet = RestrictionLevel.Allowed,
                    Leave = RestrictionLevel.Allowed, NetworkContact = RestrictionLevel.Allowed, Notes = (string?)null }).ToList(),
        };
        using (var refused = await regie.PutJsonAsync($"/api/v1/care-programmes/{hoenderloo}", edited))
        {
            await refused.ProblemAsync(HttpStatusCode.Forbidden);
        }

        CareProgrammeView after;
        using (var published = await admin.PutJsonAsync($"/api/v1/care-programmes/{hoenderloo}", edited))
        {
            after = await published.ReadAsync<CareProgrammeView>();
        }

        Assert.Equal(before.VersionNumber + 1, after.VersionNumber);
        Assert.Equal(4, after.Phases.Count);
        Assert.Equal(52, after.MaxDurationWeeks);
        using (var stale = await admin.PutJsonAsync($"/api/v1/care-programmes/{hoenderloo}", edited))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        var placement = Assert.Single(await ListAsync(regie, person.TrajectoryId));
        Assert.Equal(before.VersionNumber, placement.Programme.VersionNumber);
        Assert.Equal(3, placement.Phases.Count);
        Assert.Null(placement.MaximumEndOn);
        using (var old = await regie.GetAsync($"/api/v1/care-programmes/{hoenderloo}?version={before.VersionNumber}"))
        {
            Assert.Equal(3, (await old.ReadAsync<CareProgrammeView>()).Phases.Count);
        }

        // The database itself refuses to change a published version.
        await Assert.ThrowsAnyAsync<Exception>(() => f.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"CareProgrammeVersions\" SET \"Name\" = 'x' WHERE \"Id\" = {0}", before.VersionId)));

        // Capacity belongs to the organisation that runs the programme (Veilig Lima: Demo Jeugdzorg Noord).
        var lima = await PlacementSteps.ProgrammeAsync(f, PlacementSteps.VeiligLima);
        using var mentor = await f.ClientAsync(Demo.Mentor);
        var current = await (await mentor.GetAsync($"/api/v1/care-programmes/{lima}")).ReadAsync<CareProgrammeView>();
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        using (var notTheirs = await wijkteam.PutJsonAsync($"/api/v1/care-programmes/{lima}/capacity", new { places = 8, occupied = 8, version = current.Version }))
        {
            await notTheirs.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var tooMany = await mentor.PutJsonAsync($"/api/v1/care-programmes/{lima}/capacity", new { places = 8, occupied = 9, version = current.Version }))
        {
            Assert.Contains("occupied", (await tooMany.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var updated = await mentor.PutJsonAsync($"/api/v1/care-programmes/{lima}/capacity", new { places = 8, occupied = 6, expectedWaitingWeeks = 2, version = current.Version }))
        {
            var capacity = (await updated.ReadAsync<CareProgrammeView>()).Capacity;
            Assert.Equal(2, capacity.Free);
            Assert.Equal(2, capacity.ExpectedWaitingWeeks);
        }
    }
}

public sealed class PlacementSqlite(SqliteFixture f) : PlacementTests(f), IClassFixture<SqliteFixture>;

public sealed class PlacementPostgres(PostgresFixture f) : PlacementTests(f), IClassFixture<PostgresFixture>;
