using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.ReportingCode;
using Traject.Web.Modules.Tasks;

namespace Traject.Tests.Integration;

/// <summary>The reporting code's weighing framework: answer by answer, validated against the path, audited, by API and page.</summary>
public abstract class ReportingCodeTests(TrajectFixture f)
{
    private static string Url(Guid trajectoryId) => $"/api/v1/trajectories/{trajectoryId}/reporting-code";

    private static object Answers(params bool?[] answers) =>
        new { answers = answers.Select((a, i) => new { answer = a, explanation = a is null ? null : $"Toelichting bij vraag {i + 1}." }).ToArray() };

    [SkippableFact]
    public async Task A_weighing_is_recorded_answer_by_answer_and_finishes_the_open_task()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var taskId = await f.WithDbAsync(async db =>
        {
            var task = new CareTask
            {
                TrajectoryId = person.TrajectoryId, Kind = ReportingCodeTaskKinds.ReportingCodeDecision, OwnerId = f.Ids.User(Demo.Regie),
                DueOn = f.Clock.Today().AddDays(14), CreatedAt = f.Clock.GetUtcNow(), CreatedById = f.Ids.User(Demo.Regie),
            };
            db.CareTasks.Add(task);
            await db.SaveChangesAsync();
            return task.Id;
        });

        using (var help = await regie.PostJsonAsync(Url(person.TrajectoryId), Answers(true, false, true, true, true)))
        {
            var view = await help.ReadAsync<ReportingCodeView>(HttpStatusCode.Created);
            Assert.Equal(ReportingCodeOutcome.ProvideHelp, view.Outcome);
            Assert.Equal(5, view.Answers.Count);
            Assert.Equal("Toelichting bij vraag 3.", view.Answers[2].Explanation);
        }

        f.Clock.Advance(TimeSpan.FromDays(7));
        using var later = await f.ClientAsync(Demo.Regie);
        using (var report = await later.PostJsonAsync(Url(person.TrajectoryId), Answers(true, true)))
        {
            Assert.Equal(ReportingCodeOutcome.Report, (await report.ReadAsync<ReportingCodeView>(HttpStatusCode.Created)).Outcome);
        }

        using var list = await later.GetAsync(Url(person.TrajectoryId));
        var weighings = await list.ReadAsync<List<ReportingCodeView>>();
        Assert.Equal([ReportingCodeOutcome.Report, ReportingCodeOutcome.ProvideHelp], weighings.Select(w => w.Outcome));
        Assert.Equal(2, weighings[0].Answers.Count);

        var task = await f.WithDbAsync(db => db.CareTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));
        Assert.NotNull(task.CompletedAt);
        var audit = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == ReportingCodeAuditActions.ReportingCodeRecorded && a.Pseudonym == person.Pseudonym).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.DoesNotContain("Toelichting", a.EntityType + a.BasisReason, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_weighing_off_the_path_is_refused_with_the_question_named_and_nothing_is_saved()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);

        async Task<IReadOnlyCollection<string>> RefusedAsync(object body)
        {
            using var response = await regie.PostJsonAsync(Url(person.TrajectoryId), body);
            return (await response.ProblemAsync(HttpStatusCode.BadRequest)).Fields();
        }

        Assert.Contains("answers[1].answer", await RefusedAsync(Answers(true)));
        Assert.Contains("answers[1].answer", await RefusedAsync(Answers(false, true)));
        Assert.Contains("answers[3].answer", await RefusedAsync(Answers(true, false, true, null, true)));
        Assert.Contains("answers[0].explanation", await RefusedAsync(new { answers = new[] { new { answer = (bool?)false, explanation = "  " } } }));
        Assert.Contains("answers[1].answer", await RefusedAsync(new { answers = new object[]
        {
            new { answer = (bool?)false, explanation = "Geen vermoeden." }, new { answer = (bool?)null, explanation = "Een toelichting zonder antwoord." },
        } }));
        Assert.Contains("answers", await RefusedAsync(new { answers = Array.Empty<object>() }));
        Assert.Contains("answers", await RefusedAsync(Answers(true, false, true, true, true, true)));

        Assert.Equal(0, await f.WithDbAsync(db => db.ReportingCodeWeighings.CountAsync(w => w.TrajectoryId == person.TrajectoryId)));
    }

    [SkippableFact]
    public async Task Outsiders_see_nothing_and_emergency_access_reads_but_does_not_decide()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using (var hidden = await gedrag.GetAsync(Url(person.TrajectoryId)))
        {
            await hidden.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var hiddenPost = await gedrag.PostJsonAsync(Url(person.TrajectoryId), Answers(false)))
        {
            await hiddenPost.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var grant = await gedrag.PostJsonAsync($"/api/v1/young-people/{person.Pseudonym}/emergency-access",
            new { reason = "Zij is vannacht vermist gemeld en ik heb dienst." }))
        {
            Assert.True(grant.IsSuccessStatusCode, await grant.Content.ReadAsStringAsync());
        }

        using (var read = await gedrag.GetAsync(Url(person.TrajectoryId)))
        {
            await read.ExpectAsync(HttpStatusCode.OK);
        }

        using (var refused = await gedrag.PostJsonAsync(Url(person.TrajectoryId), Answers(false)))
        {
            await refused.ProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(0, await f.WithDbAsync(db => db.ReportingCodeWeighings.CountAsync(w => w.TrajectoryId == person.TrajectoryId)));
    }

    [SkippableFact]
    public async Task The_page_records_a_weighing_and_shows_errors_beside_the_question()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var page = $"/trajectories/{person.TrajectoryId}/reporting-code";
        using (var wrong = await Browser.SubmitAsync(browser, page, new Dictionary<string, string>
        {
            ["Answers[0].Explanation"] = "Signalen van school en politie.",
        }, new Dictionary<string, string> { ["Answers[0].Answer"] = "yes" }))
        {
            await wrong.ExpectAsync(HttpStatusCode.OK);
            var document = await Browser.ParseAsync(wrong);
            Assert.Contains("Beantwoord deze vraag", document.QuerySelectorAll("fieldset")[1].TextContent, StringComparison.Ordinal);
            Assert.Equal("Signalen van school en politie.", document.QuerySelector("#explanation-0")!.TextContent);
        }

        using (var right = await Browser.SubmitAsync(browser, page, new Dictionary<string, string>
        {
            ["Answers[0].Explanation"] = "Signalen van school en politie.",
            ["Answers[1].Explanation"] = "Zij wordt 's nachts opgehaald door onbekenden.",
        }, new Dictionary<string, string> { ["Answers[0].Answer"] = "yes", ["Answers[1].Answer"] = "yes" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        }

        using var shown = await browser.GetAsync(page);
        var weighing = (await Browser.ParseAsync(shown)).QuerySelector("article.weighing")!;
        Assert.Contains("Melden bij Veilig Thuis", weighing.TextContent, StringComparison.Ordinal);
        Assert.Contains("opgehaald door onbekenden", weighing.TextContent, StringComparison.Ordinal);
    }
}

public sealed class ReportingCodeSqlite(SqliteFixture f) : ReportingCodeTests(f), IClassFixture<SqliteFixture>;

public sealed class ReportingCodePostgres(PostgresFixture f) : ReportingCodeTests(f), IClassFixture<PostgresFixture>;
