using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static Traject.BrowserTests.Journeys;

namespace Traject.BrowserTests;

/// <summary>
/// The coordinator registers a young person, starts a placement in Veilig Lima from her dossier, moves her to the
/// second phase, and sees the current phase with its restrictions, the next-step task and both events in the dossier.
/// </summary>
public sealed class PlacementJourneyTests(TrajectAppFixture app, ITestOutputHelper output) : IClassFixture<TrajectAppFixture>
{
    [SkippableFact]
    public async Task Coordinator_starts_a_placement_and_advances_a_phase()
    {
        await using var browser = await JourneyBrowser.StartAsync(app, output);
        var page = await browser.NewPersonAsync();
        await browser.RunAsync(() => Journey(browser, page));
    }

    private async Task Journey(JourneyBrowser browser, IPage page)
    {
        await browser.LogInAsync(page, "regie@demo.traject", "Demo!Traject2026");
        await Journeys.RegisterAsync(page, "Noa", "Plaatsingproef", DateTime.UtcNow.AddYears(-16).ToString("yyyy-MM-dd"), "Groningen");
        var dossier = page.Url;
        await OpenSectionAsync(page, dossier, "Plaatsingen", "placements");
        await Expect(Section(page, "Plaatsingen")).ToContainTextAsync("Nog geen plaatsingen.");

        // Start the placement.
        await Section(page, "Plaatsingen").GetByRole(AriaRole.Link, new() { Name = "Plaatsing starten", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(dossier + "/placements/new");
        await browser.CheckAccessibilityAsync(page);
        await page.GetByLabel("Zorgprogramma", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Veilig Lima — Kompaan en de Bocht" });
        await page.GetByLabel("Organisatie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Demo Jeugdzorg Noord" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Plaatsing starten", Exact = true }).ClickAsync();

        // The placement: phase 1 is current; move to phase 2.
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(dossier) + "/placements/[0-9a-fA-F-]{36}$"));
        var phases = Section(page, "Fasen en beperkingen");
        await Expect(phases.Locator("tr.current")).ToContainTextAsync("1. Fase 1");
        await browser.CheckAccessibilityAsync(page);
        await page.GetByLabel("Nieuwe fase", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "2. Fase 2" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Naar deze fase", Exact = true }).ClickAsync();
        await Expect(Section(page, "Fasen en beperkingen").Locator("tr.current")).ToContainTextAsync("2. Fase 2");
        await Expect(page.Locator("ol.phase-history li")).ToHaveCountAsync(2);
        await Expect(page.Locator("ol.phase-history li").Last).ToContainTextAsync("Rik Regie (demo)");

        // The summary shows the current phase with its restrictions and the next-step task; the sections the rest.
        await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar het dossier", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(dossier);
        var now = Section(page, "Huidige fase en beperkingen");
        await Expect(now).ToContainTextAsync("2. Fase 2");
        await Expect(now).ToContainTextAsync("beperkt");
        await Expect(Section(page, "Eerstvolgende taken").GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Vervolgplek benoemen" }))
            .ToContainTextAsync("Rik Regie (demo)");
        await browser.CheckAccessibilityAsync(page);
        await OpenSectionAsync(page, dossier, "Plaatsingen", "placements");
        var placements = Section(page, "Plaatsingen");
        await Expect(placements.Locator(".current-phase")).ToHaveTextAsync("2. Fase 2");
        await Expect(placements.Locator("table.restrictions")).ToContainTextAsync("beperkt");
        await OpenSectionAsync(page, dossier, "Taken", "tasks");
        await Expect(Section(page, "Taken").GetByRole(AriaRole.Row).Filter(new() { HasText = "Vervolgplek benoemen" })).ToContainTextAsync("Rik Regie (demo)");
        await browser.CheckAccessibilityAsync(page);
        await OpenSectionAsync(page, dossier, "Tijdlijn", "timeline");
        var timeline = Section(page, "Tijdlijn").GetByRole(AriaRole.Listitem);
        await Expect(timeline.Filter(new() { HasText = "Plaatsing in Veilig Lima (open) vanaf" })).ToHaveCountAsync(1);
        await Expect(timeline.Filter(new() { HasText = "Fase 2 (Fase 2) vanaf" })).ToHaveCountAsync(1);
        await browser.CheckAccessibilityAsync(page);
        browser.AssertAccessible();
    }

}
