using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Traject.BrowserTests;

/// <summary>
/// A mentor signs in, registers a young person, lands on her dossier, adds a colleague to the care team and sees both
/// events on the timeline. Dutch UI (the default). Locators go by label and role, so they also check accessible names.
/// </summary>
public sealed partial class CareTeamJourneyTests(TrajectAppFixture app, ITestOutputHelper output) : IClassFixture<TrajectAppFixture>
{
    private const string GivenName = "Floor";
    private const string FamilyName = "Browserproef";
    private const string Colleague = "Guus Gedrag (demo)";

    [SkippableFact]
    public async Task Mentor_registers_a_young_person_and_builds_her_care_team()
    {
        await using var browser = await JourneyBrowser.StartAsync(app, output);
        var page = await browser.NewPersonAsync();
        await browser.RunAsync(() => Journey(browser, page));
    }

    private async Task Journey(JourneyBrowser browser, IPage page)
    {
        // Sign in (the login page is checked for accessibility on the way).
        await browser.LogInAsync(page, "mentor@demo.traject", "Demo!Traject2026");

        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn jongeren", Level = 1 })).ToBeVisibleAsync();
        await browser.CheckAccessibilityAsync(page);

        // Register a young person.
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Jongere registreren", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/young-people/register");
        await browser.CheckAccessibilityAsync(page);
        await page.GetByLabel("Voornaam", new() { Exact = true }).FillAsync(GivenName);
        await page.GetByLabel("Achternaam", new() { Exact = true }).FillAsync(FamilyName);
        await page.GetByLabel("Geboortedatum", new() { Exact = true }).FillAsync("2010-05-17");
        await page.GetByLabel("Gender", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Meisje" });
        await page.GetByLabel("Nationaliteit", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Nederlands" });
        await page.GetByLabel("Gemeente", new() { Exact = true }).FillAsync("Groningen");
        await page.GetByLabel("Beginstatus", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Gesignaleerd" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Registreren en traject openen", Exact = true }).ClickAsync();

        // Her dossier.
        await Expect(page).ToHaveURLAsync(DossierUrl());
        var title = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(title).ToContainTextAsync(GivenName);
        await Expect(title).ToContainTextAsync(FamilyName);
        var dossier = page.Url;

        // It opens on the summary, the first of the sections, with no forms; at 390 px nothing scrolls sideways.
        var nav = Journeys.DossierNav(page);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Samenvatting", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(Section(page, "Eerstvolgende taken")).ToContainTextAsync("Screening bij intake");
        await Expect(Section(page, "Laatste gebeurtenissen").GetByRole(AriaRole.Listitem)
            .Filter(new() { HasText = "Traject geopend met status Gesignaleerd" })).ToHaveCountAsync(1);
        await Expect(page.Locator("main form[method=post]")).ToHaveCountAsync(0);
        await browser.CheckAccessibilityAsync(page);
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the summary scrolls sideways at 390 px");
        await browser.CheckAccessibilityAsync(page);
        await page.SetViewportSizeAsync(1280, 720);

        // Add a colleague to the care team (the registering mentor is the coordinator), on its own page.
        await Journeys.OpenSectionAsync(page, dossier, "Zorgteam en status", "team");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Zorgteam en status", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        var careTeam = Section(page, "Zorgteam");
        await Expect(careTeam).ToBeVisibleAsync();
        await page.GetByLabel("Professional", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = $"{Colleague} — Demo Jeugdzorg Noord" });
        await page.GetByLabel("Rol in het team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Gedragswetenschapper" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan zorgteam", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(dossier + "/team");
        await Expect(Section(page, "Zorgteam")).ToContainTextAsync(Colleague);
        await browser.CheckAccessibilityAsync(page);

        // The timeline tells both events.
        await Journeys.OpenSectionAsync(page, dossier, "Tijdlijn", "timeline");
        var timeline = Section(page, "Tijdlijn");
        await Expect(timeline.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Traject geopend met status Gesignaleerd" })).ToHaveCountAsync(1);
        await Expect(timeline.GetByRole(AriaRole.Listitem)
            .Filter(new() { HasText = $"{Colleague} is toegevoegd aan het zorgteam als Gedragswetenschapper" })).ToHaveCountAsync(1);

        var screenshot = Path.Combine(Path.GetTempPath(), $"traject-dossier-{DateTime.UtcNow:yyyyMMddHHmmss}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Dossier screenshot: {screenshot}");

        await browser.CheckAccessibilityAsync(page);
        browser.AssertAccessible();
    }

    private static ILocator Section(IPage page, string heading) => Journeys.Section(page, heading);

    private Regex DossierUrl() => new("^" + Regex.Escape(app.BaseUrl) + "/trajectories/[0-9a-fA-F-]{36}$");
}
