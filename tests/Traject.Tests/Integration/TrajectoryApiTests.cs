using System.Net;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Caseload;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Tests.Integration;

/// <summary>Lists, dossier, timeline, status, coordinator and care team through /api/v1/trajectories.</summary>
public abstract class TrajectoryApiTests(TrajectFixture f)
{
    private static string Url(Guid id, string rest = "") => $"/api/v1/trajectories/{id}{rest}";

    private async Task<TrajectoryPage> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/v1/trajectories" + query);
        return await response.ReadAsync<TrajectoryPage>();
    }

    [SkippableFact]
    public async Task My_list_holds_where_I_am_coordinator_or_member_and_all_holds_what_I_may_open()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var created = await Dossiers.RegisterAsync(regie, f.Clock);

        var mine = await ListAsync(regie, "?scope=mine&pageSize=100");
        Assert.Contains(mine.Items, t => t.Id == created.TrajectoryId);
        Assert.Equal(mine.Total, (await ListAsync(regie, "?pageSize=100")).Total); // mine is the default

        // The designated expert may open every trajectory of her organisation, but works in none of them.
        using var aandacht = await f.ClientAsync(Demo.Aandacht);
        var expertMine = await ListAsync(aandacht, "?scope=mine&pageSize=100");
        var expertAll = await ListAsync(aandacht, "?scope=all&pageSize=100");
        Assert.DoesNotContain(expertMine.Items, t => t.Id == created.TrajectoryId);
        Assert.Contains(expertAll.Items, t => t.Id == created.TrajectoryId);
        Assert.True(expertAll.Total >= 15, $"the 15 demo trajectories of {Demo.North} at least, got {expertAll.Total}");
        Assert.True(expertAll.Total > expertMine.Total);
        Assert.All(expertMine.Items, t => Assert.Contains(expertAll.Items, a => a.Id == t.Id));

        var summary = expertAll.Items.Single(t => t.Id == created.TrajectoryId);
        Assert.Equal(created.Pseudonym, summary.Pseudonym);
        Assert.Equal(f.Ids.User(Demo.Regie), summary.Coordinator.Id);
        Assert.Equal(Demo.North, summary.Coordinator.Organisation);
        Assert.Contains(summary.LastEventKind, new[] { TrajectoriesTimelineKinds.TrajectoryOpened, TasksTimelineKinds.TaskCreated }); // written in one moment
    }

    [SkippableFact]
    public async Task Lists_page_and_filter_by_status()
    {
        using var aandacht = await f.ClientAsync(Demo.Aandacht);
        var all = await ListAsync(aandacht, "?scope=all&pageSize=100");
        var closed = await ListAsync(aandacht, "?scope=all&status=Closed&pageSize=100");
        Assert.NotEmpty(closed.Items);
        Assert.All(closed.Items, t => Assert.Equal(TrajectoryStatus.Closed, t.Status));
        Assert.Equal(all.Items.Count(t => t.Status == TrajectoryStatus.Closed), closed.Total);

        var page1 = await ListAsync(aandacht, "?scope=all&pageSize=5&page=1");
        var page2 = await ListAsync(aandacht, "?scope=all&pageSize=5&page=2");
        Assert.Equal(5, page1.Items.Count);
        Assert.Equal(all.Total, page1.Total);
        Assert.Empty(page1.Items.Select(t => t.Id).Intersect(page2.Items.Select(t => t.Id)));
        Assert.Equal(all.Items.Take(10).Select(t => t.Id), page1.Items.Concat(page2.Items).Select(t => t.Id));

        // Open trajectories come before closed ones.
        var firstClosed = all.Items.ToList().FindIndex(t => t.Status == TrajectoryStatus.Closed);
        Assert.All(all.Items.Skip(firstClosed), t => Assert.Equal(TrajectoryStatus.Closed, t.Status));
    }

    [SkippableTheory]
    [InlineData("?scope=everything", "scope")]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=101", "pageSize")]
    public async Task Bad_list_parameters_answer_400(string query, string field)
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        using var response = await regie.GetAsync("/api/v1/trajectories" + query);
        Assert.Contains(field, (await response.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
    }

    [SkippableFact]
    public async Task A_team_member_reads_the_dossier_on_the_basis_of_the_care_team_without_steering_it()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var created = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, created.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });

        using var mentor = await f.ClientAsync(Demo.Mentor);
        var detail = await Dossiers.DetailAsync(mentor, created.TrajectoryId);
        Assert.Equal(AccessBasis.CareTeam, detail.AccessBasis);
        Assert.False(detail.CanManage);
        Assert.Equal(created.YoungPersonId, detail.YoungPersonId);
        Assert.Equal("Testa", detail.GivenName);
        Assert.Equal(Demo.North, detail.LeadOrganisation);
        Assert.Equal(TrajectoryStatus.Signalled, detail.Status);
        Assert.Equal(2, detail.CareTeam.Count);

        using var aandacht = await f.ClientAsync(Demo.Aandacht);
        var expert = await Dossiers.DetailAsync(aandacht, created.TrajectoryId);
        Assert.Equal(AccessBasis.DesignatedExpert, expert.AccessBasis);
        Assert.True(expert.CanManage);
    }

    [SkippableFact]
    public async Task The_timeline_is_newest_first_and_filters_by_kind()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var created = await Dossiers.RegisterAsync(regie, f.Clock);
        f.Clock.Advance(TimeSpan.FromSeconds(5));
        await Dossiers.ChangeStatusAsync(regie, created.TrajectoryId, "Active");
        f.Clock.Advance(TimeSpan.FromSeconds(5));
        await Dossiers.AddMemberAsync(regie, created.TrajectoryId, new { professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist" });
        f.Clock.Advance(TimeSpan.FromSeconds(5));
        await Dossiers.ChangeStatusAsync(regie, created.TrajectoryId, "Aftercare");

        using var response = await regie.GetAsync(Url(created.TrajectoryId, "/timeline"));
        var page = await response.ReadAsync<TimelinePage>();
        // Opening a trajectory at a youth-care provider also creates the intake-screening task, at the same moment; moving
        // into aftercare plans the four follow-up contacts, each a task.
        Assert.Equal(9, page.Total);
        Assert.Equal(
            [TrajectoriesTimelineKinds.StatusChanged, TrajectoriesTimelineKinds.MemberAdded, TrajectoriesTimelineKinds.StatusChanged,
                TrajectoriesTimelineKinds.TrajectoryOpened],
            page.Items.Where(e => e.Kind != TasksTimelineKinds.TaskCreated).Select(e => e.Kind));
        Assert.Equal(5, page.Items.Count(e => e.Kind == TasksTimelineKinds.TaskCreated));
        Assert.Equal(page.Items.Select(e => e.OccurredAt).OrderDescending(), page.Items.Select(e => e.OccurredAt));
        Assert.All(page.Items, e => Assert.Equal(f.Ids.User(Demo.Regie), e.Actor.Id));
        Assert.Contains("Guus Gedrag (demo)", page.Items.Single(e => e.Kind == TrajectoriesTimelineKinds.MemberAdded).Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(Text.Separator, page.Items[0].Summary);

        using var filtered = await regie.GetAsync(Url(created.TrajectoryId, "/timeline?kind=trajectory.status"));
        var statusOnly = await filtered.ReadAsync<TimelinePage>();
        Assert.Equal(2, statusOnly.Total);
        Assert.All(statusOnly.Items, e => Assert.Equal(TrajectoriesTimelineKinds.StatusChanged, e.Kind));

        using var paged = await regie.GetAsync(Url(created.TrajectoryId, "/timeline?pageSize=1&page=2"));
        Assert.Equal(page.Items[1].Id, Assert.Single((await paged.ReadAsync<TimelinePage>()).Items).Id);

        using var unknown = await regie.GetAsync(Url(created.TrajectoryId, "/timeline?kind=nonsense"));
        Assert.Contains("kind", (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
    }

    [SkippableFact]
    public async Task Status_moves_that_the_rules_allow_succeed_and_others_are_refused()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var created = await Dossiers.RegisterAsync(regie, f.Clock);

        using (var refused = await regie.PostJsonAsync(Url(created.TrajectoryId, "/status"), new { status = "Aftercare", reason = "Test.", version = 1 }))
        {
            var problem = await refused.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("Een traject kan niet van Gesignaleerd naar Nazorg gaan.", (string?)problem["detail"]);
        }

        using (var ok = await regie.PostJsonAsync(Url(created.TrajectoryId, "/status"), new { status = "Active", reason = "Test.", version = 1 }))
        {
            var changed = await ok.ReadAsync<Changed>();
            Assert.Equal(created.TrajectoryId, changed.Id);
            Assert.Equal(2, changed.Version);
        }

        using (var stale = await regie.PostJsonAsync(Url(created.TrajectoryId, "/status"), new { status = "Aftercare", reason = "Test.", version = 1 }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        using (var back = await regie.PostJsonAsync(Url(created.TrajectoryId, "/status"), new { status = "Signalled", reason = "Test.", version = 2 }))
        {
            await back.ProblemAsync(HttpStatusCode.Conflict);
        }

        Assert.Equal(TrajectoryStatus.Active, (await Dossiers.DetailAsync(regie, created.TrajectoryId)).Status);
    }

    [SkippableFact]
    public async Task Closing_needs_a_reason_and_ends_the_team_and_the_coordinator_period()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var created = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, created.TrajectoryId, new
        {
            professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist", to = f.Clock.Today().AddMonths(2),
        });

        using (var noReason = await regie.PostJsonAsync(Url(created.TrajectoryId, "/status"), new { status = "Closed", version = 1 }))
        {
            Assert.Contains("reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        await Dossiers.ChangeStatusAsync(regie, created.TrajectoryId, "Closed", "Test: doelen bereikt");

        var detail = await Dossiers.DetailAsync(regie, created.TrajectoryId);
        Assert.Equal(TrajectoryStatus.Closed, detail.Status);
        Assert.Equal("Test: doelen bereikt", detail.ClosingReason);
        Assert.Equal(f.Clock.GetUtcNow(), detail.ClosedAt);
        Assert.All(detail.CareTeam, m => Assert.Equal(f.Clock.Today(), m.To));
        Assert.NotNull(Assert.Single(detail.CoordinatorHistory).Until);

        using var reopen = await regie.PostJsonAsync(Url(created.TrajectoryId, "/status"), new { status = "Active", reason = "Test.", version = detail.Version });
        await reopen.ProblemAsync(HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task Changing_the_coordinator_keeps_the_history_and_hands_over_the_steering()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var created = await Dossiers.RegisterAsync(regie, f.Clock);
        var mentorId = f.Ids.User(Demo.Mentor);

        using (var notCare = await regie.PutJsonAsync(Url(created.TrajectoryId, "/coordinator"), new { professionalId = f.Ids.User(Demo.Politie), version = 1 }))
        {
            Assert.Contains("professionalId", (await notCare.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var same = await regie.PutJsonAsync(Url(created.TrajectoryId, "/coordinator"), new { professionalId = f.Ids.User(Demo.Regie), version = 1 }))
        {
            await same.ProblemAsync(HttpStatusCode.Conflict);
        }

        f.Clock.Advance(TimeSpan.FromSeconds(5));
        using (var ok = await regie.PutJsonAsync(Url(created.TrajectoryId, "/coordinator"), new { professionalId = mentorId, version = 1 }))
        {
            Assert.Equal(2, (await ok.ReadAsync<Changed>()).Version);
        }

        using var mentor = await f.ClientAsync(Demo.Mentor);
        var detail = await Dossiers.DetailAsync(mentor, created.TrajectoryId);
        Assert.Equal(mentorId, detail.Coordinator.Id);
        Assert.Equal(AccessBasis.Coordinator, detail.AccessBasis);
        Assert.True(detail.CanManage);
        Assert.Equal(2, detail.CoordinatorHistory.Count);
        Assert.Equal(mentorId, detail.CoordinatorHistory[0].Coordinator.Id);
        Assert.Null(detail.CoordinatorHistory[0].Until);
        Assert.Equal(f.Ids.User(Demo.Regie), detail.CoordinatorHistory[1].Coordinator.Id);
        Assert.Equal(detail.CoordinatorHistory[0].Since, detail.CoordinatorHistory[1].Until);

        // The former coordinator is still in the team, so she still reads the dossier, but no longer steers it.
        var former = await Dossiers.DetailAsync(regie, created.TrajectoryId);
        Assert.Equal(AccessBasis.CareTeam, former.AccessBasis);
        Assert.False(former.CanManage);
        using var refused = await regie.PutJsonAsync(Url(created.TrajectoryId, "/coordinator"), new { professionalId = f.Ids.User(Demo.Regie), version = 2 });
        await refused.ProblemAsync(HttpStatusCode.Forbidden);

        using var timeline = await mentor.GetAsync(Url(created.TrajectoryId, "/timeline?kind=trajectory.coordinator"));
        Assert.Contains("Mira Mentor (demo)", Assert.Single((await timeline.ReadAsync<TimelinePage>()).Items).Summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Professionals_and_whole_organisations_join_the_care_team_and_memberships_end()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var created = await Dossiers.RegisterAsync(regie, f.Clock);
        var gedrag = await Dossiers.AddMemberAsync(regie, created.TrajectoryId, new { professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist" });
        var south = await Dossiers.AddMemberAsync(regie, created.TrajectoryId, new { organisationId = f.Ids.Organisation(Demo.South), role = "NeighbourhoodTeam" });

        var detail = await Dossiers.DetailAsync(regie, created.TrajectoryId);
        Assert.Equal(3, detail.CareTeam.Count);
        var member = detail.CareTeam.Single(m => m.Id == gedrag.Id);
        Assert.Equal(f.Ids.User(Demo.Gedrag), member.ProfessionalId);
        Assert.Equal(CareTeamRole.BehaviouralScientist, member.Role);
        Assert.Equal(f.Clock.Today(), member.From);
        Assert.True(member.IsActive);
        var organisation = detail.CareTeam.Single(m => m.Id == south.Id);
        Assert.Equal(f.Ids.Organisation(Demo.South), organisation.OrganisationId);
        Assert.Equal(Demo.South, organisation.Name);

        // Through her organisation's membership the neighbourhood-team member may now open the dossier.
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        Assert.Equal(AccessBasis.CareTeam, (await Dossiers.DetailAsync(wijkteam, created.TrajectoryId)).AccessBasis);

        using (var ended = await regie.PostJsonAsync(Url(created.TrajectoryId, $"/care-team/{gedrag.Id}/end"), new { endDate = f.Clock.Today(), version = gedrag.Version }))
        {
            Assert.Equal(gedrag.Version + 1, (await ended.ReadAsync<Changed>()).Version);
        }

        var after = (await Dossiers.DetailAsync(regie, created.TrajectoryId)).CareTeam.Single(m => m.Id == gedrag.Id);
        Assert.Equal(f.Clock.Today(), after.To);
        Assert.False(after.IsActive, "a membership ended today stops at once, not at midnight");

        using (var again = await regie.PostJsonAsync(Url(created.TrajectoryId, $"/care-team/{gedrag.Id}/end"), new { endDate = f.Clock.Today(), version = gedrag.Version }))
        {
            await again.ProblemAsync(HttpStatusCode.Conflict); // stale version
        }

        using var unknown = await regie.PostJsonAsync(Url(created.TrajectoryId, $"/care-team/{Guid.CreateVersion7()}/end"), new { version = 1 });
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_member_ends_her_own_membership_but_cannot_extend_it()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var created = await Dossiers.RegisterAsync(regie, f.Clock);
        var until = f.Clock.Today().AddDays(10);
        var membership = await Dossiers.AddMemberAsync(regie, created.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor", to = until });

        using var mentor = await f.ClientAsync(Demo.Mentor);
        using (var extend = await mentor.PostJsonAsync(Url(created.TrajectoryId, $"/care-team/{membership.Id}/end"), new { endDate = until.AddYears(2), version = membership.Version }))
        {
            Assert.Contains("endDate", (await extend.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var own = await mentor.PostJsonAsync(Url(created.TrajectoryId, $"/care-team/{membership.Id}/end"), new { endDate = f.Clock.Today().AddDays(2), version = membership.Version }))
        {
            await own.ExpectAsync(HttpStatusCode.OK);
        }

        Assert.Equal(f.Clock.Today().AddDays(2), (await Dossiers.DetailAsync(regie, created.TrajectoryId)).CareTeam.Single(m => m.Id == membership.Id).To);
    }

    [SkippableFact]
    public async Task A_second_active_membership_of_the_same_member_is_refused()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var created = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, created.TrajectoryId, new { professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist" });
        await Dossiers.AddMemberAsync(regie, created.TrajectoryId, new { organisationId = f.Ids.Organisation(Demo.South), role = "NeighbourhoodTeam" });

        using (var person = await regie.PostJsonAsync(Url(created.TrajectoryId, "/care-team"), new { professionalId = f.Ids.User(Demo.Gedrag), role = "Therapist" }))
        {
            await person.ProblemAsync(HttpStatusCode.Conflict);
        }

        using (var organisation = await regie.PostJsonAsync(Url(created.TrajectoryId, "/care-team"), new { organisationId = f.Ids.Organisation(Demo.South), role = "Other" }))
        {
            await organisation.ProblemAsync(HttpStatusCode.Conflict);
        }

        Assert.Equal(3, (await Dossiers.DetailAsync(regie, created.TrajectoryId)).CareTeam.Count);
    }

    [SkippableFact]
    public async Task Care_team_requests_are_checked()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var created = await Dossiers.RegisterAsync(regie, f.Clock);
        async Task<IReadOnlyCollection<string>> FieldsFor(object body)
        {
            using var response = await regie.PostJsonAsync(Url(created.TrajectoryId, "/care-team"), body);
            return (await response.ProblemAsync(HttpStatusCode.BadRequest)).Fields();
        }

        Assert.Contains("professionalId", await FieldsFor(new { role = "Mentor" }));
        Assert.Contains("professionalId", await FieldsFor(new { professionalId = f.Ids.User(Demo.Gedrag), organisationId = f.Ids.Organisation(Demo.South), role = "Mentor" }));
        Assert.Contains("professionalId", await FieldsFor(new { professionalId = f.Ids.User(Demo.Politie), role = "PoliceContact" }));
        Assert.Contains("professionalId", await FieldsFor(new { professionalId = Guid.CreateVersion7(), role = "Mentor" }));
        Assert.Contains("organisationId", await FieldsFor(new { organisationId = f.Ids.Organisation(Demo.Police), role = "PoliceContact" }));
        Assert.Contains("role", await FieldsFor(new { professionalId = f.Ids.User(Demo.Gedrag) }));
        Assert.Contains("from", await FieldsFor(new { professionalId = f.Ids.User(Demo.Gedrag), role = "Mentor", from = f.Clock.Today().AddDays(-7) }));
        Assert.Contains("to", await FieldsFor(new { professionalId = f.Ids.User(Demo.Gedrag), role = "Mentor", to = f.Clock.Today().AddDays(-1), from = f.Clock.Today() }));
    }
}

public sealed class TrajectoryApiSqlite(SqliteFixture f) : TrajectoryApiTests(f), IClassFixture<SqliteFixture>;

public sealed class TrajectoryApiPostgres(PostgresFixture f) : TrajectoryApiTests(f), IClassFixture<PostgresFixture>;
