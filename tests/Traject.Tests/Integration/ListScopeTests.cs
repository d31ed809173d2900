using System.Collections.Frozen;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common.Access;
using Traject.Web.Data;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Tests.Integration;

/// <summary>
/// Lists read the scope as a union of id sets (one per ground), look-ups of one trajectory as one "or" predicate: both forms
/// must give every professional exactly the same trajectories, the whole scope and her own, with an emergency grant among
/// them.
/// </summary>
public abstract class ListScopeTests(TrajectFixture f)
{
    [SkippableFact]
    public async Task The_list_form_of_the_scope_holds_exactly_the_trajectories_of_the_look_up_form_for_every_professional()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock); // one more of her own, beside the demo dossiers
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        using (var granted = await wijkteam.PostJsonAsync($"/api/v1/young-people/{person.Pseudonym}/emergency-access",
            new { reason = "Vermissing gemeld bij de politie; de jongere is vannacht niet thuisgekomen en wij zoeken afspraken." }))
        {
            await granted.ExpectAsync(HttpStatusCode.Created);
        }

        await using var scope = f.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectDb>();
        var access = scope.ServiceProvider.GetRequiredService<AccessPolicy>();
        var professionals = await db.Users.Select(u => new { u.Id, u.DisplayName, u.OrganisationId, u.Organisation!.Kind, u.Email }).ToListAsync();
        var compared = 0;
        foreach (var p in professionals)
        {
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == p.Id select r.Name!).ToListAsync();
            var actor = new Actor(p.Id, p.DisplayName, p.OrganisationId, p.Kind, roles.ToFrozenSet(StringComparer.Ordinal));
            foreach (var personal in new[] { false, true })
            {
                var lookUp = await (personal ? access.MyTrajectories(actor) : access.VisibleTrajectories(actor)).Select(t => t.Id).OrderBy(i => i).ToListAsync();
                var list = await access.TrajectoriesToList(actor, personal).Select(t => t.Id).OrderBy(i => i).ToListAsync();
                Assert.True(lookUp.SequenceEqual(list), $"{p.Email}, personal {personal}: look-up {lookUp.Count}, list {list.Count}");
                compared += lookUp.Count;
            }
        }

        Assert.True(compared > 10, $"the demo data gives the professionals {compared} trajectories in all: too few to compare");
    }
}

public sealed class ListScopeSqlite(SqliteFixture f) : ListScopeTests(f), IClassFixture<SqliteFixture>;

public sealed class ListScopePostgres(PostgresFixture f) : ListScopeTests(f), IClassFixture<PostgresFixture>;
