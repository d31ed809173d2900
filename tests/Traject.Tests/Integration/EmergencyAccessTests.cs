using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
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

    [SkippableFact]
    public async Task A_search_by_name_and_date_of_birth_finds_only_whom_she_could_break_the_glass_for_and_is_audited_without_the_name()
    {
        f.ForgetTokens(); // the other tests move the clock past the tokens' lifetime
        var given = "Zoekje" + Guid.NewGuid().ToString("N")[..6];
        const string Family = "Vindbaar";
        var born = f.Clock.Today().AddYears(-14).AddDays(-3);
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock, b =>
        {
            b["givenName"] = given;
            b["familyName"] = Family;
            b["dateOfBirth"] = born;
        });
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);

        // Given and family name, either of them, any case and spacing: found, with her pseudonym to break the glass with.
        foreach (var name in new[] { $"{given} {Family}", $"  {given.ToUpperInvariant()}   {Family.ToLowerInvariant()} ", given.ToLowerInvariant() })
        {
            var found = await SearchAsync(wijkteam, name, born);
            var candidate = Assert.Single(found.Items, c => c.Pseudonym == person.Pseudonym);
            Assert.Equal(given, candidate.GivenName);
            Assert.Equal("Groningen", candidate.Municipality);
            Assert.Equal(Demo.North, candidate.LeadOrganisation);
        }

        // The date must be exact and the name whole: a part of it, or another day, finds nobody.
        Assert.DoesNotContain((await SearchAsync(wijkteam, given, born.AddDays(1))).Items, c => c.Pseudonym == person.Pseudonym);
        Assert.DoesNotContain((await SearchAsync(wijkteam, given[..5], born)).Items, c => c.Pseudonym == person.Pseudonym);
        Assert.Empty((await SearchAsync(wijkteam, $"{given} Anders", born)).Items);

        // Her own coordinator can open the dossier already: for her there is nobody to break the glass for.
        Assert.Empty((await SearchAsync(regie, $"{given} {Family}", born)).Items);

        // Audited as a search by name and date of birth, with the count; the trail holds no name.
        var entries = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == EmergencyAuditActions.EmergencySearchByNameAndBirth && a.ActorId == f.Ids.User(Demo.Wijkteam)).ToListAsync());
        Assert.True(entries.Count >= 6);
        Assert.Contains(entries, e => e.Detail == "by=name+dateOfBirth;found=1" && e.Outcome == "allowed");
        Assert.Contains(entries, e => e.Detail == "by=name+dateOfBirth;found=0");
        var named = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking().CountAsync(a =>
            (a.Detail != null && a.Detail.Contains(given)) || (a.BasisReason != null && a.BasisReason.Contains(given)) || (a.Pseudonym != null && a.Pseudonym.Contains(given))));
        Assert.Equal(0, named);

        // The candidate's pseudonym then breaks the glass as before.
        using var granted = await wijkteam.PostJsonAsync($"/api/v1/young-people/{person.Pseudonym}/emergency-access", new { reason = Reason });
        Assert.Equal(person.TrajectoryId, (await granted.ReadAsync<EmergencyAccessGranted>(HttpStatusCode.Created)).TrajectoryId);
        Assert.Empty((await SearchAsync(wijkteam, $"{given} {Family}", born)).Items);
    }

    [SkippableFact]
    public async Task A_search_by_name_and_date_of_birth_refuses_bad_input_and_those_who_may_not_break_the_glass()
    {
        f.ForgetTokens();
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        var today = f.Clock.Today();
        var cases = new (object Body, string Field)[]
        {
            (new { name = "Testa Proefpersoon" }, "dateOfBirth"),
            (new { name = "Testa Proefpersoon", dateOfBirth = "31-02-2010" }, "dateOfBirth"),
            (new { name = "Testa Proefpersoon", dateOfBirth = "gisteren" }, "dateOfBirth"),
            (new { name = "Testa Proefpersoon", dateOfBirth = today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, "dateOfBirth"),
            (new { dateOfBirth = "2011-05-04" }, "name"),
            (new { name = "   ", dateOfBirth = "2011-05-04" }, "name"),
        };
        foreach (var (body, field) in cases)
        {
            using var response = await wijkteam.PostJsonAsync("/api/v1/emergency-access/search", body);
            Assert.Contains(field, (await response.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        foreach (var email in new[] { Demo.Politie, Demo.Admin, Demo.Rapporteur })
        {
            using var client = await f.ClientAsync(email);
            using var response = await client.PostJsonAsync("/api/v1/emergency-access/search", new { name = "Testa Proefpersoon", dateOfBirth = "2011-05-04" });
            await response.ProblemAsync(HttpStatusCode.Forbidden);
            var denied = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
                .CountAsync(a => a.Action == EmergencyAuditActions.EmergencySearchByNameAndBirth && a.ActorId == f.Ids.User(email) && a.Outcome == "denied"));
            Assert.True(denied >= 1);
        }
    }

    private static async Task<EmergencyCandidates> SearchAsync(HttpClient client, string name, DateOnly born)
    {
        using var response = await client.PostJsonAsync("/api/v1/emergency-access/search", new { name, dateOfBirth = born });
        return await response.ReadAsync<EmergencyCandidates>();
    }
}

public sealed class EmergencyAccessSqlite(SqliteFixture f) : EmergencyAccessTests(f), IClassFixture<SqliteFixture>;

public sealed class EmergencyAccessPostgres(PostgresFixture f) : EmergencyAccessTests(f), IClassFixture<PostgresFixture>;
