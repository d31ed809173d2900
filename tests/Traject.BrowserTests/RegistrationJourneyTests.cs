using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Traject.Web.Data;
using Traject.Web.Modules.Screening;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Traject.BrowserTests;

/// <summary>
/// The coordinator registers a young person of 14 and opens her registration: only suspected victims are notified, so
/// the page says a final weighed classification is needed (made final here behind the scenes; the screening journey
/// shows the weighing); not notifying without a real argument is refused; she records the consent of the young person
/// and her mother, then decides to notify by name, which waits for export. The designated expert exports the organisation's notifications and sees the batch.
/// </summary>
public sealed partial class RegistrationJourneyTests(TrajectAppFixture app, ITestOutputHelper output) : IClassFixture<TrajectAppFixture>
{
    private const string Password = "Demo!Traject2026";

    [SkippableFact]
    public async Task Coordinator_records_consent_and_a_registration_decision_and_the_expert_exports_it()
    {
        await using var browser = await JourneyBrowser.StartAsync(app, output);
        var coordinator = await browser.NewPersonAsync();
        var expert = await browser.NewPersonAsync();
        await browser.RunAsync(async () =>
        {
            await Decide(browser, coordinator);
            await Export(browser, expert);
        });
        browser.AssertAccessible();
    }

    private async Task Decide(JourneyBrowser browser, IPage page)
    {
        await browser.LogInAsync(page, "regie@demo.traject", Password);
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        var born = DateTime.UtcNow.AddYears(-14).AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Journeys.RegisterAsync(page, "Isa", "van der Registratieproef", born, "Assen", initialStatus: "Actief");
        await Expect(page).ToHaveURLAsync(DossierUrl());

        await page.GetByRole(AriaRole.Link, new() { Name = "Registratie", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(RegistrationUrl());
        await Expect(page.GetByText("Nog geen registratiebesluit.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Vandaag is zij 14: toestemming is nodig van: ouder(s) of voogd én de jongere.")).ToBeVisibleAsync();
        await Expect(page.Locator("#notify-needs-suspicion")).ToContainTextAsync("Er is nog geen screening vastgesteld.");
        await browser.CheckAccessibilityAsync(page);
        await ConfirmSuspicionAsync(Guid.Parse(Regex.Match(page.Url, "/trajectories/([0-9a-fA-F-]{36})/").Groups[1].Value));
        await page.ReloadAsync();
        await Expect(page.Locator("#notify-needs-suspicion")).ToHaveCountAsync(0);

        // Not notifying must be argued: a short argument is refused on the form.
        await page.GetByLabel("Niet melden", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Vermoedelijk slachtoffer", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Seksuele uitbuiting", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reden om niet te melden", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Risico voor de veiligheid" });
        await page.GetByLabel("Onderbouwing om niet te melden (ten minste 50 tekens)", new() { Exact = true }).FillAsync("Te gevaarlijk.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Minstens 50 tekens.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Nog geen registratiebesluit.")).ToBeVisibleAsync();
        await browser.CheckAccessibilityAsync(page);

        // Consent of the young person and her mother, then the decision to notify by name.
        await page.GetByLabel("Datum toestemming", new() { Exact = true }).FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("De jongere gaf toestemming", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Ouder(s) of voogd gaven toestemming", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Naam van de ouder(s) of voogd", new() { Exact = true }).FillAsync("Moeder Registratieproef");
        await page.GetByLabel("Vorm", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Schriftelijk" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Toestemming vastleggen", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(RegistrationUrl());
        await Expect(page.GetByText("(Moeder Registratieproef)")).ToBeVisibleAsync();

        await page.GetByLabel("Melden op naam", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Vermoedelijk slachtoffer", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Seksuele uitbuiting", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Financiële uitbuiting (leningen)", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Toestemming (melding op naam)", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(RegistrationUrl());
        var current = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Huidig besluit", Level = 2, Exact = true }) });
        await Expect(current.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToContainTextAsync("Melden op naam");
        await Expect(current).ToContainTextAsync("Seksuele uitbuiting, Financiële uitbuiting (leningen)");
        await Expect(current).ToContainTextAsync("Op naam · wacht op export");
        await browser.CheckAccessibilityAsync(page);

        // The dossier's timeline tells the decision (the summary shows the latest events).
        await Journeys.DossierNav(page).GetByRole(AriaRole.Link, new() { Name = "Samenvatting", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Registratiebesluit: Melden op naam")).ToBeVisibleAsync();
    }

    private async Task Export(JourneyBrowser browser, IPage page)
    {
        await browser.LogInAsync(page, "aandacht@demo.traject", Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Landelijke meldingen", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/registration/exports");
        var today = DateTime.UtcNow;
        await page.GetByLabel("Vanaf", new() { Exact = true }).FillAsync(today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Tot en met", new() { Exact = true }).FillAsync(today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Exporteren", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/registration/exports");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).First).ToBeVisibleAsync();
        await browser.CheckAccessibilityAsync(page);
    }

    /// <summary>What the multidisciplinary weighing leaves behind: a final screening with "suspected victim".</summary>
    private async Task ConfirmSuspicionAsync(Guid trajectoryId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var coordinator = await db.Users.Where(u => u.Email == "regie@demo.traject").Select(u => u.Id).SingleAsync();
        db.Screenings.Add(new Screening
        {
            TrajectoryId = trajectoryId, InstrumentVersion = BuiltInInstrument.Instance.Version, RecordedAt = now, RecordedById = coordinator,
            ObservedOn = DateOnly.FromDateTime(now.UtcDateTime), Suggestion = Classification.Suspected, Status = ScreeningStatus.Final,
            FinalClassification = Classification.Suspected, FinalisedAt = now,
        });
        await db.SaveChangesAsync();
    }

    private Regex DossierUrl() => new("^" + Regex.Escape(app.BaseUrl) + "/trajectories/[0-9a-fA-F-]{36}$");

    private Regex RegistrationUrl() => new("^" + Regex.Escape(app.BaseUrl) + "/trajectories/[0-9a-fA-F-]{36}/registration$");
}
