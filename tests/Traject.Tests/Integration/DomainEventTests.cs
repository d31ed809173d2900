using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>
/// The hub's domain events are handled in the transaction of the change that raised them: when one handler fails, the
/// change and what the other handlers added are all left unsaved.
/// </summary>
public abstract class DomainEventTests(TrajectFixture f)
{
    /// <summary>A subscriber that fails, registered after the real ones.</summary>
    private sealed class FailingOnClose : IDomainEventHandler<TrajectoryClosed>
    {
        public Task HandleAsync(TrajectoryClosed domainEvent, CancellationToken ct) =>
            throw new InvalidOperationException("A subscriber failed.");
    }

    [SkippableFact]
    public async Task A_failing_subscriber_leaves_the_closing_and_the_other_subscribers_work_unsaved()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        using (var active = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/status", new { status = "Active", reason = "Hulp gestart.", version = 1 }))
        {
            await active.ExpectAsync(HttpStatusCode.OK);
        }

        var counts = () => f.WithDbAsync(async db => (
            Timeline: await db.TimelineEvents.CountAsync(e => e.TrajectoryId == person.TrajectoryId),
            FollowUps: await db.FollowUpContacts.CountAsync(c => c.TrajectoryId == person.TrajectoryId),
            Tasks: await db.CareTasks.CountAsync(t => t.TrajectoryId == person.TrajectoryId)));
        var before = await counts();

        using var failing = f.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<IDomainEventHandler<TrajectoryClosed>, FailingOnClose>()));
        using var client = Api.WithToken(failing.CreateClient(), await Api.LoginAsync(failing, Demo.Regie));
        using (var closing = await client.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/status",
                   new { status = "Closed", reason = "Zorg afgerond, nazorg loopt via het wijkteam.", version = 2 }))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, closing.StatusCode);
        }

        Assert.Equal(TrajectoryStatus.Active, (await Dossiers.DetailAsync(regie, person.TrajectoryId)).Status);
        Assert.Equal(before, await counts());

        // Without the failing subscriber the same closing goes through, with the follow-up contacts planned.
        using (var closed = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/status",
                   new { status = "Closed", reason = "Zorg afgerond, nazorg loopt via het wijkteam.", version = 2 }))
        {
            await closed.ExpectAsync(HttpStatusCode.OK);
        }

        var after = await counts();
        Assert.Equal(4, after.FollowUps - before.FollowUps);
        Assert.True(after.Tasks > before.Tasks && after.Timeline > before.Timeline);
    }
}

public sealed class DomainEventSqlite(SqliteFixture f) : DomainEventTests(f), IClassFixture<SqliteFixture>;

public sealed class DomainEventPostgres(PostgresFixture f) : DomainEventTests(f), IClassFixture<PostgresFixture>;
