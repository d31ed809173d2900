using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Traject.Web.Common;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static Traject.BrowserTests.Journeys;

namespace Traject.BrowserTests;

/// <summary>
/// The coordinator registers an active trajectory and proposes a warm hand-over to the neighbourhood team; the
/// neighbourhood-team professional reads the dossier, confirms the checklist, records the joint meeting and accepts;
/// the coordinator (who stays) makes the aftercare plan, closes the trajectory and sees the four follow-up tasks.
/// </summary>
public sealed class HandoverJourneyTests(TrajectAppFixture app, ITestOutputHelper output) : IClassFixture<TrajectAppFixture>
{
    private const string Password = "Demo!Traject2026";

    private static readonly string[] Items =
    [
        "Vermoeden van uitbuiting en de geschiedenis ervan", "Registratiebesluit", "Veiligheidsplan", "Toekomstplan", "Medicatie en zorgcontacten", "School",
    ];

    [SkippableFact]
    public async Task Coordinator_hands_over_to_the_neighbourhood_team_who_keeps_the_follow_ups_after_an_argued_early_close()
    {
        await using var browser = await JourneyBrowser.StartAsync(app, output);
        var page = await browser.NewPersonAsync();
        await browser.RunAsync(() => Journey(browser, page));
    }

    private async Task Journey(JourneyBrowser browser, IPage page)
    {
        var today = app.Services.GetRequiredService<TimeProvider>().Today();

        // The coordinator registers her with an active trajectory and proposes the hand-over.
        await SignInAsync(page, "regie@demo.traject");
        await Journeys.RegisterAsync(page, "Noor", "Overdrachtproef", today.AddYears(-16).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Groningen", initialStatus: "Actief");
        var dossier = page.Url;

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Overdrachten", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Overdrachten");
        await page.GetByLabel("Ontvangende professional", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = "Wim Wijkteam (demo) — Demo Wijkteam Zuid" });
        await page.GetByLabel("Overdracht naar", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Wijkteam voor nazorg" });
        await page.GetByLabel("Veiligheidsplan", new() { Exact = true }).FillAsync("Veiligheidsplan van deze maand, met afspraken over telefoongebruik.");
        await browser.CheckAccessibilityAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Overdracht voorstellen", Exact = true }).ClickAsync();
        var handovers = page.Url;
        var proposal = Handover(page);
        await Expect(proposal.Locator(".status")).ToHaveTextAsync("Voorgesteld");
        await Expect(proposal).ToContainTextAsync("Veiligheidsplan van deze maand");

        // The neighbourhood-team professional is told, reads the dossier and works through the checklist.
        await SignOutAsync(page);
        await SignInAsync(page, "wijkteam@demo.traject");
        await page.GotoAsync("/notifications");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Overdracht van .* aan jou voorgesteld") }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(handovers);
        proposal = Handover(page);
        foreach (var item in Items)
        {
            await proposal.GetByRole(AriaRole.Button, new() { Name = $"Bevestigen ({item})", Exact = true }).ClickAsync();
            proposal = Handover(page);
        }

        await proposal.GetByLabel("Deelnemers", new() { Exact = true }).FillAsync("Noor, Rik Regie, Wim Wijkteam");
        await proposal.GetByRole(AriaRole.Button, new() { Name = "Gesprek vastleggen", Exact = true }).ClickAsync();
        proposal = Handover(page);
        await Expect(proposal).ToContainTextAsync("Noor, Rik Regie, Wim Wijkteam");
        await browser.CheckAccessibilityAsync(page);
        await proposal.GetByRole(AriaRole.Button, new() { Name = "Overdracht accepteren", Exact = true }).ClickAsync();
        proposal = Handover(page);
        await Expect(proposal.Locator(".status")).ToHaveTextAsync("Geaccepteerd");
        await Expect(proposal).ToContainTextAsync(today.AddDays(30).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        await page.GotoAsync(dossier + "/team");
        await Expect(Section(page, "Zorgteam")).ToContainTextAsync("Wim Wijkteam (demo)");
        await Expect(page.Locator(".header-facts").First).ToContainTextAsync("Demo Wijkteam Zuid");
        await Expect(page.Locator(".header-facts").First).ToContainTextAsync("Rik Regie (demo)");

        // The coordinator stays: she makes the aftercare plan and closes the trajectory.
        await SignOutAsync(page);
        await SignInAsync(page, "regie@demo.traject");
        await page.GotoAsync(dossier);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Nazorg", Exact = true }).ClickAsync();
        await page.GetByLabel("Duur in maanden", new() { Exact = true }).FillAsync("9");
        await page.GetByLabel("Contact", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Om de week" });
        await page.GetByLabel("Vertrouwde professional", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = "Wim Wijkteam (demo) — Demo Wijkteam Zuid" });
        await page.GetByLabel("Studiefinanciering", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Wat is geregeld (Studiefinanciering)", new() { Exact = true }).FillAsync("DUO-aanvraag samen invullen");
        await page.GetByLabel("Wonen", new() { Exact = true }).CheckAsync();
        await browser.CheckAccessibilityAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Nazorgplan opslaan", Exact = true }).ClickAsync();
        var plan = Section(page, "Nazorgplan");
        await Expect(plan).ToContainTextAsync("9 maanden");
        await Expect(plan).ToContainTextAsync("Wim Wijkteam (demo)");
        await Expect(plan).ToContainTextAsync("Studiefinanciering: DUO-aanvraag samen invullen");

        // Care ends: she moves into aftercare, and the follow-up contacts are planned for the trusted professional.
        await page.GotoAsync(dossier + "/team");
        await page.GetByLabel("Nieuwe status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Nazorg" });
        await page.Locator("#StatusChange_Reason").FillAsync("Overgedragen aan het wijkteam, de nazorg begint.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Status wijzigen", Exact = true }).ClickAsync();
        await Expect(page.Locator("span.status").First).ToHaveTextAsync("Nazorg");
        await OpenSectionAsync(page, dossier, "Taken", "tasks");
        var followUps = Section(page, "Taken").GetByRole(AriaRole.Row).Filter(new() { HasText = "Vervolgcontact na de zorg" });
        await Expect(followUps).ToHaveCountAsync(4);
        foreach (var months in new[] { 3, 6, 12, 24 })
        {
            await Expect(followUps.Filter(new() { HasText = today.AddMonths(months).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) })).ToHaveCountAsync(1);
        }

        await Expect(followUps.First).ToContainTextAsync("Wim Wijkteam (demo)");

        // Closing now names what keeps the trajectory open, with links.
        await OpenSectionAsync(page, dossier, "Zorgteam en status", "team");
        await page.GetByLabel("Nieuwe status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Afgesloten" });
        await page.Locator("#StatusChange_Reason").FillAsync("Nazorg loopt via het wijkteam.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Status wijzigen", Exact = true }).ClickAsync();
        var reasons = page.Locator("ul.reasons");
        await Expect(reasons).ToContainTextAsync("Het nazorgplan loopt tot");
        await Expect(reasons.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await browser.CheckAccessibilityAsync(page);

        // She moves abroad: the coordinator argues an early close, the lead organisation's designated expert co-signs it.
        await page.Locator("#EarlyClose_Reason").FillAsync("Zij verhuist met haar moeder naar Portugal; de nazorg daar is geregeld via Fier.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vroege afsluiting voorstellen", Exact = true }).ClickAsync();
        await Expect(page.Locator("#early-close + p")).ToContainTextAsync("Zij verhuist met haar moeder naar Portugal");
        await SignOutAsync(page);
        await SignInAsync(page, "aandacht-zuid@demo.traject");
        await page.GotoAsync(dossier + "/team");
        await page.GetByRole(AriaRole.Button, new() { Name = "Medeondertekenen en het traject afsluiten", Exact = true }).ClickAsync();
        await Expect(page.Locator("span.status").First).ToHaveTextAsync("Afgesloten");

        // The trusted professional keeps the follow-up part: recorded from two weeks before each is due.
        await SignOutAsync(page);
        await SignInAsync(page, "wijkteam@demo.traject");
        await page.GotoAsync(dossier + "/aftercare");
        var contacts = Section(page, "Vervolgcontacten").GetByRole(AriaRole.Row);
        await Expect(contacts).ToHaveCountAsync(5);
        await Expect(contacts.Nth(1)).ToContainTextAsync("vast te leggen vanaf " + today.AddMonths(3).AddDays(-14).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        await browser.CheckAccessibilityAsync(page);
        var elsewhere = await page.GotoAsync(dossier); // the rest of the dossier is out of her scope now
        Assert.Equal(404, elsewhere!.Status);

        browser.AssertAccessible();
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(JourneyBrowser.LoginPath);
        await JourneyBrowser.SubmitLoginAsync(page, email, Password);
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
    }

    private static Task SignOutAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true }).ClickAsync();

    /// <summary>The newest hand-over on the hand-overs page.</summary>
    private static ILocator Handover(IPage page) => page.Locator("section.handover").First;

}
