using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Triage;

namespace Traject.Tests.Integration;

/// <summary>
/// The problem, risk, needs and strengths analysis through the API: drafts, signatures by two professionals (one a
/// behavioural scientist), the three-monthly task, copies and comparison, the parent-involvement warning, stale edits.
/// </summary>
public abstract class AnalysisTests(TrajectFixture f)
{
    private static string Url(Guid trajectoryId) => $"/api/v1/trajectories/{trajectoryId}/analyses";

    /// <summary>A young person coordinated by Regie, with Gedrag (behavioural scientist) and Mentor in her team.</summary>
    private async Task<(HttpClient Regie, Guid TrajectoryId)> SceneAsync()
    {
        var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist" });
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        return (regie, person.TrajectoryId);
    }

    private static async Task<AnalysisView> StartAsync(HttpClient client, Guid trajectoryId)
    {
        using var response = await client.PostJsonAsync(Url(trajectoryId), new { });
        return await response.ReadAsync<AnalysisView>(HttpStatusCode.Created);
    }

    private static object Content(long version, bool fatherInvolved = false, string needs = "Een veilige plek en traumabehandeling.") => new
    {
        exploitationCircumstances = "Via een oudere 'vriend' die ze online leerde kennen.",
        exploitationForms = new[] { "Sexual", "Financial" },
        exploitationMonths = 7,
        onlineComponent = true,
        upperProblems = new[] { "RunningAway", "SchoolAbsence" },
        underlyingProblems = new[] { "Trauma", "IntellectualDisability" },
        adverseExperiences = new[] { "ParentsSeparated", "ViolenceAtHome" },
        risks = new[] { "FromExploiterAndNetwork", "Online" },
        needs,
        strengths = "Sport, een goede band met haar tante.",
        education = "AttendsIrregularly",
        network = new object[]
        {
            new { relation = "Mother", name = "Moeder Proef", mayBeInvolved = false },
            new { relation = "Father", name = "Vader Proef", notes = "Kent de uitbuiter", mayBeInvolved = fatherInvolved },
        },
        version,
    };

    private static async Task<AnalysisView> SaveAsync(HttpClient client, Guid trajectoryId, Guid analysisId, object content)
    {
        using var response = await client.PutJsonAsync($"{Url(trajectoryId)}/{analysisId}", content);
        return await response.ReadAsync<AnalysisView>();
    }

    private static async Task<AnalysisView> SignAsync(HttpClient client, Guid trajectoryId, Guid analysisId, long version)
    {
        using var response = await client.PostJsonAsync($"{Url(trajectoryId)}/{analysisId}/signatures", new { version });
        return await response.ReadAsync<AnalysisView>();
    }

    private static async Task<AnalysesOverview> OverviewAsync(HttpClient client, Guid trajectoryId)
    {
        using var response = await client.GetAsync(Url(trajectoryId));
        return await response.ReadAsync<AnalysesOverview>();
    }

    [SkippableFact]
    public async Task Two_professionals_one_a_behavioural_scientist_sign_it_and_the_next_is_planned_three_months_on()
    {
        var (regie, t) = await SceneAsync();
        using var _ = regie;
        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using var mentor = await f.ClientAsync(Demo.Mentor);
        using (var early = await mentor.GetAsync($"/api/v1/trajectories/{t}/recommendation"))
        {
            await early.ProblemAsync(HttpStatusCode.Conflict); // matched care needs a signed analysis
        }

        var draft = await StartAsync(regie, t);
        Assert.Null(draft.SignedAt);
        Assert.Equal(SignatureNeed.TwoProfessionals, draft.Needs);
        draft = await SaveAsync(mentor, t, draft.Id, Content(draft.Version));
        Assert.Equal([UnderlyingProblem.Trauma, UnderlyingProblem.IntellectualDisability], draft.Content.UnderlyingProblems);

        draft = await SignAsync(regie, t, draft.Id, draft.Version);
        Assert.Equal(SignatureNeed.BehaviouralScientist, draft.Needs);
        draft = await SignAsync(mentor, t, draft.Id, draft.Version);
        Assert.Equal(SignatureNeed.BehaviouralScientist, draft.Needs);
        Assert.Null(draft.SignedAt);
        using (var twice = await regie.PostJsonAsync($"{Url(t)}/{draft.Id}/signatures", new { version = draft.Version }))
        {
            await twice.ProblemAsync(HttpStatusCode.Conflict);
        }

        var signed = await SignAsync(gedrag, t, draft.Id, draft.Version);
        Assert.NotNull(signed.SignedAt);
        Assert.Equal(SignatureNeed.Nothing, signed.Needs);
        Assert.False(signed.CanEdit);

        var task = await f.WithDbAsync(db => db.CareTasks.AsNoTracking().SingleAsync(x => x.TrajectoryId == t && x.Kind == TriageTaskKinds.ProblemAnalysis));
        Assert.Equal(f.Clock.Today().AddMonths(3), task.DueOn);
        Assert.Equal(f.Ids.User(Demo.Regie), task.OwnerId);
        var overview = await OverviewAsync(mentor, t);
        Assert.Equal(f.Clock.Today().AddMonths(3), overview.Schedule.DueOn);
        Assert.Equal(AnalysisDue.Planned, overview.Schedule.State);

        using var change = await mentor.PutJsonAsync($"{Url(t)}/{signed.Id}", Content(signed.Version));
        await change.ProblemAsync(HttpStatusCode.Conflict);

        using var recommended = await mentor.GetAsync($"/api/v1/trajectories/{t}/recommendation");
        var recommendation = await recommended.ReadAsync<Recommendation>();
        Assert.Equal(signed.Id, recommendation.AnalysisId);
        Assert.NotEmpty(recommendation.Programmes);
        Assert.Equal(Enumerable.Range(1, recommendation.Programmes.Count), recommendation.Programmes.Select(p => p.Rank));
        Assert.All(recommendation.Programmes, p => Assert.Equal(8, p.Reasons.Count));
    }

    [SkippableFact]
    public async Task A_change_withdraws_the_signatures_and_a_stale_edit_or_signature_is_refused()
    {
        var (regie, t) = await SceneAsync();
        using var _ = regie;
        using var mentor = await f.ClientAsync(Demo.Mentor);
        var draft = await StartAsync(regie, t);
        var old = draft.Version;
        draft = await SaveAsync(regie, t, draft.Id, Content(draft.Version));
        draft = await SignAsync(regie, t, draft.Id, draft.Version);
        Assert.Single(draft.Signatures);

        using (var stale = await mentor.PutJsonAsync($"{Url(t)}/{draft.Id}", Content(old)))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        using (var staleSign = await mentor.PostJsonAsync($"{Url(t)}/{draft.Id}/signatures", new { version = old }))
        {
            await staleSign.ProblemAsync(HttpStatusCode.Conflict);
        }

        draft = await SaveAsync(mentor, t, draft.Id, Content(draft.Version, needs: "Een andere behoefte."));
        Assert.Empty(draft.Signatures);
        Assert.Equal(SignatureNeed.TwoProfessionals, draft.Needs);
    }

    [SkippableFact]
    public async Task Invalid_content_is_refused_field_by_field_and_nothing_is_saved()
    {
        var (regie, t) = await SceneAsync();
        using var _ = regie;
        var draft = await StartAsync(regie, t);
        using var response = await regie.PutJsonAsync($"{Url(t)}/{draft.Id}", new
        {
            needs = new string('x', ProblemAnalysis.TextMaxLength + 1),
            exploitationMonths = -1,
            exploiterRegionId = Guid.NewGuid(),
            network = new object?[] { new { name = "Zonder relatie" }, null },
            version = draft.Version,
        });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Superset(new HashSet<string> { "needs", "exploitationMonths", "exploiterRegionId", "network[0].relation", "network[1]" }, problem.Fields().ToHashSet());
        var again = await f.WithDbAsync(db => db.ProblemAnalyses.AsNoTracking().SingleAsync(a => a.Id == draft.Id));
        Assert.Equal(draft.Version, again.Version);
        Assert.Null(again.Needs);
    }

    [SkippableFact]
    public async Task A_new_analysis_starts_as_a_copy_and_the_two_are_compared()
    {
        var (regie, t) = await SceneAsync();
        using var _ = regie;
        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        var first = await StartAsync(regie, t);
        first = await SaveAsync(regie, t, first.Id, Content(first.Version));
        first = await SignAsync(regie, t, first.Id, first.Version);
        first = await SignAsync(gedrag, t, first.Id, first.Version);

        var second = await StartAsync(gedrag, t);
        Assert.Equal(first.Id, second.CopiedFromId);
        Assert.Equal(first.Content, second.Content with { Network = first.Content.Network, ExploitationForms = first.Content.ExploitationForms,
            UpperProblems = first.Content.UpperProblems, UnderlyingProblems = first.Content.UnderlyingProblems,
            AdverseExperiences = first.Content.AdverseExperiences, Risks = first.Content.Risks });
        Assert.Equal(first.Content.Network, second.Content.Network);
        Assert.Empty(second.Signatures);
        using (var another = await regie.PostJsonAsync(Url(t), new { }))
        {
            await another.ProblemAsync(HttpStatusCode.Conflict); // one draft at a time
        }

        second = await SaveAsync(gedrag, t, second.Id, Content(second.Version, needs: "Nu vooral onderwijs en een startkwalificatie."));
        using var compare = await regie.GetAsync($"{Url(t)}/compare?left={first.Id}&right={second.Id}");
        var comparison = await compare.ReadAsync<AnalysisComparison>();
        Assert.Equal(["needs"], comparison.Changed);
        Assert.Equal(first.Id, comparison.Left.Id);

        using var bad = await regie.GetAsync($"{Url(t)}/compare?left={first.Id}");
        Assert.Contains("right", (await bad.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
    }

    [SkippableFact]
    public async Task A_parent_who_may_be_involved_is_flagged_at_once_and_only_a_signed_analysis_lifts_it()
    {
        var (regie, t) = await SceneAsync();
        using var _ = regie;
        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using var mentor = await f.ClientAsync(Demo.Mentor);
        var draft = await StartAsync(regie, t);
        draft = await SaveAsync(regie, t, draft.Id, Content(draft.Version, fatherInvolved: true));

        // The whole team sees it while the analysis is still a draft.
        var seen = await OverviewAsync(mentor, t);
        Assert.True(seen.ParentInvolvement.MayBeInvolved);
        Assert.Equal([new InvolvedPerson(Traject.Web.Modules.Triage.NetworkRelation.Father, "Vader Proef")], seen.ParentInvolvement.People);
        // The trajectory's flag that leaves parents off the list of whom to inform of a missing episode is set with it.
        Assert.True(await f.WithDbAsync(db => Traject.Web.Modules.Safety.SafetyFacts.ParentMayBeInvolvedAsync(db, t, default)));

        draft = await SignAsync(regie, t, draft.Id, draft.Version);
        await SignAsync(gedrag, t, draft.Id, draft.Version);

        // A new draft that says "no" does not lift the warning; signing it does.
        var next = await StartAsync(mentor, t);
        next = await SaveAsync(mentor, t, next.Id, Content(next.Version, fatherInvolved: false));
        Assert.Single((await OverviewAsync(mentor, t)).ParentInvolvement.People);
        next = await SignAsync(mentor, t, next.Id, next.Version);
        await SignAsync(gedrag, t, next.Id, next.Version);
        Assert.False((await OverviewAsync(mentor, t)).ParentInvolvement.MayBeInvolved);
        Assert.False(await f.WithDbAsync(db => Traject.Web.Modules.Safety.SafetyFacts.ParentMayBeInvolvedAsync(db, t, default)));
    }

    [SkippableFact]
    public async Task An_analysis_not_made_in_time_shows_as_overdue_on_my_young_people()
    {
        var (regie, t) = await SceneAsync();
        using var _ = regie;
        await f.WithDbAsync(async db =>
        {
            var trajectory = await db.Trajectories.SingleAsync(x => x.Id == t);
            trajectory.StartedOn = f.Clock.Today().AddDays(-AnalysisSchedule.FirstWithinDays - 1);
            return await db.SaveChangesAsync();
        });
        var overview = await OverviewAsync(regie, t);
        Assert.Equal(AnalysisDue.Overdue, overview.Schedule.State);

        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var home = await browser.GetStringAsync("/");
        Assert.Contains($"href=\"/trajectories/{t}/analyses\"", home, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Emergency_access_reads_analyses_but_does_not_start_or_sign_them()
    {
        var (regie, t) = await SceneAsync();
        using var _ = regie;
        var draft = await StartAsync(regie, t);
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        var pseudonym = (await Dossiers.DetailAsync(regie, t)).Pseudonym;
        using (var glass = await wijkteam.PostJsonAsync($"/api/v1/young-people/{pseudonym}/emergency-access",
                   new { reason = "Zij is vannacht vermist gemeld en ik heb de dienst." }))
        {
            await glass.ExpectAsync(HttpStatusCode.Created);
        }

        Assert.Single((await OverviewAsync(wijkteam, t)).Items);
        using var sign = await wijkteam.PostJsonAsync($"{Url(t)}/{draft.Id}/signatures", new { version = draft.Version });
        await sign.ProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class AnalysisTestsSqlite(SqliteFixture f) : AnalysisTests(f), IClassFixture<SqliteFixture>;

public sealed class AnalysisTestsPostgres(PostgresFixture f) : AnalysisTests(f), IClassFixture<PostgresFixture>;
