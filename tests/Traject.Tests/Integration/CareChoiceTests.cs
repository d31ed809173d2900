using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Common.Auditing;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;
using Traject.Web.Modules.Triage;

namespace Traject.Tests.Integration;

/// <summary>
/// The professional's choice after the recommendation (matched care) through the API: following it, choosing against it
/// with a reason, history and stale choices, refusals, and the organisation's triage quality figures.
/// </summary>
public abstract class CareChoiceTests(TrajectFixture f)
{
    private const string Explanation = "Ze wil dichter bij haar zus wonen; het team steunt dat.";

    private static string Url(Guid trajectoryId) => $"/api/v1/trajectories/{trajectoryId}/care-choices";

    /// <summary>A young person coordinated by Regie with a signed analysis (Regie and Gedrag, the behavioural scientist, signed).</summary>
    private async Task<(HttpClient Regie, Guid TrajectoryId, string Pseudonym)> SignedSceneAsync()
    {
        var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var t = person.TrajectoryId;
        await Dossiers.AddMemberAsync(regie, t, new { professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist" });
        AnalysisView draft;
        using (var start = await regie.PostJsonAsync($"/api/v1/trajectories/{t}/analyses", new { }))
        {
            draft = await start.ReadAsync<AnalysisView>(HttpStatusCode.Created);
        }

        using (var save = await regie.PutJsonAsync($"/api/v1/trajectories/{t}/analyses/{draft.Id}",
                   new { needs = "Een veilige plek en traumabehandeling.", upperProblems = new[] { "RunningAway" }, version = draft.Version }))
        {
            draft = await save.ReadAsync<AnalysisView>();
        }

        using (var first = await regie.PostJsonAsync($"/api/v1/trajectories/{t}/analyses/{draft.Id}/signatures", new { version = draft.Version }))
        {
            draft = await first.ReadAsync<AnalysisView>();
        }

        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using (var second = await gedrag.PostJsonAsync($"/api/v1/trajectories/{t}/analyses/{draft.Id}/signatures", new { version = draft.Version }))
        {
            Assert.NotNull((await second.ReadAsync<AnalysisView>()).SignedAt);
        }

        return (regie, t, person.Pseudonym);
    }

    private static async Task<Recommendation> RecommendationAsync(HttpClient client, Guid t)
    {
        using var response = await client.GetAsync($"/api/v1/trajectories/{t}/recommendation");
        return await response.ReadAsync<Recommendation>();
    }

    private static async Task<CareChoicesView> ChoicesAsync(HttpClient client, Guid t)
    {
        using var response = await client.GetAsync(Url(t));
        return await response.ReadAsync<CareChoicesView>();
    }

    private static async Task<TriageQualityView> QualityAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/quality/triage");
        return await response.ReadAsync<TriageQualityView>();
    }

    [SkippableFact]
    public async Task Choosing_the_recommended_programme_needs_no_reason_and_finishes_the_referral_for_triage()
    {
        var (regie, t, pseudonym) = await SignedSceneAsync();
        using var _ = regie;
        await f.WithDbAsync(async db =>
        {
            db.CareTasks.Add(new CareTask
            {
                TrajectoryId = t, Kind = TriageTaskKinds.ReferralForTriage, OwnerId = f.Ids.User(Demo.Regie), DueOn = f.Clock.Today().AddDays(7),
                CreatedAt = f.Clock.GetUtcNow(), CreatedById = f.Ids.User(Demo.Regie),
            });
            return await db.SaveChangesAsync();
        });
        var recommendation = await RecommendationAsync(regie, t);
        var top = recommendation.Programmes[0];
        Assert.NotEqual(MatchVerdict.DoesNotFit, top.Verdict); // a girl of 15 without special needs: something in the catalogue fits

        using (var given = await regie.PostJsonAsync(Url(t), new { programmeId = top.ProgrammeId, analysisId = recommendation.AnalysisId, reason = "Other", explanation = Explanation }))
        {
            Assert.Contains("reason", (await given.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var choose = await regie.PostJsonAsync(Url(t), new { programmeId = top.ProgrammeId, analysisId = recommendation.AnalysisId }))
        {
            var view = await choose.ReadAsync<CareChoicesView>();
            var current = Assert.Single(view.History);
            Assert.Equal(current, view.Current);
            Assert.Equal(ChoiceOutcome.Followed, current.Outcome);
            Assert.False(current.AgainstRecommendation);
            Assert.Equal(1, current.ChosenRank);
            Assert.Equal(top.ProgrammeId, current.RecommendedProgrammeId);
            Assert.Equal(top.Name, current.Programme);
            Assert.Null(current.Reason);
            Assert.Equal(recommendation.AnalysisId, current.AnalysisId);
        }

        var tasks = await f.WithDbAsync(db => db.CareTasks.Where(x => x.TrajectoryId == t && x.Kind == TriageTaskKinds.ReferralForTriage).ToListAsync());
        Assert.NotNull(Assert.Single(tasks).CompletedAt);

        // The choice brings her into care, and the placement form starts from the chosen programme.
        Assert.Equal(TrajectoryStatus.Active, (await Dossiers.DetailAsync(regie, t)).Status);
        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using (var form = await browser.GetAsync($"/trajectories/{t}/placements/new"))
        {
            var document = await Browser.ParseAsync(form);
            Assert.Equal(top.ProgrammeId.ToString(), document.QuerySelector("#Input_ProgrammeId option[selected]")?.GetAttribute("value"));
        }
        Assert.Equal(1, await f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == TriageAuditActions.CareChosen && a.Pseudonym == pseudonym)));
    }

    [SkippableFact]
    public async Task Choosing_against_the_recommendation_needs_a_reason_and_an_explanation_and_keeps_the_history()
    {
        var (regie, t, _) = await SignedSceneAsync();
        using var __ = regie;
        using var aandacht = await f.ClientAsync(Demo.Aandacht);
        var before = await QualityAsync(aandacht);
        var recommendation = await RecommendationAsync(regie, t);
        var second = recommendation.Programmes[1];
        var top = recommendation.Programmes[0];

        using (var bare = await regie.PostJsonAsync(Url(t), new { programmeId = second.ProgrammeId, analysisId = recommendation.AnalysisId }))
        {
            var fields = (await bare.ProblemAsync(HttpStatusCode.BadRequest)).Fields();
            Assert.Contains("reason", fields);
            Assert.Contains("explanation", fields);
        }

        using (var brief = await regie.PostJsonAsync(Url(t), new { programmeId = second.ProgrammeId, analysisId = recommendation.AnalysisId, reason = "YoungPersonWish", explanation = "Te kort." }))
        {
            Assert.Equal(["explanation"], (await brief.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        Assert.Empty((await ChoicesAsync(regie, t)).History); // nothing saved by the refusals

        CareChoiceView first;
        using (var against = await regie.PostJsonAsync(Url(t), new { programmeId = second.ProgrammeId, analysisId = recommendation.AnalysisId, reason = "YoungPersonWish", explanation = Explanation }))
        {
            first = (await against.ReadAsync<CareChoicesView>()).Current!;
        }

        Assert.True(first.AgainstRecommendation);
        Assert.Equal(2, first.ChosenRank);
        Assert.Equal(second.Verdict == MatchVerdict.DoesNotFit ? ChoiceOutcome.NotFitting : ChoiceOutcome.OtherFitting, first.Outcome);
        Assert.Equal(DeviationReason.YoungPersonWish, first.Reason);
        Assert.Equal(Explanation, first.Explanation);
        Assert.Equal(top.ProgrammeId, first.RecommendedProgrammeId);

        // A second choice must name the current one it replaces; without it (someone else chose meanwhile) it is stale.
        using (var stale = await regie.PostJsonAsync(Url(t), new { programmeId = top.ProgrammeId, analysisId = recommendation.AnalysisId }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        using (var again = await regie.PostJsonAsync(Url(t), new { programmeId = top.ProgrammeId, analysisId = recommendation.AnalysisId, replaces = first.Id }))
        {
            var view = await again.ReadAsync<CareChoicesView>();
            Assert.Equal(2, view.History.Count);
            Assert.Equal(ChoiceOutcome.Followed, view.Current!.Outcome);
            Assert.Equal(2, view.Current.Sequence);
            Assert.NotNull(view.History.Single(h => h.Id == first.Id).SupersededAt);
        }

        // The timeline says what was chosen, never the explanation.
        using var timeline = await regie.GetAsync($"/api/v1/trajectories/{t}/timeline");
        var entries = (await timeline.ReadAsync<TimelinePage>()).Items.Where(e => e.Kind == TriageTimelineKinds.CareChosen).ToList();
        Assert.Equal(2, entries.Count);
        Assert.DoesNotContain(entries, e => e.Summary.Contains("zus", StringComparison.Ordinal));

        // Both choices count for the organisation: every matching moment is a figure.
        var after = await QualityAsync(aandacht);
        Assert.Equal(before.Period.Choices + 2, after.Period.Choices);
        Assert.Equal(before.Period.Followed + 1, after.Period.Followed);
        Assert.Equal(before.Period.Reasons["YoungPersonWish"] + 1, after.Period.Reasons["YoungPersonWish"]);
        Assert.Equal(before.Period.MatchedCarePossible + 2, after.Period.MatchedCarePossible);
        var month = MonthPeriod.Key(f.Clock.Today());
        Assert.Equal(before.Months.Single(m => m.Month == month).Choices + 2, after.Months.Single(m => m.Month == month).Choices);
        Assert.DoesNotContain(Explanation, JsonSerializer.Serialize(after, Api.Json), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Bad_choices_are_refused_with_the_reason_and_nothing_is_saved()
    {
        var regie = await f.ClientAsync(Demo.Regie);
        var unsigned = await Dossiers.RegisterAsync(regie, f.Clock);
        var anyProgramme = await f.WithDbAsync(db => db.CareProgrammes.Select(p => p.Id).FirstAsync());
        using (var early = await regie.PostJsonAsync(Url(unsigned.TrajectoryId), new { programmeId = anyProgramme, analysisId = Guid.NewGuid() }))
        {
            await early.ProblemAsync(HttpStatusCode.Conflict); // no signed analysis yet
        }

        var (_, t, _) = await SignedSceneAsync();
        var recommendation = await RecommendationAsync(regie, t);
        using (var missing = await regie.PostJsonAsync(Url(t), new { }))
        {
            var fields = (await missing.ProblemAsync(HttpStatusCode.BadRequest)).Fields();
            Assert.Contains("programmeId", fields);
            Assert.Contains("analysisId", fields);
        }

        using (var unknown = await regie.PostJsonAsync(Url(t), new { programmeId = Guid.NewGuid(), analysisId = recommendation.AnalysisId }))
        {
            Assert.Equal(["programmeId"], (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var badReason = await regie.PostJsonAsync(Url(t), new
        {
            programmeId = recommendation.Programmes[1].ProgrammeId, analysisId = recommendation.AnalysisId, reason = "Whim", explanation = Explanation,
        }))
        {
            await badReason.ProblemAsync(HttpStatusCode.BadRequest);
        }

        using (var older = await regie.PostJsonAsync(Url(t), new { programmeId = recommendation.Programmes[0].ProgrammeId, analysisId = Guid.NewGuid() }))
        {
            await older.ProblemAsync(HttpStatusCode.Conflict); // not the analysis the ranking now comes from
        }

        // A programme that no longer takes placements is not in the ranking and cannot be chosen.
        var last = recommendation.Programmes[^1].ProgrammeId;
        await f.WithDbAsync(db => db.CareProgrammes.Where(p => p.Id == last).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false)));
        try
        {
            using var inactive = await regie.PostJsonAsync(Url(t), new { programmeId = last, analysisId = recommendation.AnalysisId, reason = "Other", explanation = Explanation });
            Assert.Equal(["programmeId"], (await inactive.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }
        finally
        {
            await f.WithDbAsync(db => db.CareProgrammes.Where(p => p.Id == last).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, true)));
        }

        Assert.Empty((await ChoicesAsync(regie, t)).History);
        await Dossiers.ChangeStatusAsync(regie, t, "Closed", "Doelen bereikt.");
        using (var closed = await regie.PostJsonAsync(Url(t), new { programmeId = recommendation.Programmes[0].ProgrammeId, analysisId = recommendation.AnalysisId }))
        {
            await closed.ProblemAsync(HttpStatusCode.Conflict);
        }

        var view = await ChoicesAsync(regie, t);
        Assert.Empty(view.History);
        Assert.False(view.CanChoose);
    }

    [SkippableFact]
    public async Task Emergency_access_reads_the_choices_but_does_not_choose_and_outsiders_see_nothing()
    {
        var (regie, t, pseudonym) = await SignedSceneAsync();
        using var _ = regie;
        var recommendation = await RecommendationAsync(regie, t);
        var body = new { programmeId = recommendation.Programmes[0].ProgrammeId, analysisId = recommendation.AnalysisId };

        using var politie = await f.ClientAsync(Demo.Politie);
        using (var read = await politie.GetAsync(Url(t)))
        {
            await read.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var write = await politie.PostJsonAsync(Url(t), body))
        {
            await write.ProblemAsync(HttpStatusCode.NotFound);
        }

        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        using (var outside = await wijkteam.PostJsonAsync(Url(t), body))
        {
            await outside.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var glass = await wijkteam.PostJsonAsync($"/api/v1/young-people/{pseudonym}/emergency-access",
                   new { reason = "Zij is vannacht vermist gemeld en ik heb de dienst." }))
        {
            await glass.ExpectAsync(HttpStatusCode.Created);
        }

        Assert.False((await ChoicesAsync(wijkteam, t)).CanChoose);
        using (var refused = await wijkteam.PostJsonAsync(Url(t), body))
        {
            await refused.ProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Empty((await ChoicesAsync(regie, t)).History);
        Assert.Equal(1, await f.WithDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == TriageAuditActions.CareChosen && a.Pseudonym == pseudonym && a.Outcome == AuditOutcomes.Denied && a.Basis == AccessBasis.Emergency)));
    }

    [SkippableFact]
    public async Task Triage_figures_are_for_designated_experts_and_quality_officers_with_a_valid_period()
    {
        using var kwaliteit = await f.ClientAsync(Demo.Kwaliteit);
        var view = await QualityAsync(kwaliteit);
        Assert.Equal(12, view.Months.Count);
        Assert.Equal(view.Analyses.OpenTrajectories, view.Analyses.Planned + view.Analyses.DueSoon + view.Analyses.Overdue);
        Assert.Equal(view.Analyses.Overdue, view.Overdue.Count);

        using (var bad = await kwaliteit.GetAsync("/api/v1/quality/triage?from=2026-13&to=nope"))
        {
            var fields = (await bad.ProblemAsync(HttpStatusCode.BadRequest)).Fields();
            Assert.Contains("from", fields);
            Assert.Contains("to", fields);
        }

        using (var reversed = await kwaliteit.GetAsync("/api/v1/quality/triage?from=2026-06&to=2026-01"))
        {
            Assert.Equal(["to"], (await reversed.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using var mentor = await f.ClientAsync(Demo.Mentor);
        using (var refused = await mentor.GetAsync("/api/v1/quality/triage"))
        {
            await refused.ProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.True(await f.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == TriageAuditActions.TriageQualityRead && a.Outcome == AuditOutcomes.Denied
            && a.ActorId == f.Ids.User(Demo.Mentor))));
    }
}

public sealed class CareChoiceTestsSqlite(SqliteFixture f) : CareChoiceTests(f), IClassFixture<SqliteFixture>;

public sealed class CareChoiceTestsPostgres(PostgresFixture f) : CareChoiceTests(f), IClassFixture<PostgresFixture>;
