using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Traject.BrowserTests;

/// <summary>
/// The second factor end to end. The administrator adds a professional; at her first login she must set up an
/// authenticator app: she sees the QR code and the key as text, and the test's <see cref="AuthenticatorApp"/> reads the
/// key from the page and computes the codes (RFC 6238) as her phone would. Her recovery codes are shown once. She then
/// logs in with password and code, is refused a wrong code, and gets in once with a recovery code but not twice.
/// The demo accounts skip the second factor in Development only; she is not a demo account, so it is mandatory for her
/// here as in production.
/// </summary>
public sealed class SecondFactorJourneyTests(TrajectAppFixture app, ITestOutputHelper output) : IClassFixture<TrajectAppFixture>
{
    private const string Email = "tess.tweestap@jeugdzorg-noord.example";
    private const string Name = "Tess Tweestap (proef)";
    private const string Password = "Proef-wachtwoord-voor-Tess";

    // The login page's messages when it asks for the code, and when it refuses one.
    private const string CodeAsked = "Vul je wachtwoord nog een keer in, samen met de code uit je authenticator-app.";
    private const string CodeRefused =
        "De code klopt niet. Vul je wachtwoord nog een keer in, samen met de huidige code uit je authenticator-app of een herstelcode die je nog niet hebt gebruikt.";

    [SkippableFact]
    public async Task New_professional_sets_up_her_authenticator_app_and_logs_in_with_a_code_or_a_recovery_code_once()
    {
        await using var browser = await JourneyBrowser.StartAsync(app, output);
        var admin = await browser.NewPersonAsync();
        var tess = await browser.NewPersonAsync();
        await browser.RunAsync(() => Journey(browser, admin, tess));
    }

    // Login and enrolment requests are limited to 20 a minute per client address; this journey makes 17 of them.
    private async Task Journey(JourneyBrowser browser, IPage admin, IPage tess)
    {
        var professionalPage = await AdministratorAddsTess(browser, admin);

        // Her first login: the right password opens only the enrolment page.
        await browser.LogInAsync(tess, Email, Password);
        await Expect(tess).ToHaveURLAsync(app.BaseUrl + "/Account/Enrol");
        await Expect(tess.GetByRole(AriaRole.Heading, new() { Name = "Je authenticator-app instellen", Level = 1 })).ToBeVisibleAsync();
        var qr = tess.GetByRole(AriaRole.Img, new() { Name = "QR-code voor je authenticator-app", Exact = true });
        await Expect(qr).ToBeVisibleAsync();
        await Expect(qr).ToHaveAttributeAsync("src", new Regex("^data:image/png;base64,"));
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR code image did not load");
        await browser.CheckAccessibilityAsync(tess);

        var key = (await tess.GetByRole(AriaRole.Main).Locator("p", new() { HasText = "Sleutel:" }).Locator("code").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$", key);
        var phone = new AuthenticatorApp(key, TimeProvider.System);

        await tess.GetByLabel("Code uit je authenticator-app", new() { Exact = true }).FillAsync(phone.UseCurrentCode());
        await tess.GetByRole(AriaRole.Button, new() { Name = "Instellen", Exact = true }).ClickAsync();

        // The recovery codes, shown this once.
        await Expect(tess.GetByRole(AriaRole.Status)).ToHaveTextAsync("Je authenticator-app is ingesteld. Log opnieuw in met een code uit de app.");
        await Expect(tess.GetByRole(AriaRole.Heading, new() { Name = "Herstelcodes", Level = 2 })).ToBeVisibleAsync();
        var shown = tess.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem);
        await Expect(shown).ToHaveCountAsync(10);
        var recoveryCodes = (await shown.AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
        Assert.All(recoveryCodes, c => Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", c));
        Assert.Equal(10, recoveryCodes.Distinct(StringComparer.Ordinal).Count());
        await browser.CheckAccessibilityAsync(tess);

        // A reload (which sends the form again) does not show them again: the enrolment is over, so she is sent to log in.
        await tess.ReloadAsync();
        await Expect(tess).ToHaveURLAsync(app.BaseUrl + JourneyBrowser.LoginPath);
        await Expect(tess.GetByRole(AriaRole.Heading, new() { Name = "Herstelcodes" })).ToHaveCountAsync(0);
        Assert.DoesNotContain(recoveryCodes[0], await tess.ContentAsync(), StringComparison.Ordinal);

        // The administrator sees that her authenticator app is set up.
        await admin.GotoAsync(professionalPage);
        await Expect(admin.GetByText("Authenticator-app is ingesteld.", new() { Exact = true })).ToBeVisibleAsync();

        // Password and code: the page asks for the code after the password, then she is in.
        await JourneyBrowser.SubmitLoginAsync(tess, Email, Password);
        await ExpectLoginMessage(tess, CodeAsked);
        await browser.CheckAccessibilityAsync(tess);
        // The enrolment used this step's code, and a code counts once: she waits for the next one, as on her phone.
        await JourneyBrowser.SubmitLoginAsync(tess, email: null, Password, await phone.UseNextCodeAsync());
        await ExpectStartPage(tess);
        await LogOut(tess);

        // A wrong code is refused; the e-mail address stays, the password and the code are to be entered again.
        await JourneyBrowser.SubmitLoginAsync(tess, Email, Password);
        await ExpectLoginMessage(tess, CodeAsked);
        await JourneyBrowser.SubmitLoginAsync(tess, email: null, Password, phone.WrongCode());
        await ExpectLoginMessage(tess, CodeRefused);
        await Expect(tess.GetByLabel("E-mailadres", new() { Exact = true })).ToHaveValueAsync(Email);
        await Expect(tess.GetByLabel("Wachtwoord", new() { Exact = true })).ToHaveValueAsync("");
        await Expect(JourneyBrowser.SecondFactorField(tess)).ToHaveValueAsync("");
        await browser.CheckAccessibilityAsync(tess);

        // A recovery code instead of the code from the app: it works once.
        await JourneyBrowser.SubmitLoginAsync(tess, email: null, Password, recoveryCodes[0]);
        await ExpectStartPage(tess);
        await LogOut(tess);

        await JourneyBrowser.SubmitLoginAsync(tess, Email, Password);
        await ExpectLoginMessage(tess, CodeAsked);
        await JourneyBrowser.SubmitLoginAsync(tess, email: null, Password, recoveryCodes[0]);
        await ExpectLoginMessage(tess, CodeRefused);

        browser.AssertAccessible();
    }

    /// <summary>The administrator adds Tess as a youth-care professional; returns the address of her page in the administration.</summary>
    private async Task<string> AdministratorAddsTess(JourneyBrowser browser, IPage admin)
    {
        await browser.LogInAsync(admin, "admin@demo.traject", "Demo!Traject2026");
        await Expect(admin).ToHaveURLAsync(app.BaseUrl + "/");
        await admin.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Professionals", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Nieuwe professional", Level = 2 })).ToBeVisibleAsync();

        await admin.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(Email);
        await admin.GetByLabel("Naam", new() { Exact = true }).FillAsync(Name);
        await admin.GetByLabel("Organisatie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Demo Jeugdzorg Noord" });
        await admin.GetByLabel("Jeugdzorgprofessional", new() { Exact = true }).CheckAsync();
        await admin.GetByLabel("Eerste wachtwoord (minstens 12 tekens)", new() { Exact = true }).FillAsync(Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();

        await Expect(admin).ToHaveURLAsync(app.BaseUrl + "/admin/professionals");
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = Email });
        await Expect(row).ToContainTextAsync("Demo Jeugdzorg Noord");
        await row.GetByRole(AriaRole.Link, new() { Name = Name, Exact = true }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/admin/professionals/[0-9a-fA-F-]{36}$"));
        await Expect(admin.GetByText("Authenticator-app is nog niet ingesteld.", new() { Exact = true })).ToBeVisibleAsync();
        return admin.Url;
    }

    /// <summary>Still on the login page, not logged in, with this message and the field for the code.</summary>
    private async Task ExpectLoginMessage(IPage page, string message)
    {
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(app.BaseUrl + JourneyBrowser.LoginPath)));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(message);
        await Expect(JourneyBrowser.SecondFactorField(page)).ToBeVisibleAsync();
    }

    private async Task ExpectStartPage(IPage page)
    {
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn jongeren", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync(Name);
    }

    private async Task LogOut(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + JourneyBrowser.LoginPath);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" })).ToHaveCountAsync(0);
    }
}
