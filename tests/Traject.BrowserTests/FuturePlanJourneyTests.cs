using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Traject.BrowserTests;

/// <summary>
/// The coordinator registers a young person, writes a goal of hers in her own words in the future plan, adds a step
/// someone from her network takes and marks another done, sees the change in the plan's history, and opens her own
/// printable plan: her words are there, the name of the person from her network is not. Dutch UI (the default).
/// </summary>
public sealed partial class FuturePlanJourneyTests(TrajectAppFixture app, ITestOutputHelper output) : IClassFixture<TrajectAppFixture>
{
    private const string HerWords = "Ik wil weer leuke dingen doen met mijn familie en later een eigen kamer.";
    private const string NetworkName = "Tante Browserproef";

    [SkippableFact]
    public async Task The_coordinator_edits_the_future_plan_and_her_own_plan_shows_her_words_without_network_names()
    {
        await using var browser = await JourneyBrowser.StartAsync(app, output);
        var page = await browser.NewPersonAsync();
        await browser.RunAsync(() => Journey(browser, page));
    }

    private async Task Journey(JourneyBrowser browser, IPage page)
    {
        await browser.LogInAsync(page, "regie@demo.traject", "Demo!Traject2026");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/");

        // Register a young person; her dossier opens.
        await page.GotoAsync("/young-people/register");
        await page.GetByLabel("Voornaam", new() { Exact = true }).FillAsync("Toekomst");
        await page.GetByLabel("Achternaam", new() { Exact = true }).FillAsync("Planproef");
        await page.GetByLabel("Geboortedatum", new() { Exact = true }).FillAsync("2011-03-09");
        await page.GetByLabel("Gender", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Meisje" });
        await page.GetByLabel("Nationaliteit", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Nederlands" });
        await page.GetByLabel("Gemeente", new() { Exact = true }).FillAsync("Groningen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registreren en traject openen", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(app.BaseUrl) + "/trajectories/[0-9a-fA-F-]{36}$"));
        await Journeys.OpenSectionAsync(page, page.Url, "Overzicht en 18 worden", "overview");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trajectoverzicht", Level = 2 })).ToBeVisibleAsync();
        await browser.CheckAccessibilityAsync(page);

        // The future plan: a goal in her own words.
        await page.GetByRole(AriaRole.Link, new() { Name = "Toekomstplan", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Toekomstplan");
        await page.GetByLabel("Leefgebied", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Relaties en netwerk" });
        await page.GetByLabel("Doel in haar eigen woorden", new() { Exact = true }).FillAsync(HerWords);
        await page.GetByRole(AriaRole.Button, new() { Name = "Doel toevoegen", Exact = true }).ClickAsync();
        var domain = Section(page, "Relaties en netwerk");
        await Expect(domain.Locator("blockquote")).ToHaveTextAsync(HerWords);

        // Two steps: one her aunt takes with her, one she takes herself.
        var due = DateTime.Today.AddDays(14).ToString("yyyy-MM-dd");
        await AddStepAsync(page, domain, "Samen naar de markt", "Iemand uit haar netwerk", NetworkName, due);
        await AddStepAsync(page, domain, "Zwemles uitzoeken", "Zijzelf", null, due);
        await Expect(domain.Locator("input[name='Step.OwnerName']").First).ToHaveValueAsync(NetworkName);

        // Mark her own step done.
        var own = domain.Locator("form").Filter(new() { Has = page.Locator("input[value='Zwemles uitzoeken']") });
        await own.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Gedaan" });
        await own.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(Section(page, "Relaties en netwerk").GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("1 van 2 stappen gedaan");
        var history = Section(page, "Wijzigingen in het plan");
        await Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = "Stap bij Relaties en netwerk: Gedaan" })).ToHaveCountAsync(1);
        await Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = HerWords })).ToHaveCountAsync(1);
        await browser.CheckAccessibilityAsync(page);

        // Her own plan: her words, plain language, and nobody from her network by name.
        await page.GetByRole(AriaRole.Link, new() { Name = "Haar eigen plan (om te printen)", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mijn plan, Toekomst");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mensen om me heen", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByText(HerWords)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Iemand uit mijn omgeving", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Gelukt", Exact = true })).ToBeVisibleAsync();
        Assert.DoesNotContain(NetworkName, await page.ContentAsync());
        Assert.DoesNotContain("Planproef", await page.Locator("main").InnerTextAsync());
        await browser.CheckAccessibilityAsync(page);

        // Printed, the navigation and the helper line disappear.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("header.top")).ToBeHiddenAsync();
        await Expect(page.Locator(".no-print")).ToBeHiddenAsync();
        await Expect(page.GetByText(HerWords)).ToBeVisibleAsync();
        browser.AssertAccessible();
    }

    private static async Task AddStepAsync(IPage page, ILocator domain, string what, string who, string? name, string due)
    {
        await domain.Locator("summary").Filter(new() { HasText = "Stap toevoegen" }).ClickAsync();
        var form = domain.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Stap toevoegen", Exact = true }) });
        await form.GetByLabel("Stap", new() { Exact = true }).FillAsync(what);
        await form.GetByLabel("Wie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = who });
        if (name is not null)
        {
            await form.GetByLabel("Naam (iemand uit haar netwerk)", new() { Exact = true }).FillAsync(name);
        }

        await form.GetByLabel("Uiterlijk op", new() { Exact = true }).FillAsync(due);
        await form.GetByRole(AriaRole.Button, new() { Name = "Stap toevoegen", Exact = true }).ClickAsync();
        await Expect(domain.Locator($"input[value='{what}']")).ToHaveCountAsync(1);
    }

    /// <summary>The smallest section headed by an h2 that contains the given text.</summary>
    private static ILocator Section(IPage page, string heading) =>
        page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 2 }) }).Last;
}
