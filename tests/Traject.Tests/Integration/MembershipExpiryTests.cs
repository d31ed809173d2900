using System.Net;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Caseload;

namespace Traject.Tests.Integration;

/// <summary>Access ends with the membership: moving the (fake) clock past the end date closes the dossier to the member.</summary>
public abstract class MembershipExpiryTests(TrajectFixture f)
{
    [SkippableFact]
    public async Task A_member_loses_access_the_day_after_her_membership_ends()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var lastDay = f.Clock.Today().AddDays(2);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist", to = lastDay });

        await AssertGedragAsync(person, HttpStatusCode.OK);

        // Two days on it is her last day: the period is inclusive. (Bearer tokens live 20 minutes, so she logs in again.)
        f.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(lastDay, f.Clock.Today());
        await AssertGedragAsync(person, HttpStatusCode.OK);

        f.Clock.Advance(TimeSpan.FromDays(1));
        await AssertGedragAsync(person, HttpStatusCode.NotFound);

        // The coordinator still sees the ended membership in the team, marked inactive.
        var token = await f.LoginAsync(Demo.Regie);
        using var coordinator = Api.WithToken(f.CreateClient(), token);
        var member = (await Dossiers.DetailAsync(coordinator, person.TrajectoryId)).CareTeam.Single(m => m.ProfessionalId == f.Ids.User(Demo.Gedrag));
        Assert.False(member.IsActive);
        Assert.Equal(lastDay, member.To);
    }

    [SkippableFact]
    public async Task Ending_a_membership_now_revokes_access_the_same_minute()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var membershipId = (await Dossiers.AddMemberAsync(regie, person.TrajectoryId,
            new { professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist" })).Id;
        await AssertGedragAsync(person, HttpStatusCode.OK);

        var member = (await Dossiers.DetailAsync(regie, person.TrajectoryId)).CareTeam.Single(m => m.Id == membershipId);
        using (var end = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/care-team/{membershipId}/end",
            new { version = member.Version }))
        {
            await end.ExpectAsync(HttpStatusCode.OK);
        }

        // Not at the end of the day: within the same minute, with the same clock reading.
        await AssertGedragAsync(person, HttpStatusCode.NotFound);
        var ended = (await Dossiers.DetailAsync(regie, person.TrajectoryId)).CareTeam.Single(m => m.Id == membershipId);
        Assert.False(ended.IsActive);
        Assert.Equal(f.Clock.Today(), ended.To);

        // An ended membership does not block joining again from today.
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist" });
        await AssertGedragAsync(person, HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task A_bearer_token_expires_with_the_clock()
    {
        var token = await f.LoginAsync(Demo.Mentor);
        using var client = Api.WithToken(f.CreateClient(), token);
        using (var fresh = await client.GetAsync("/api/v1/trajectories"))
        {
            await fresh.ExpectAsync(HttpStatusCode.OK);
        }

        f.Clock.Advance(TimeSpan.FromMinutes(21));
        using var stale = await client.GetAsync("/api/v1/trajectories");
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
    }

    private async Task AssertGedragAsync(Traject.Web.Modules.Trajectories.RegisteredYoungPerson person, HttpStatusCode expected)
    {
        var token = await f.LoginAsync(Demo.Gedrag);
        using var gedrag = Api.WithToken(f.CreateClient(), token);
        using (var trajectory = await gedrag.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}"))
        {
            await trajectory.ExpectAsync(expected);
        }

        using (var young = await gedrag.GetAsync($"/api/v1/young-people/{person.Pseudonym}"))
        {
            await young.ExpectAsync(expected);
        }

        using (var timeline = await gedrag.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}/timeline"))
        {
            await timeline.ExpectAsync(expected);
        }

        using var list = await gedrag.GetAsync("/api/v1/trajectories?scope=all&pageSize=100");
        var listed = (await list.ReadAsync<TrajectoryPage>()).Items.Any(t => t.Id == person.TrajectoryId);
        Assert.Equal(expected == HttpStatusCode.OK, listed);
    }
}

public sealed class MembershipExpirySqlite(SqliteFixture f) : MembershipExpiryTests(f), IClassFixture<SqliteFixture>;

public sealed class MembershipExpiryPostgres(PostgresFixture f) : MembershipExpiryTests(f), IClassFixture<PostgresFixture>;
