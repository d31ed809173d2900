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
/// The whole life of one young person's trajectory, in the browser, from the first signal to the last follow-up
/// contact two years after care: screening and the weighing by two (she becomes active by itself), the registration and
/// reporting-code decisions, a safety assessment, the analysis signed by two, matched care, a placement, the aftercare
/// plan, the end of care (aftercare by itself, follow-ups planned for the trusted professional), a refused close, the
/// four follow-ups recorded by the trusted professional as time passes, and the close. The app's clock moves forward.
/// </summary>
public sealed class WholeLifeJourneyTests(TrajectAppFixture app, ITestOutputHelper output) : IClassFixture<TrajectAppFixture>
{
    private const string Password = "Demo!Traject2026";
    private const string Suspected = "Vermoedelijk slachtoffer";
    private const string Mentor = "Mira Mentor (demo) — Demo Jeugdzorg Noord";

    [SkippableFact]
    public async Task One_young_person_from_the_first_signal_to_the_last_follow_up()
    {
        await using var browser = await JourneyBrowser.StartAsync(app, output);
        var page = await browser.NewPersonAsync();
        await browser.RunAsync(() => Journey(browser, page));
        browser.AssertAccessible();
    }

    private static string Date(DateOnly d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task Journey(JourneyBrowser browser, IPage page)
    {
        var today = app.Clock.Today();
        var born = today.AddYears(-14).AddDays(-60);
        var observed = today.AddDays(-2);
        Instrument instrument;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            instrument = await scope.ServiceProvider.GetRequiredService<IInstrumentStore>().CurrentAsync(default);
        }

        var act = instrument.Signals.First(s => s.LegalElements.Contains(LegalElement.Act) && !s.Acute);
        var purpose = instrument.Signals.First(s => s.LegalElements.Contains(LegalElement.Purpose) && !s.Acute);

        // 1. The coordinator registers her (signalled) and builds the team.
        await SignInAsync(page, "regie@demo.traject");
        await Journeys.RegisterAsync(page, "Lies", "Levensloopproef", Iso(born), "Groningen");
        var dossier = page.Url;
        await Expect(page.Locator("span.status").First).ToHaveTextAsync("Gesignaleerd");
        await OpenSectionAsync(page, dossier, "Zorgteam en status", "team");
        foreach (var (who, role) in new[] { ("Guus Gedrag (demo) — Demo Jeugdzorg Noord", "Gedragswetenschapper"), (Mentor, "Mentor") })
        {
            await page.GetByLabel("Professional", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = who });
            await page.GetByLabel("Rol in het team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = role });
            await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan zorgteam", Exact = true }).ClickAsync();
        }

        // 2. The screening, weighed by her and by the behavioural scientist: suspected, final; she becomes active by itself.
        await OpenSectionAsync(page, dossier, "Screenings", "screenings");
        await Section(page, "Screenings").GetByRole(AriaRole.Link, new() { Name = "Screening vastleggen", Exact = true }).ClickAsync();
        foreach (var signal in new[] { act, purpose })
        {
            await page.GetByLabel(signal.LabelNl, new() { Exact = true }).CheckAsync();
            await page.GetByLabel($"Datum waargenomen ({signal.LabelNl})", new() { Exact = true }).FillAsync(Iso(observed));
            await page.GetByLabel($"Bron ({signal.LabelNl})", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Ouder" });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Screening vastleggen en voorstel tonen", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/screenings/[0-9a-fA-F-]{36}$"));
        var screening = page.Url;
        await Journeys.WeighAsync(page, Suspected, "Besproken in het MDO: zij wordt opgehaald door een oudere man.");
        await SignOutAsync(page);
        await SignInAsync(page, "gedrag@demo.traject");
        await page.GotoAsync(screening);
        await Journeys.WeighAsync(page, Suspected, "Besproken in het MDO: zij wordt opgehaald door een oudere man.");
        await Expect(Section(page, "Multidisciplinaire weging").Locator(".notice")).ToContainTextAsync($"Vastgestelde classificatie: {Suspected}");

        // 3. The analysis: the behavioural scientist writes and signs it, the coordinator signs it too.
        await page.GotoAsync(dossier);
        await Expect(page.Locator("span.status").First).ToHaveTextAsync("Actief");
        await OpenSectionAsync(page, dossier, "Tijdlijn", "timeline");
        await Expect(Timeline(page).Filter(new() { HasText = "Status vanzelf gewijzigd van Gesignaleerd naar Actief" })).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Analyses", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe analyse starten", Exact = true }).ClickAsync();
        await page.GetByLabel("Behoeften", new() { Exact = true }).FillAsync("Een veilige plek met structuur, traumabehandeling en weer naar school.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse opslaan", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Deze analyse ondertekenen zoals ze is", Exact = true }).ClickAsync();
        var analysis = page.Url;
        await SignOutAsync(page);
        await SignInAsync(page, "regie@demo.traject");
        await page.GotoAsync(analysis);
        await page.GetByRole(AriaRole.Button, new() { Name = "Deze analyse ondertekenen zoals ze is", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Deze analyse ondertekenen zoals ze is", Exact = true })).ToHaveCountAsync(0);

        // 4. Her registration: by date of birth only (asking consent now would harm the relationship).
        await page.GotoAsync(dossier + "/registration");
        await page.GetByLabel("Melden met alleen geboortedatum", new() { Exact = true }).CheckAsync();
        await page.GetByLabel(Suspected, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Seksuele uitbuiting", new() { Exact = true }).CheckAsync();
        await page.Locator("#dob-reason").FillAsync("Toestemming vragen aan de ouders zou het contact met haar nu schaden.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen", Exact = true }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Melden met alleen geboortedatum");

        // 5. The reporting code's weighing framework: a suspicion, no acute unsafety, help we give and she accepts.
        await page.GotoAsync(dossier + "/reporting-code");
        var answers = new[] { "ja", "nee", "ja", "ja", "ja" };
        for (var i = 0; i < answers.Length; i++)
        {
            var question = page.Locator("form fieldset").Nth(i);
            await question.GetByLabel(answers[i], new() { Exact = true }).CheckAsync();
            await question.GetByLabel("Toelichting", new() { Exact = true }).FillAsync($"Besproken in het team (vraag {i + 1}).");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Afweging vastleggen", Exact = true }).ClickAsync();
        await Expect(Section(page, "Eerdere afwegingen")).ToContainTextAsync("Rik Regie (demo)");

        // 6. Safety: no concerns on any item, the level the rules suggest.
        await page.GotoAsync(dossier + "/safety");
        var concerns = page.Locator("select[id^='concern-']");
        for (var i = 0; i < await concerns.CountAsync(); i++)
        {
            await concerns.Nth(i).SelectOptionAsync(new SelectOptionValue { Label = "geen" });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Taxatie vastleggen", Exact = true }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Voorgesteld niveau");

        // 7. Matched care: Veilig Lima (with a reason when it is not the recommendation), then the placement it leads to.
        await page.GotoAsync(dossier + "/recommendation");
        var ranking = page.Locator("ol.ranking > li");
        var names = await ranking.Locator("strong").AllInnerTextsAsync();
        var lima = names.ToList().FindIndex(n => n.Contains("Veilig Lima", StringComparison.Ordinal));
        Assert.True(lima >= 0, "Veilig Lima is ranked: " + string.Join(", ", names));
        await ranking.Nth(lima).GetByRole(AriaRole.Radio).CheckAsync();
        if (lima > 0)
        {
            await page.GetByLabel("Reden om tegen het advies in te kiezen", new() { Exact = true })
                .SelectOptionAsync(new SelectOptionValue { Label = "Wens van de jongere" });
            await page.GetByLabel("Toelichting (minstens 20 tekens)", new() { Exact = true }).FillAsync("Zij wil in de groep met meiden van haar leeftijd.");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Keuze vastleggen", Exact = true }).ClickAsync();
        await Expect(page.Locator(".current-choice")).ToContainTextAsync("Veilig Lima");
        await page.GotoAsync(dossier + "/placements");
        await Section(page, "Plaatsingen").GetByRole(AriaRole.Link, new() { Name = "Plaatsing starten", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Zorgprogramma", new() { Exact = true }).Locator("option:checked")).ToContainTextAsync("Veilig Lima");
        await page.GetByLabel("Organisatie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Demo Jeugdzorg Noord" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Plaatsing starten", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(dossier) + "/placements/[0-9a-fA-F-]{36}$"));
        var placement = page.Url;
        await browser.CheckAccessibilityAsync(page);

        // 8. Six months later care ends: the aftercare plan first (the mentor is her trusted professional), then the end of
        // the placement moves her into aftercare by itself and plans the four follow-up contacts for the mentor.
        app.Clock.MoveForward(TimeSpan.FromDays(182));
        await SignInAsync(page, "regie@demo.traject");
        await page.GotoAsync(dossier + "/aftercare");
        await page.GetByLabel("Duur in maanden", new() { Exact = true }).FillAsync("6");
        await page.GetByLabel("Contact", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Om de week" });
        await page.GetByLabel("Vertrouwde professional", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Mentor });
        await page.GetByLabel("Studiefinanciering", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nazorgplan opslaan", Exact = true }).ClickAsync();
        await Expect(Section(page, "Nazorgplan")).ToContainTextAsync("Mira Mentor (demo)");
        await page.GotoAsync(placement);
        await page.Locator("#End_Reason").SelectOptionAsync(new SelectOptionValue { Label = "afgerond" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Plaatsing beëindigen", Exact = true }).ClickAsync();
        var endOfCare = app.Clock.Today();
        await page.GotoAsync(dossier);
        await Expect(page.Locator("span.status").First).ToHaveTextAsync("Nazorg");
        await OpenSectionAsync(page, dossier, "Tijdlijn", "timeline");
        await Expect(Timeline(page).Filter(new() { HasText = "Status vanzelf gewijzigd van Actief naar Nazorg" })).ToHaveCountAsync(1);
        await OpenSectionAsync(page, dossier, "Taken", "tasks");
        var followUps = Section(page, "Taken").GetByRole(AriaRole.Row).Filter(new() { HasText = "Vervolgcontact na de zorg" });
        await Expect(followUps).ToHaveCountAsync(4);
        await Expect(followUps.First).ToContainTextAsync("Mira Mentor (demo)");

        // 9. Closing now is refused, with every reason and its link.
        await OpenSectionAsync(page, dossier, "Zorgteam en status", "team");
        await page.GetByLabel("Nieuwe status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Afgesloten" });
        await page.Locator("#StatusChange_Reason").FillAsync("Het gaat goed met haar.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Status wijzigen", Exact = true }).ClickAsync();
        await Expect(page.Locator("ul.reasons")).ToContainTextAsync("Het nazorgplan loopt tot");
        await Expect(page.Locator("span.status").First).ToHaveTextAsync("Nazorg");
        await browser.CheckAccessibilityAsync(page);

        // 10. Time passes: at each contact the mentor finds her under "Follow-ups I keep" and records how she is doing.
        foreach (var months in new[] { 3, 6, 12, 24 })
        {
            var due = endOfCare.AddMonths(months);
            app.Clock.MoveForward(TimeSpan.FromDays(due.DayNumber - app.Clock.Today().DayNumber));
            await SignInAsync(page, "mentor@demo.traject");
            var kept = Section(page, "Vervolgcontacten die ik houd").GetByRole(AriaRole.Row).Filter(new() { HasText = "Lies Levensloopproef" });
            await Expect(kept).ToContainTextAsync(Date(due));
            await kept.GetByRole(AriaRole.Link, new() { Name = "nu vastleggen", Exact = true }).ClickAsync();
            var row = Section(page, "Vervolgcontacten").GetByRole(AriaRole.Row).Filter(new() { HasText = Date(due) });
            await row.GetByLabel($"Uitkomst ({months} maanden)", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Stabiel" });
            await row.GetByLabel($"Notitie ({months} maanden)", new() { Exact = true }).FillAsync($"Na {months} maanden: woont thuis, gaat naar school.");
            await row.GetByRole(AriaRole.Button).ClickAsync();
            await Expect(Section(page, "Vervolgcontacten").GetByRole(AriaRole.Row).Filter(new() { HasText = Date(due) })).ToContainTextAsync("Stabiel");
            if (months == 3)
            {
                await browser.CheckAccessibilityAsync(page);
            }

            await SignOutAsync(page);
        }

        // 11. The aftercare is over and every follow-up made: the coordinator closes the trajectory.
        await SignInAsync(page, "regie@demo.traject");
        await page.GotoAsync(dossier + "/team");
        await page.GetByLabel("Nieuwe status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Afgesloten" });
        await page.Locator("#StatusChange_Reason").FillAsync("Twee jaar na de zorg gaat het goed met haar; alle vervolgcontacten zijn gedaan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Status wijzigen", Exact = true }).ClickAsync();
        await Expect(page.Locator("span.status").First).ToHaveTextAsync("Afgesloten");
        await Expect(page.Locator("ul.reasons")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Status wijzigen", Exact = true })).ToHaveCountAsync(0);
        await browser.CheckAccessibilityAsync(page);

        // Her mentor keeps nothing any more: the dossier and its follow-up part are out of her scope.
        await SignOutAsync(page);
        await SignInAsync(page, "mentor@demo.traject");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vervolgcontacten die ik houd", Exact = true })).ToHaveCountAsync(1); // the demo's others
        await Expect(page.GetByRole(AriaRole.Main).GetByText("Lies Levensloopproef")).ToHaveCountAsync(0);
        Assert.Equal(404, (await page.GotoAsync(dossier + "/aftercare"))!.Status);
    }

    /// <summary>
    /// Signs in (again: moving the clock months ahead ends every session). The journey signs in more often than a person
    /// would in a minute, so a login refused by the rate limit (429) waits for the next window and tries again.
    /// </summary>
    private async Task SignInAsync(IPage page, string email)
    {
        for (var attempt = 1; ; attempt++)
        {
            var shown = await page.GotoAsync(JourneyBrowser.LoginPath);
            if (shown!.Status != 429 && !page.Url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase))
            {
                await SignOutAsync(page);
                shown = await page.GotoAsync(JourneyBrowser.LoginPath);
            }

            var limited = shown!.Status == 429;
            if (!limited)
            {
                var posted = await page.RunAndWaitForResponseAsync(() => JourneyBrowser.SubmitLoginAsync(page, email, Password),
                    r => r.Request.Method == "POST" && r.Url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
                limited = posted.Status == 429;
            }

            if (!limited)
            {
                break;
            }

            Assert.True(attempt < 3, "Login refused by the rate limit three times.");
            output.WriteLine($"Login rate limit reached; waiting for the next window (attempt {attempt}).");
            await Task.Delay(TimeSpan.FromSeconds(61));
        }

        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
    }

    private static Task SignOutAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true }).ClickAsync();


    private static ILocator Timeline(IPage page) => Section(page, "Tijdlijn").GetByRole(AriaRole.Listitem);

}
