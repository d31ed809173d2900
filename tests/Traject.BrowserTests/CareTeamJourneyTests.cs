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

    private readonly List<string> _accessibilityViolations = [];
    private Axe? _axe;

    [SkippableFact]
    public async Task Mentor_registers_a_young_person_and_builds_her_care_team()
    {
        Chromium.RequireOrSkip();
        _axe = await Axe.LoadAsync();
        if (_axe is null)
        {
            output.WriteLine($"axe-core not found at {Axe.ScriptPath} (run 'npm ci' in tests/Traject.BrowserTests): no accessibility check.");
        }

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "nl-NL" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                output.WriteLine($"browser console {message.Type} on {page.Url} ({message.Location}): {message.Text}");
            }
        };
        page.PageError += (_, error) => output.WriteLine($"page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                output.WriteLine($"HTTP {response.Status} for {response.Request.Method} {response.Url}");
            }
        };

        try
        {
            await Journey(page);
        }
        catch
        {
            var failure = Path.Combine(Path.GetTempPath(), $"traject-journey-failure-{DateTime.UtcNow:yyyyMMddHHmmss}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = failure, FullPage = true });
            output.WriteLine($"Failed at {page.Url}; screenshot: {failure}");
            throw;
        }
    }

    private async Task Journey(IPage page)
    {
        // Sign in.
        await page.GotoAsync("/Account/Login");
        await CheckAccessibility(page);
        await page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync("mentor@demo.traject");
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync("Demo!Traject2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn jongeren", Level = 1 })).ToBeVisibleAsync();
        await CheckAccessibility(page);

        // Register a young person.
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Jongere registreren", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/young-people/register");
        await CheckAccessibility(page);
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

        // Add a colleague to the care team (the registering mentor is the coordinator).
        var careTeam = Section(page, "Zorgteam");
        await Expect(careTeam).ToBeVisibleAsync();
        await page.GetByLabel("Professional", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = $"{Colleague} — Demo Jeugdzorg Noord" });
        await page.GetByLabel("Rol in het team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Gedragswetenschapper" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan zorgteam", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(DossierUrl());
        await Expect(Section(page, "Zorgteam")).ToContainTextAsync(Colleague);

        // The timeline tells both events.
        var timeline = Section(page, "Tijdlijn");
        await Expect(timeline.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Traject geopend met status Gesignaleerd" })).ToHaveCountAsync(1);
        await Expect(timeline.GetByRole(AriaRole.Listitem)
            .Filter(new() { HasText = $"{Colleague} is toegevoegd aan het zorgteam als Gedragswetenschapper" })).ToHaveCountAsync(1);

        var screenshot = Path.Combine(Path.GetTempPath(), $"traject-dossier-{DateTime.UtcNow:yyyyMMddHHmmss}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Dossier screenshot: {screenshot}");

        await CheckAccessibility(page);
        Assert.True(_accessibilityViolations.Count == 0,
            "axe-core found accessibility violations (WCAG 2.1 A/AA):" + Environment.NewLine + string.Join(Environment.NewLine, _accessibilityViolations));
    }

    private async Task CheckAccessibility(IPage page)
    {
        if (_axe is not null)
        {
            _accessibilityViolations.AddRange(await _axe.CheckAsync(page));
        }
    }

    /// <summary>The smallest section headed by the given h2.</summary>
    private static ILocator Section(IPage page, string heading) =>
        page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 2, Exact = true }) }).Last;

    private Regex DossierUrl() => new("^" + Regex.Escape(app.BaseUrl) + "/trajectories/[0-9a-fA-F-]{36}$");
}
