using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Traject.BrowserTests;

/// <summary>
/// A mentor reports a young person missing from her dossier on one screen, sees at once whom to inform (the police of
/// the region she is in and of her home region, her parents, the coordinator), records that she called the police, and
/// closes the episode with the return conversation. Dutch UI; locators go by label and role.
/// </summary>
public sealed class MissingEpisodeJourneyTests(TrajectAppFixture app, ITestOutputHelper output) : IClassFixture<TrajectAppFixture>
{
    [SkippableFact]
    public async Task Mentor_reports_a_missing_episode_informs_the_police_and_closes_it_with_a_return_conversation()
    {
        await using var browser = await JourneyBrowser.StartAsync(app, output);
        var page = await browser.NewPersonAsync();
        await browser.RunAsync(() => Journey(browser, page));
    }

    private async Task Journey(JourneyBrowser browser, IPage page)
    {
        await browser.LogInAsync(page, "mentor@demo.traject", "Demo!Traject2026");
        await Journeys.RegisterAsync(page, "Noor", "Vermissingproef", "2010-03-09", "Rotterdam");

        // One screen: what is known now.
        await page.GetByRole(AriaRole.Link, new() { Name = "Vermissing melden", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Vermissing melden");
        await browser.CheckAccessibilityAsync(page);
        await page.GetByLabel("Laatst gezien waar", new() { Exact = true }).FillAsync("Bushalte voor de school");
        await page.GetByLabel("Met wie (als bekend)", new() { Exact = true }).FillAsync("Een oudere jongen met een scooter");
        await page.GetByLabel("Hoe ze vertrok", new() { Exact = true }).FillAsync("Niet teruggekomen na schooltijd");
        await page.GetByLabel("Wat ze droeg", new() { Exact = true }).FillAsync("Blauwe spijkerjas, witte sneakers");
        await page.GetByLabel("Telefoon", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Uitgeschakeld" });
        await page.GetByLabel("Risiconiveau", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "hoog" });
        await page.GetByLabel("Haar thuisregio", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Rijnmond" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vermissing melden en tonen wie te informeren", Exact = true }).ClickAsync();

        // At once: whom to inform, the coordinator already told in the app.
        await Expect(page).ToHaveURLAsync(new Regex("/missing/[0-9a-fA-F-]{36}$"));
        var episode = page.Url;
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Vermist sinds" })).ToBeVisibleAsync();
        var inform = Section(page, "Wie te informeren");
        var rows = inform.GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(5); // header, police here, police at home, parents, coordinator
        await Expect(rows.Filter(new() { HasText = "Politie van de regio waar ze verblijft" })).ToContainTextAsync("Politie in regio Groningen");
        await Expect(rows.Filter(new() { HasText = "Politie van haar thuisregio" })).ToContainTextAsync("Demo Politie Eenheid (regio Rijnmond)");
        await Expect(rows.Filter(new() { HasText = "Ouders of voogd" })).ToContainTextAsync("nog niet geïnformeerd");
        await Expect(rows.Filter(new() { HasText = "Regievoerder" })).ToContainTextAsync("in de app");
        await browser.CheckAccessibilityAsync(page);

        // She called the police here.
        var police = rows.Filter(new() { HasText = "Politie van de regio waar ze verblijft" });
        await police.GetByLabel("Notitie (Politie in regio Groningen)", new() { Exact = true }).FillAsync("Meldkamer gebeld");
        await police.GetByRole(AriaRole.Button, new() { Name = "Geïnformeerd (Politie in regio Groningen)", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(episode + "#inform");
        await Expect(Section(page, "Wie te informeren").GetByRole(AriaRole.Row).Filter(new() { HasText = "Politie van de regio waar ze verblijft" }))
            .ToContainTextAsync("Geïnformeerd op");

        // She is back: close with the return conversation.
        var back = Section(page, "Gevonden en het terugkeergesprek");
        await back.GetByLabel("Gevonden waar", new() { Exact = true }).FillAsync("Station Rotterdam Centraal");
        await back.GetByLabel("Gevonden door", new() { Exact = true }).FillAsync("Politie");
        await back.GetByRole(AriaRole.Group, new() { Name = "Acute medische zorg nodig" }).GetByLabel("nee", new() { Exact = true }).CheckAsync();
        await back.GetByLabel("Waar ze was", new() { Exact = true }).FillAsync("In een woning in Rotterdam-Zuid");
        await back.GetByLabel("Met wie", new() { Exact = true }).FillAsync("De jongen met de scooter en twee vrienden");
        await back.GetByLabel("Wat er gebeurd is", new() { Exact = true }).FillAsync("Ze is meegenomen naar een feest; ze wil later meer vertellen.");
        await back.GetByRole(AriaRole.Group, new() { Name = "Nieuwe gegevens voor de netwerkanalyse" }).GetByLabel("ja", new() { Exact = true }).CheckAsync();
        // Her parents and the police at home are not told yet: closing now is argued.
        await back.GetByLabel("Nog niet iedereen op de lijst is geïnformeerd. Waarom sluit je de vermissing nu af?", new() { Exact = true })
            .FillAsync("Ze was binnen twee uur terug; de moeder is ter plekke gesproken.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vermissing afsluiten", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(episode);
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Vermist sinds" })).ToHaveCountAsync(0);
        var closed = Section(page, "Gevonden en het terugkeergesprek");
        await Expect(closed).ToContainTextAsync("Station Rotterdam Centraal");
        await Expect(closed).ToContainTextAsync("Ze is meegenomen naar een feest; ze wil later meer vertellen.");
        await Expect(closed).ToContainTextAsync("Afgesloten op");
        await browser.CheckAccessibilityAsync(page);
        browser.AssertAccessible();
    }

    private static ILocator Section(IPage page, string heading) =>
        page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 2, Exact = true }) }).Last;
}
