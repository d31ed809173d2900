using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Traject.Web.Common;
using Traject.Web.Modules.Screening;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static Traject.BrowserTests.Journeys;

namespace Traject.BrowserTests;

/// <summary>
/// The coordinator registers a young person, puts the behavioural scientist in her care team and records a screening;
/// both weigh it, each signed in as herself; the classification becomes final and the step-plan tasks appear in the
/// dossier. Signals are picked from the current instrument by their tags; the expected suggestion is the engine's.
/// </summary>
public sealed class ScreeningJourneyTests(TrajectAppFixture app, ITestOutputHelper output) : IClassFixture<TrajectAppFixture>
{
    private const string Password = "Demo!Traject2026";
    private const string Reason = "Besproken in het MDO: zij wordt opgehaald en er is sprake van seks tegen betaling.";
    private const string Conclusion = "Vermoedelijk slachtoffer";

    private static readonly Dictionary<Classification, string> Dutch = new()
    {
        [Classification.None] = "Geen vermoeden",
        [Classification.Potential] = "Potentieel slachtoffer",
        [Classification.Suspected] = Conclusion,
        [Classification.Acute] = "Acuut gevaar",
    };

    [SkippableFact]
    public async Task Coordinator_and_behavioural_scientist_weigh_a_screening_and_the_step_plan_starts()
    {
        await using var browser = await JourneyBrowser.StartAsync(app, output);
        var page = await browser.NewPersonAsync();
        await browser.RunAsync(() => Journey(browser, page));
        browser.AssertAccessible();
    }

    private async Task Journey(JourneyBrowser browser, IPage page)
    {
        var today = app.Services.GetRequiredService<TimeProvider>().Today();
        var dateOfBirth = today.AddYears(-15).AddDays(-20);
        var observed = today.AddDays(-3);
        Instrument instrument;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            instrument = await scope.ServiceProvider.GetRequiredService<IInstrumentStore>().CurrentAsync(default);
        }

        var act = instrument.Signals.First(s => s.LegalElements.Contains(LegalElement.Act) && !s.Acute);
        var purpose = instrument.Signals.First(s => s.LegalElements.Contains(LegalElement.Purpose) && !s.Acute);
        var suggestion = ScreeningEngine.Evaluate(instrument, dateOfBirth, observed, [act.Code, purpose.Code], out _)!.Classification;

        // The coordinator signs in, registers her and puts the behavioural scientist in the care team.
        await SignInAsync(browser, page, "regie@demo.traject");
        await Journeys.RegisterAsync(page, "Sanne", "Screeningproef", dateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Groningen");
        var dossier = page.Url;
        await OpenSectionAsync(page, dossier, "Zorgteam en status", "team");
        await page.GetByLabel("Professional", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = "Guus Gedrag (demo) — Demo Jeugdzorg Noord" });
        await page.GetByLabel("Rol in het team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Gedragswetenschapper" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan zorgteam", Exact = true }).ClickAsync();
        await Expect(Section(page, "Zorgteam")).ToContainTextAsync("Guus Gedrag (demo)");

        // She records the screening: two signals, each with its date, source and note.
        await OpenSectionAsync(page, dossier, "Screenings", "screenings");
        var screenings = Section(page, "Screenings");
        await Expect(screenings).ToContainTextAsync("Nog geen screenings.");
        await screenings.GetByRole(AriaRole.Link, new() { Name = "Screening vastleggen", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Screening vastleggen");
        await browser.CheckAccessibilityAsync(page);
        await ObserveAsync(page, act, observed, "Ouder", "Wordt 's avonds opgehaald door een onbekende auto.");
        await ObserveAsync(page, purpose, observed, "De jongere zelf", null);
        await page.GetByRole(AriaRole.Button, new() { Name = "Screening vastleggen en voorstel tonen", Exact = true }).ClickAsync();

        // The suggestion is shown at once.
        await Expect(page).ToHaveURLAsync(new Regex("/screenings/[0-9a-fA-F-]{36}$"));
        var screening = page.Url;
        await Expect(Section(page, "Voorgestelde classificatie").Locator(".classification")).ToHaveTextAsync(Dutch[suggestion]);
        await Expect(Section(page, "Signalen").GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await browser.CheckAccessibilityAsync(page);

        // Her weighing: not final yet, a behavioural scientist must weigh too.
        await Journeys.WeighAsync(page, Conclusion, Reason);
        var weighing = Section(page, "Multidisciplinaire weging");
        await Expect(weighing.Locator(".notice")).ToHaveTextAsync("Wacht op de weging van een gedragswetenschapper");
        await Expect(weighing.Locator("article.weighing")).ToHaveCountAsync(1);

        // The behavioural scientist signs in as himself and weighs.
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true }).ClickAsync();
        await SignInAsync(browser, page, "gedrag@demo.traject");
        await page.GotoAsync(dossier + "/screenings");
        await Section(page, "Screenings").GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(screening);
        await Journeys.WeighAsync(page, Conclusion, Reason);
        weighing = Section(page, "Multidisciplinaire weging");
        await Expect(weighing.Locator(".notice")).ToContainTextAsync($"Vastgestelde classificatie: {Conclusion}");
        await Expect(weighing.Locator("article.weighing")).ToHaveCountAsync(2);
        await Expect(weighing.Locator("article.weighing").Filter(new() { HasText = "gedragswetenschapper" })).ToHaveCountAsync(1);
        await browser.CheckAccessibilityAsync(page);

        // The step plan is in the dossier, owned by the coordinator, and the timeline tells the weighing.
        await weighing.GetByRole(AriaRole.Link, new() { Name = "Het stappenplan is gestart: zie de taken in het dossier." }).ClickAsync();
        await Expect(page).ToHaveURLAsync(dossier + "/tasks");
        var tasks = Section(page, "Taken");
        foreach (var task in new[] { "Gesprek met de jongere", "Veiligheidstaxatie", "Besluit volgens de meldcode (afwegingskader)", "Aanmelden voor triage" })
        {
            await Expect(tasks.GetByRole(AriaRole.Row).Filter(new() { HasText = task })).ToContainTextAsync("Rik Regie (demo)");
        }

        await Expect(tasks.GetByRole(AriaRole.Row).Filter(new() { HasText = "Screening bij intake" })).ToContainTextAsync("Afgerond op");
        await browser.CheckAccessibilityAsync(page);
        await OpenSectionAsync(page, dossier, "Screenings", "screenings");
        await Expect(Section(page, "Screenings").GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync(Conclusion);
        await OpenSectionAsync(page, dossier, "Tijdlijn", "timeline");
        var timeline = Section(page, "Tijdlijn").GetByRole(AriaRole.Listitem);
        await Expect(timeline.Filter(new() { HasText = $"Weging vastgelegd: {Conclusion}" })).ToHaveCountAsync(2);
        await Expect(timeline.Filter(new() { HasText = $"Classificatie vastgesteld na de multidisciplinaire weging: {Conclusion}" })).ToHaveCountAsync(1);
        await Expect(timeline.Filter(new() { HasText = "Stappenplan gestart" })).ToHaveCountAsync(1);
        await browser.CheckAccessibilityAsync(page);

        var screenshot = Path.Combine(Path.GetTempPath(), $"traject-screening-{DateTime.UtcNow:yyyyMMddHHmmss}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Dossier screenshot: {screenshot}");
    }

    private async Task SignInAsync(JourneyBrowser browser, IPage page, string email)
    {
        await browser.LogInAsync(page, email, Password);
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
    }

    private static async Task ObserveAsync(IPage page, SignalDefinition signal, DateOnly observed, string source, string? note)
    {
        await page.GetByLabel(signal.LabelNl, new() { Exact = true }).CheckAsync();
        await page.GetByLabel($"Datum waargenomen ({signal.LabelNl})", new() { Exact = true }).FillAsync(observed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel($"Bron ({signal.LabelNl})", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = source });
        if (note is not null)
        {
            await page.GetByLabel($"Notitie (optioneel) ({signal.LabelNl})", new() { Exact = true }).FillAsync(note);
        }
    }
}
