using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Triage;
using Xunit.Abstractions;

namespace Traject.Tests.Integration;

/// <summary>
/// The dossier opens on a summary, with its sections on pages of their own (ADR 0030): what the summary shows and links
/// to, each section through the one door (404 outside her scope, one audit entry per view), forms that return to their
/// section, and how many statements a view runs.
/// </summary>
public abstract class DossierSectionTests(TrajectFixture f, ITestOutputHelper output)
{
    /// <summary>Every section page that is new with the summary, relative to the dossier.</summary>
    private static readonly string[] Sections = ["tasks", "timeline", "team", "overview", "screenings", "placements", "pooled-signals"];

    private async Task<HttpClient> BrowserAsync(string email)
    {
        var browser = f.CreateClient();
        using var login = await Browser.LoginAsync(browser, email);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    [SkippableFact]
    public async Task The_summary_shows_who_she_is_what_needs_attention_and_links_to_every_section()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        using var browser = await BrowserAsync(Demo.Regie);

        using var response = await browser.GetAsync($"/trajectories/{person.TrajectoryId}");
        await response.ExpectAsync(HttpStatusCode.OK);
        var page = await Browser.ParseAsync(response);
        var dossier = $"/trajectories/{person.TrajectoryId}";

        Assert.Contains("Testa", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(person.Pseudonym, page.QuerySelector(".header-facts .pseudonym")!.TextContent.Trim());
        var facts = page.QuerySelector(".header-facts")!.TextContent;
        Assert.Contains("Rik Regie", facts, StringComparison.Ordinal); // the coordinator
        Assert.Contains("Veiligheidsniveau", facts, StringComparison.Ordinal);

        var nav = page.QuerySelector("nav.dossier-nav")!;
        Assert.False(string.IsNullOrWhiteSpace(nav.GetAttribute("aria-label")));
        var links = nav.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(dossier, links);
        foreach (var section in Sections.Concat(["safety", "analyses", "future-plan", "network", "registration", "handovers", "aftercare"]))
        {
            Assert.Contains($"{dossier}/{section}", links);
        }

        Assert.Equal(dossier, Assert.Single(nav.QuerySelectorAll("a[aria-current=page]")).GetAttribute("href"));

        // The registration started an open task (the intake screening) and wrote the first events.
        var tasks = page.QuerySelector("#next-tasks")!;
        Assert.NotEmpty(tasks.QuerySelectorAll("li"));
        Assert.Contains(tasks.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"{dossier}/tasks");
        var events = page.QuerySelector("#latest-events")!;
        Assert.InRange(events.QuerySelectorAll("ol.timeline li").Length, 1, 5);
        Assert.Contains(events.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"{dossier}/timeline");

        // Printed on A4 without the menus (site.css), with a stamp that says who printed it and when; a print button.
        var stamp = page.QuerySelector("main > p.print-only.print-stamp")!.TextContent;
        Assert.Contains("Rik Regie", stamp, StringComparison.Ordinal);
        Assert.Contains(f.Clock.GetUtcNow().ToLocal().ToString("dd-MM-yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), stamp, StringComparison.Ordinal);
        Assert.Contains("Vertrouwelijk", stamp, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main button[type=button][data-print][hidden]"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/print.js']"));

        // Forms open where they are needed: the summary has none, and no pick-list of every professional.
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
        Assert.Null(page.QuerySelector("#Member_Who"));
    }

    [SkippableFact]
    public async Task A_missing_episode_and_a_parent_warning_are_on_the_summary()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        using (var flag = await regie.PutJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/safety/context",
                   new { parentMayBeInvolved = true, note = "Moeder lijkt geld te ontvangen", version = 0 }))
        {
            await flag.ExpectAsync(HttpStatusCode.OK);
        }

        var scene = await SafetyScene.CreateAsync(f, regie, person.TrajectoryId);
        using var browser = await BrowserAsync(Demo.Regie);

        using var response = await browser.GetAsync($"/trajectories/{person.TrajectoryId}");
        var page = await Browser.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(page.QuerySelectorAll("[role=alert] a"), a => a.GetAttribute("href") == $"/trajectories/{person.TrajectoryId}/missing/{scene.EpisodeId}");
        Assert.DoesNotContain("nog niet getaxeerd", page.QuerySelector(".header-facts")!.TextContent, StringComparison.Ordinal); // assessed
        Assert.NotNull(page.QuerySelector(".parent-involvement"));
    }

    [SkippableFact]
    public async Task The_summary_names_whom_her_analyses_say_may_be_involved_as_the_analyses_do()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        var analyses = $"/api/v1/trajectories/{person.TrajectoryId}/analyses";
        await Traject.Tests.Infrastructure.Analyses.SignedAsync(f, regie, person.TrajectoryId);
        AnalysisView draft;
        using (var start = await regie.PostJsonAsync(analyses, new { }))
        {
            draft = await start.ReadAsync<AnalysisView>(HttpStatusCode.Created);
        }

        using (var save = await regie.PutJsonAsync($"{analyses}/{draft.Id}", new
               {
                   needs = "Een veilige plek en traumabehandeling.", upperProblems = new[] { "RunningAway" },
                   network = new object[] { new { relation = "Father", name = "Vader Proef", mayBeInvolved = true } }, version = draft.Version,
               }))
        {
            await save.ExpectAsync(HttpStatusCode.OK);
        }

        await using (var scope = f.Factory.Services.CreateAsyncScope())
        {
            var triage = scope.ServiceProvider.GetRequiredService<ProblemAnalyses>();
            var expected = await triage.InvolvedAsync(person.TrajectoryId, default);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await triage.InvolvedInOneQueryAsync(person.TrajectoryId, default));
        }

        using var browser = await BrowserAsync(Demo.Regie);
        using var response = await browser.GetAsync($"/trajectories/{person.TrajectoryId}");
        var page = await Browser.ParseAsync(response);
        Assert.Contains("Vader Proef", page.QuerySelector(".parent-involvement")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Each_section_is_hidden_outside_her_scope_and_writes_one_entry_per_view()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        using var coordinator = await BrowserAsync(Demo.Regie);
        using var outsider = await BrowserAsync(Demo.Wijkteam);

        foreach (var section in Sections.Prepend(""))
        {
            var url = section.Length == 0 ? $"/trajectories/{person.TrajectoryId}" : $"/trajectories/{person.TrajectoryId}/{section}";
            using (var hidden = await outsider.GetAsync(url))
            {
                Assert.True(hidden.StatusCode == HttpStatusCode.NotFound, $"{url}: {hidden.StatusCode}");
            }

            var before = await f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Pseudonym == person.Pseudonym));
            using (var shown = await coordinator.GetAsync(url))
            {
                await shown.ExpectAsync(HttpStatusCode.OK);
                var page = await Browser.ParseAsync(shown);
                Assert.Equal(url, page.QuerySelector("nav.dossier-nav a[aria-current=page]")?.GetAttribute("href"));
            }

            var written = await f.WithDbAsync(db => db.AuditEntries.Where(a => a.Pseudonym == person.Pseudonym).OrderBy(a => a.Sequence)
                .Skip(before).ToListAsync());
            var view = Assert.Single(written);
            Assert.Equal(("dossier.view", "coordinator", "allowed"), (view.Action, view.Basis, view.Outcome));
        }

        // Pooled signals are for those who steer: a team member is refused with the reason, and it is not in her navigation.
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId,
            new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor", from = f.Clock.Today().ToString("yyyy-MM-dd", null) });
        using var mentor = await BrowserAsync(Demo.Mentor);
        using (var refused = await mentor.GetAsync($"/trajectories/{person.TrajectoryId}/pooled-signals"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var summary = await mentor.GetAsync($"/trajectories/{person.TrajectoryId}"))
        {
            var page = await Browser.ParseAsync(summary);
            Assert.DoesNotContain(page.QuerySelectorAll("nav.dossier-nav a"), a => a.GetAttribute("href")!.EndsWith("/pooled-signals", StringComparison.Ordinal));
        }
    }

    [SkippableFact]
    public async Task A_form_on_a_section_page_returns_to_that_section()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        using var browser = await BrowserAsync(Demo.Regie);
        var dossier = $"/trajectories/{person.TrajectoryId}";

        using (var planned = await Browser.SubmitAsync(browser, $"{dossier}/tasks", new Dictionary<string, string>
            { ["dueOn"] = f.Clock.Today().AddDays(3).ToString("yyyy-MM-dd", null) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
            Assert.Equal($"{dossier}/tasks", planned.Headers.Location!.OriginalString);
        }

        using (var added = await Browser.SubmitAsync(browser, $"{dossier}/team", new Dictionary<string, string>
            { ["Member.Who"] = $"p:{f.Ids.User(Demo.Gedrag)}", ["Member.Role"] = "BehaviouralScientist", ["Member.From"] = f.Clock.Today().ToString("yyyy-MM-dd", null) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
            Assert.Equal($"{dossier}/team", added.Headers.Location!.OriginalString);
        }

        // A refused change (a status change without its reason) stays on its section with the message.
        using (var refused = await Browser.SubmitAsync(browser, $"{dossier}/team", new Dictionary<string, string> { ["StatusChange.Status"] = "Active" },
            new Dictionary<string, string> { ["StatusChange.Reason"] = "" }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await Browser.ParseAsync(refused);
            Assert.Equal($"{dossier}/team", page.QuerySelector("nav.dossier-nav a[aria-current=page]")?.GetAttribute("href"));
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#StatusChange_Reason ~ .error")?.TextContent));
        }
    }

    [SkippableFact]
    public async Task The_summary_runs_a_handful_of_statements_more_than_the_api_read()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        using var browser = await BrowserAsync(Demo.Regie);
        var api = await StatementsAsync(() => regie.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}"));
        var summary = await StatementsAsync(() => browser.GetAsync($"/trajectories/{person.TrajectoryId}"));
        output.WriteLine($"{f.Database.Provider}: API read {api} statements, summary {summary}");
        foreach (var section in Sections)
        {
            output.WriteLine($"{section}: {await StatementsAsync(() => browser.GetAsync($"/trajectories/{person.TrajectoryId}/{section}"))}");
        }

        Assert.InRange(summary, 1, api + 8);
    }

    /// <summary>How many statements EF sent to this test's database while the request ran (the auth version check left out).</summary>
    private async Task<int> StatementsAsync(Func<Task<HttpResponseMessage>> request)
    {
        await using var probe = f.Database.CreateContext();
        var connection = probe.Database.GetDbConnection();
        var statements = new ConcurrentQueue<string>();
        using var observer = new ListenerObserver(connection.DataSource, connection.Database, statements);
        using var subscription = DiagnosticListener.AllListeners.Subscribe(observer);
        using (var response = await request())
        {
            await response.ExpectAsync(HttpStatusCode.OK);
        }

        return statements.Count(s => !s.Contains("AuthVersions", StringComparison.Ordinal));
    }

    private sealed class ListenerObserver(string dataSource, string database, ConcurrentQueue<string> statements)
        : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
                _subscriptions.Clear();
            }
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData e
                && e.Command.Connection?.DataSource == dataSource && e.Command.Connection.Database == database)
            {
                statements.Enqueue(e.Command.CommandText);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}

public sealed class DossierSectionSqlite(SqliteFixture f, ITestOutputHelper output) : DossierSectionTests(f, output), IClassFixture<SqliteFixture>;

public sealed class DossierSectionPostgres(PostgresFixture f, ITestOutputHelper output) : DossierSectionTests(f, output), IClassFixture<PostgresFixture>;
