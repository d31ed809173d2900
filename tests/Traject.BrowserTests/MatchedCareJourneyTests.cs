using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Traject.BrowserTests;

/// <summary>
/// Triage end to end: the coordinator registers a young person, adds the behavioural scientist to her team, writes the
/// analysis and signs it; the behavioural scientist signs it too, which makes it final. The coordinator opens matched
/// care, sees the ranked programmes with their reasons, tries to choose the second one without a reason (refused on the
/// form) and then chooses it against the recommendation with a reason and an explanation.
/// </summary>
public sealed class MatchedCareJourneyTests(TrajectAppFixture app, ITestOutputHelper output) : IClassFixture<TrajectAppFixture>
{
    private const string Password = "Demo!Traject2026";
    private const string Scientist = "Guus Gedrag (demo)";

    [SkippableFact]
    public async Task Analysis_with_two_signatures_then_a_choice_against_the_recommendation_with_a_reason()
    {
        await using var browser = await JourneyBrowser.StartAsync(app, output);
        var coordinator = await browser.NewPersonAsync();
        var scientist = await browser.NewPersonAsync();
        await browser.RunAsync(async () =>
        {
            var analysisUrl = await WriteAndSign(browser, coordinator);
            await CoSign(browser, scientist, analysisUrl);
            await Choose(browser, coordinator);
        });
        browser.AssertAccessible();
    }

    private async Task<string> WriteAndSign(JourneyBrowser browser, IPage page)
    {
        await browser.LogInAsync(page, "regie@demo.traject", Password);
        var born = DateTime.UtcNow.AddYears(-15).AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var dossier = await Journeys.RegisterAsync(page, "Noor", "Triageproef", born, "Emmen", initialStatus: "Actief");
        await Journeys.OpenSectionAsync(page, dossier, "Zorgteam en status", "team");

        await page.GetByLabel("Professional", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{Scientist} — Demo Jeugdzorg Noord" });
        await page.GetByLabel("Rol in het team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Gedragswetenschapper" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan zorgteam", Exact = true }).ClickAsync();

        // Matched care needs a signed analysis first.
        await Journeys.OpenSectionAsync(page, dossier, "Analyses", "analyses");
        await page.GetByRole(AriaRole.Link, new() { Name = "Passende zorg (matched care)", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Voor matched care is eerst een vastgestelde analyse nodig.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar het dossier", Exact = true }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Analyses", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe analyse starten", Exact = true }).ClickAsync();
        await page.GetByLabel("Behoeften", new() { Exact = true }).FillAsync("Een veilige, vaste plek en traumabehandeling; school weer oppakken.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse opslaan", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Deze analyse ondertekenen zoals ze is", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Wacht op de ondertekening van een gedragswetenschapper")).ToBeVisibleAsync();
        await browser.CheckAccessibilityAsync(page);
        return page.Url;
    }

    private static async Task CoSign(JourneyBrowser browser, IPage page, string analysisUrl)
    {
        await browser.LogInAsync(page, "gedrag@demo.traject", Password);
        await page.GotoAsync(analysisUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Deze analyse ondertekenen zoals ze is", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Deze analyse ondertekenen zoals ze is", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.Locator("#signatures")).ToContainTextAsync(Scientist);
    }

    private static async Task Choose(JourneyBrowser browser, IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar het dossier", Exact = true }).ClickAsync();
        await Journeys.DossierNav(page).GetByRole(AriaRole.Link, new() { Name = "Analyses", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Passende zorg (matched care)", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Nog geen programma gekozen.")).ToBeVisibleAsync();
        var ranking = page.Locator("ol.ranking > li");
        Assert.True(await ranking.CountAsync() >= 2, "The catalogue ranks several programmes.");
        await Expect(ranking.First.GetByText("Waarom")).ToBeVisibleAsync();
        await browser.CheckAccessibilityAsync(page);

        // The second programme without a reason: refused on the form, nothing chosen.
        var second = ranking.Nth(1);
        var name = (await second.Locator("strong").InnerTextAsync()).Trim();
        await second.GetByRole(AriaRole.Radio).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Keuze vastleggen", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Kiezen tegen het advies in vraagt om een reden.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Nog geen programma gekozen.")).ToBeVisibleAsync();
        await browser.CheckAccessibilityAsync(page);

        await page.Locator("ol.ranking > li").Nth(1).GetByRole(AriaRole.Radio).CheckAsync();
        await page.GetByLabel("Reden om tegen het advies in te kiezen", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Wens van de jongere" });
        await page.GetByLabel("Toelichting (minstens 20 tekens)", new() { Exact = true }).FillAsync("Ze wil dicht bij haar oma in Emmen blijven wonen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keuze vastleggen", Exact = true }).ClickAsync();
        var choice = page.Locator(".current-choice");
        await Expect(choice).ToContainTextAsync(name);
        await Expect(choice).ToContainTextAsync("Wens van de jongere");
        await Expect(choice).ToContainTextAsync("geadviseerd was");
        await browser.CheckAccessibilityAsync(page);

        // The timeline tells the choice, not the explanation.
        await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar het dossier", Exact = true }).ClickAsync();
        await Expect(page.GetByText($"Zorgprogramma gekozen tegen het advies in: {name}")).ToBeVisibleAsync();
        await Expect(page.GetByText("haar oma")).ToHaveCountAsync(0);
    }
}
