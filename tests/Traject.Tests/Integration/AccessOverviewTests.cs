using System.Net;
using Traject.Tests.Infrastructure;
using Traject.Web.Modules.YoungPeople;
using Traject.Web.Common.Access;

namespace Traject.Tests.Integration;

/// <summary>The access overview per young person: who opened or changed her dossier, as JSON and CSV, for her coordinator and the lead organisation's designated expert only.</summary>
public abstract class AccessOverviewTests(TrajectFixture f)
{
    [SkippableFact]
    public async Task The_coordinator_sees_who_read_the_dossier_and_can_export_it()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist" });
        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using (var read = await gedrag.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}"))
        {
            await read.ExpectAsync(HttpStatusCode.OK);
        }

        using var json = await regie.GetAsync($"/api/v1/young-people/{person.Pseudonym}/access-log");
        var log = await json.ReadAsync<AccessLog>();
        Assert.Equal(person.Pseudonym, log.Pseudonym);
        var gedragRead = Assert.Single(log.Entries, e => e.Professional == "Guus Gedrag (demo)" && e.Action == "trajectory.read");
        Assert.Equal("care-team", gedragRead.Basis);
        Assert.Equal("BehaviouralScientist", gedragRead.Roles);
        Assert.Equal(Demo.North, gedragRead.Organisation);
        Assert.Contains(log.Entries, e => e.Action == "youngperson.create" && e.Professional == "Rik Regie (demo)");

        using var csv = await regie.GetAsync($"/api/v1/young-people/{person.Pseudonym}/access-log?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("time_utc,professional,organisation,roles,action,basis,outcome\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",Guus Gedrag (demo),Demo Jeugdzorg Noord,BehaviouralScientist,trajectory.read,care-team,allowed\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Dossiers.NewPerson(f.Clock)["familyName"]!.ToString()!, text, StringComparison.Ordinal);

        // The export itself is audited.
        using var again = await regie.GetAsync($"/api/v1/young-people/{person.Pseudonym}/access-log");
        Assert.Contains((await again.ReadAsync<AccessLog>()).Entries, e => e.Action == "accesslog.export");
    }

    [SkippableFact]
    public async Task Team_members_get_403_and_outsiders_404()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });

        using var mentor = await f.ClientAsync(Demo.Mentor);
        using (var member = await mentor.GetAsync($"/api/v1/young-people/{person.Pseudonym}/access-log"))
        {
            await member.ProblemAsync(HttpStatusCode.Forbidden);
        }

        foreach (var outsider in new[] { Demo.Wijkteam, Demo.Admin, Demo.Politie })
        {
            using var client = await f.ClientAsync(outsider);
            using var response = await client.GetAsync($"/api/v1/young-people/{person.Pseudonym}/access-log?format=csv");
            await response.ProblemAsync(HttpStatusCode.NotFound);
        }

        using var aandacht = await f.ClientAsync(Demo.Aandacht);
        using var expert = await aandacht.GetAsync($"/api/v1/young-people/{person.Pseudonym}/access-log");
        await expert.ExpectAsync(HttpStatusCode.OK);
    }
}

public sealed class AccessOverviewSqlite(SqliteFixture f) : AccessOverviewTests(f), IClassFixture<SqliteFixture>;

public sealed class AccessOverviewPostgres(PostgresFixture f) : AccessOverviewTests(f), IClassFixture<PostgresFixture>;
