using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Triage;
using ScreeningRecord = Traject.Web.Modules.Screening.Screening;

namespace Traject.Tests.Integration;

/// <summary>
/// Matched care's corrections through the API and the page: the upper age of a programme is not included, a programme
/// that does not serve her gender does not fit, a suspected or acute classification waits for a current safety
/// assessment, and at safety level acute an open setting does not fit.
/// </summary>
public abstract class MatchedCareRulesTests(TrajectFixture f)
{
    private static string Url(Guid trajectoryId) => $"/api/v1/trajectories/{trajectoryId}/recommendation";

    /// <summary>A young person coordinated by Regie, with a signed analysis; <paramref name="change"/> adjusts her registration.</summary>
    private async Task<(HttpClient Regie, Guid TrajectoryId)> SignedAsync(Action<Dictionary<string, object?>>? change = null)
    {
        var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock, change);
        await Analyses.SignedAsync(f, regie, person.TrajectoryId);
        return (regie, person.TrajectoryId);
    }

    private static async Task<Recommendation> RecommendationAsync(HttpClient client, Guid trajectoryId)
    {
        using var response = await client.GetAsync(Url(trajectoryId));
        return await response.ReadAsync<Recommendation>();
    }

    private static async Task<ProgrammeRecommendation> ProgrammeAsync(TrajectFixture f, Recommendation recommendation, string code)
    {
        var id = await PlacementSteps.ProgrammeAsync(f, code);
        return recommendation.Programmes.Single(p => p.ProgrammeId == id);
    }

    private static MatchReasonView Reason(ProgrammeRecommendation p, MatchRule rule) => p.Reasons.Single(r => r.Rule == rule);

    private Task<int> FinalScreeningAsync(Guid trajectoryId, Classification classification) => f.WithDbAsync(db =>
    {
        var now = f.Clock.GetUtcNow();
        db.Screenings.Add(new ScreeningRecord
        {
            TrajectoryId = trajectoryId, InstrumentVersion = "2026.1", RecordedAt = now.AddHours(-2), RecordedById = f.Ids.User(Demo.Regie),
            ObservedOn = f.Clock.Today(), Suggestion = classification, Status = ScreeningStatus.Final, FinalClassification = classification,
            FinalisedAt = now.AddHours(-1),
        });
        return db.SaveChangesAsync();
    });

    private async Task<SafetyAssessmentView> AssessAsync(HttpClient regie, Guid trajectoryId, string concern)
    {
        using var response = await regie.PostJsonAsync($"/api/v1/trajectories/{trajectoryId}/safety/assessments",
            new { items = SafetyScene.AllItems(concern), treatmentCoordinatorId = f.Ids.User(Demo.Regie) });
        return await response.ReadAsync<SafetyAssessmentView>(HttpStatusCode.Created);
    }

    private async Task<HttpClient> BrowserAsync(string email)
    {
        var client = f.CreateClient();
        using var login = await Browser.LoginAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    [SkippableFact]
    public async Task An_18_year_old_does_not_fit_a_programme_that_ends_at_18_and_the_reason_says_so()
    {
        var (regie, t) = await SignedAsync(p => p["dateOfBirth"] = f.Clock.Today().AddYears(-18).AddDays(-10));
        using var _ = regie;
        var recommendation = await RecommendationAsync(regie, t);
        Assert.Equal(18, recommendation.Age);

        var intermetzo = await ProgrammeAsync(f, recommendation, PlacementSteps.Intermetzo); // 10 to 18
        var age = Reason(intermetzo, MatchRule.Age);
        Assert.Equal(MatchVerdict.DoesNotFit, age.Verdict);
        Assert.Equal(MatchVerdict.DoesNotFit, intermetzo.Verdict);
        Assert.Equal("Zij is 18; het programma loopt tot 18 jaar, en die leeftijd telt zelf niet meer mee.", age.Message);
        Assert.Equal(MatchVerdict.Fits, Reason(await ProgrammeAsync(f, recommendation, PlacementSteps.VeiligLima), MatchRule.Age).Verdict); // 14 to 24

        using var english = new HttpRequestMessage(HttpMethod.Get, Url(t));
        english.Headers.AcceptLanguage.ParseAdd("en");
        using var response = await regie.SendAsync(english);
        var inEnglish = await ProgrammeAsync(f, await response.ReadAsync<Recommendation>(), PlacementSteps.Intermetzo);
        Assert.Equal("She is 18; the programme ends at age 18, which is not included.", Reason(inEnglish, MatchRule.Age).Message);
    }

    [SkippableFact]
    public async Task A_boy_does_not_fit_a_programme_for_girls_and_one_for_all_comes_first()
    {
        var (regie, t) = await SignedAsync(p => p["gender"] = "Boy");
        using var _ = regie;
        var recommendation = await RecommendationAsync(regie, t);
        Assert.Equal(Traject.Web.Modules.YoungPeople.Gender.Boy, recommendation.Gender);
        Assert.All(recommendation.Programmes, p => Assert.Equal(8, p.Reasons.Count));

        var lima = await ProgrammeAsync(f, recommendation, PlacementSteps.VeiligLima);
        var gender = Reason(lima, MatchRule.Gender);
        Assert.Equal(MatchVerdict.DoesNotFit, gender.Verdict);
        Assert.Equal("Het programma is voor meisjes, en het vastgelegde gender is Jongen: alleen als onderbouwde uitzondering.", gender.Message);
        var outpatient = await ProgrammeAsync(f, recommendation, PlacementSteps.Outpatient);
        Assert.Equal(MatchVerdict.Fits, Reason(outpatient, MatchRule.Gender).Verdict);
        Assert.True(outpatient.Rank < lima.Rank);
        Assert.NotEqual(MatchVerdict.DoesNotFit, recommendation.Programmes[0].Verdict);

        // The page shows her gender and the reason, in Dutch and in English.
        using var browser = await BrowserAsync(Demo.Regie);
        var dutch = WebUtility.HtmlDecode(await (await browser.GetAsync($"/trajectories/{t}/recommendation")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("Doelgroep (gender)", dutch, StringComparison.Ordinal);
        Assert.Contains("alleen als onderbouwde uitzondering", dutch, StringComparison.Ordinal);
        var english = WebUtility.HtmlDecode(await (await browser.GetAsync($"/trajectories/{t}/recommendation?culture=en-GB")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("Target gender", english, StringComparison.Ordinal);
        Assert.Contains("The programme serves girls, and the recorded gender is Boy: only as an argued exception.", english, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_suspected_victim_gets_no_recommendation_until_her_safety_has_a_current_assessment()
    {
        var (regie, t) = await SignedAsync();
        using var _ = regie;
        await RecommendationAsync(regie, t); // a potential victim or none: no safety asked first
        await FinalScreeningAsync(t, Classification.Suspected);

        using (var waits = await regie.GetAsync(Url(t)))
        {
            var problem = await waits.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("De screening concludeerde: Vermoedelijk slachtoffer. Matched care wacht op een veiligheidstaxatie: taxeer eerst haar veiligheid.",
                (string?)problem["detail"]);
        }

        // Choosing waits too; nothing is recorded.
        var analysisId = await f.WithDbAsync(db => db.ProblemAnalyses.Where(a => a.TrajectoryId == t).Select(a => a.Id).SingleAsync());
        var lima = await PlacementSteps.ProgrammeAsync(f, PlacementSteps.VeiligLima);
        using (var choice = await regie.PostJsonAsync($"/api/v1/trajectories/{t}/care-choices", new { programmeId = lima, analysisId }))
        {
            await choice.ProblemAsync(HttpStatusCode.Conflict);
        }

        Assert.Equal(0, await f.WithDbAsync(db => db.CareChoices.CountAsync(c => c.TrajectoryId == t)));

        // The page says why, with the way to the safety assessment, in Dutch and English.
        using (var browser = await BrowserAsync(Demo.Regie))
        {
            var page = WebUtility.HtmlDecode(await (await browser.GetAsync($"/trajectories/{t}/recommendation")).ExpectAsync(HttpStatusCode.OK));
            Assert.Contains("Matched care wacht op een veiligheidstaxatie", page, StringComparison.Ordinal);
            Assert.Contains($"/trajectories/{t}/safety", page, StringComparison.Ordinal);
            Assert.DoesNotContain("class=\"ranking\"", page, StringComparison.Ordinal);
            var english = WebUtility.HtmlDecode(await (await browser.GetAsync($"/trajectories/{t}/recommendation?culture=en-GB")).ExpectAsync(HttpStatusCode.OK));
            Assert.Contains("The screening concluded: Suspected victim. Matched care waits for a safety assessment: assess her safety first.", english,
                StringComparison.Ordinal);
        }

        // An assessment overdue for re-assessment is not current.
        await f.WithDbAsync(db =>
        {
            db.SafetyAssessments.Add(new SafetyAssessment
            {
                TrajectoryId = t, AssessedAt = f.Clock.GetUtcNow().AddMonths(-4), AssessedById = f.Ids.User(Demo.Regie),
                TreatmentCoordinatorId = f.Ids.User(Demo.Regie), SuggestedLevel = SafetyLevel.Low, Level = SafetyLevel.Low,
            });
            return db.SaveChangesAsync();
        });
        using (var overdue = await regie.GetAsync(Url(t)))
        {
            var detail = (string?)(await overdue.ProblemAsync(HttpStatusCode.Conflict))["detail"];
            Assert.StartsWith("De screening concludeerde: Vermoedelijk slachtoffer. Matched care wacht op een actuele veiligheidstaxatie", detail, StringComparison.Ordinal);
        }

        // A current assessment: the recommendation is given, and a choice can be made.
        await AssessAsync(regie, t, "None");
        var recommendation = await RecommendationAsync(regie, t);
        Assert.Equal(SafetyLevel.Low, recommendation.SafetyLevel);
        Assert.NotEmpty(recommendation.Programmes);
        using (var choice = await regie.PostJsonAsync($"/api/v1/trajectories/{t}/care-choices",
                   new { programmeId = recommendation.Programmes[0].ProgrammeId, analysisId = recommendation.AnalysisId }))
        {
            await choice.ExpectAsync(HttpStatusCode.OK);
        }
    }

    [SkippableFact]
    public async Task At_safety_level_acute_an_open_setting_does_not_fit()
    {
        var (regie, t) = await SignedAsync();
        using var _ = regie;
        await FinalScreeningAsync(t, Classification.Acute);
        Assert.Equal(SafetyLevel.Acute, (await AssessAsync(regie, t, "Immediate")).Level);

        var recommendation = await RecommendationAsync(regie, t);
        Assert.Equal(SafetyLevel.Acute, recommendation.SafetyLevel);
        var lima = await ProgrammeAsync(f, recommendation, PlacementSteps.VeiligLima); // open only
        Assert.Equal(MatchVerdict.DoesNotFit, Reason(lima, MatchRule.Setting).Verdict);
        Assert.Equal(MatchVerdict.DoesNotFit, lima.Verdict);
        var hoenderloo = await ProgrammeAsync(f, recommendation, PlacementSteps.Hoenderloo); // open, semi-closed or closed
        var setting = Reason(hoenderloo, MatchRule.Setting);
        Assert.Equal(MatchVerdict.Condition, setting.Verdict);
        Assert.Equal("Veiligheidsniveau acuut: een open setting past niet; alleen de crisisopvang of gesloten setting van het programma.", setting.Message);
        Assert.Equal(MatchVerdict.Fits, Reason(await ProgrammeAsync(f, recommendation, PlacementSteps.Intermetzo), MatchRule.Setting).Verdict); // closed
    }
}

public sealed class MatchedCareRulesSqlite(SqliteFixture f) : MatchedCareRulesTests(f), IClassFixture<SqliteFixture>;

public sealed class MatchedCareRulesPostgres(PostgresFixture f) : MatchedCareRulesTests(f), IClassFixture<PostgresFixture>;
