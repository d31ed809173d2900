using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Modules.Caseload;
using Traject.Web.Modules.Emergency;
using Traject.Web.Modules.Notifications;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>Break the glass: who may, for how long, with what reason, and who is told.</summary>
public abstract class EmergencyAccessTests(TrajectFixture f)
{
    private const string Reason = "Meisje meldt zich bij ons wijkteam en is acuut in gevaar.";

    [SkippableFact]
    public async Task A_municipal_professional_opens_a_dossier_for_eight_hours_and_the_designated_expert_is_told()
    {
        f.ForgetTokens(); // the other test moves the clock past the tokens' lifetime
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        using (var before = await wijkteam.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}"))
        {
            await before.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var tooShort = await wijkteam.PostJsonAsync($"/api/v1/young-people/{person.Pseudonym}/emergency-access", new { reason = "te kort" }))
        {
            Assert.Contains("reason", (await tooShort.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var granted = await wijkteam.PostJsonAsync($"/api/v1/young-people/{person.Pseudonym}/emergency-access", new { reason = Reason }))
        {
            var grant = await granted.ReadAsync<EmergencyAccessGranted>(HttpStatusCode.Created);
            Assert.Equal(person.TrajectoryId, grant.TrajectoryId);
            Assert.Equal(f.Clock.GetUtcNow().AddHours(8), grant.ExpiresAt, TimeSpan.FromSeconds(1));
        }

        var detail = await Dossiers.DetailAsync(wijkteam, person.TrajectoryId);
        Assert.Equal("emergency", detail.AccessBasis);
        Assert.NotNull(detail.EmergencyUntil);
        Assert.False(detail.CanManage);
        using (var listed = await wijkteam.GetAsync("/api/v1/trajectories?scope=all&pageSize=100"))
        {
            Assert.Contains((await listed.ReadAsync<TrajectoryPage>()).Items, t => t.Id == person.TrajectoryId);
        }

        using (var again = await wijkteam.PostJsonAsync($"/api/v1/young-people/{person.Pseudonym}/emergency-access", new { reason = Reason }))
        {
            await again.ProblemAsync(HttpStatusCode.Conflict);
        }

        // The read is audited with the emergency basis and its reason.
        var read = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == TrajectoriesAuditActions.TrajectoryRead && a.EntityId == person.TrajectoryId && a.ActorId == f.Ids.User(Demo.Wijkteam))
            .OrderByDescending(a => a.Sequence).FirstAsync());
        Assert.Equal("emergency", read.Basis);
        Assert.Equal(Reason, read.BasisReason);

        // The designated expert of the lead organisation is told, and sees it in her report.
        using var aandacht = await f.ClientAsync(Demo.Aandacht);
        using (var notes = await aandacht.GetAsync("/api/v1/notifications"))
        {
            var note = Assert.Single(await notes.ReadAsync<List<NotificationView>>(), n => n.Message.Contains(person.Pseudonym, StringComparison.Ordinal));
            Assert.Equal(EmergencyAccesses.NotificationKind, note.Kind);
        }

        using var report = await aandacht.GetAsync("/api/v1/emergency-accesses");
        var row = Assert.Single(await report.ReadAsync<List<EmergencyAccessReport>>(), r => r.TrajectoryId == person.TrajectoryId);
        Assert.Equal(Reason, row.Reason);
        Assert.Null(row.ReviewedAt);
        using (var reviewed = await aandacht.PostJsonAsync($"/api/v1/emergency-accesses/{row.Id}/review", new { version = row.Version }))
        {
            Assert.NotNull((await reviewed.ReadAsync<EmergencyAccessReport>()).ReviewedAt);
        }

        using (var twice = await aandacht.PostJsonAsync($"/api/v1/emergency-accesses/{row.Id}/review", new { version = row.Version }))
        {
            await twice.ProblemAsync(HttpStatusCode.Conflict);
        }

        // Eight hours later the dossier is closed to her again (she signs in again: tokens live 20 minutes).
        f.Clock.Advance(TimeSpan.FromHours(8).Add(TimeSpan.FromMinutes(1)));
        using var later = Api.WithToken(f.CreateClient(), await f.LoginAsync(Demo.Wijkteam));
        using var after = await later.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}");
        await after.ProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Police_administrators_and_the_team_cannot_break_the_glass()
    {
        f.ForgetTokens(); // the other test moves the clock past the tokens' lifetime
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        foreach (var email in new[] { Demo.Politie, Demo.Admin, Demo.Rapporteur })
        {
            using var client = await f.ClientAsync(email);
            using var response = await client.PostJsonAsync($"/api/v1/young-people/{person.Pseudonym}/emergency-access", new { reason = Reason });
            await response.ProblemAsync(HttpStatusCode.Forbidden);
            using var unknown = await client.PostJsonAsync("/api/v1/young-people/J-AAAA-AAAA/emergency-access", new { reason = Reason });
            await unknown.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        using (var missing = await wijkteam.PostJsonAsync("/api/v1/young-people/J-AAAA-AAAA/emergency-access", new { reason = Reason }))
        {
            await missing.ProblemAsync(HttpStatusCode.NotFound);
        }

        using var mentor = await f.ClientAsync(Demo.Mentor);
        using var report = await mentor.GetAsync("/api/v1/emergency-accesses");
        await report.ProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class EmergencyAccessSqlite(SqliteFixture f) : EmergencyAccessTests(f), IClassFixture<SqliteFixture>;

public sealed class EmergencyAccessPostgres(PostgresFixture f) : EmergencyAccessTests(f), IClassFixture<PostgresFixture>;
