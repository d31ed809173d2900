using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Traject.BrowserTests;

/// <summary>Steps and places that many journeys share, in the words of the Dutch pages.</summary>
internal static partial class Journeys
{
    [GeneratedRegex("/trajectories/[0-9a-fA-F-]{36}$")]
    private static partial Regex DossierUrl();

    /// <summary>
    /// Registers a young person with the start page's button and form (date of birth as yyyy-MM-dd; the initial status
    /// as its Dutch label, or the form's default) and waits for her new dossier; returns its address.
    /// </summary>
    public static async Task<string> RegisterAsync(IPage page, string givenName, string familyName, string bornOn, string municipality,
        string? initialStatus = null, string gender = "Meisje", string nationality = "Nederlands")
    {
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Jongere registreren", Exact = true }).ClickAsync();
        if (initialStatus is not null)
        {
            await page.GetByLabel("Beginstatus", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = initialStatus });
        }

        await page.GetByLabel("Voornaam", new() { Exact = true }).FillAsync(givenName);
        await page.GetByLabel("Achternaam", new() { Exact = true }).FillAsync(familyName);
        await page.GetByLabel("Geboortedatum", new() { Exact = true }).FillAsync(bornOn);
        await page.GetByLabel("Gender", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = gender });
        await page.GetByLabel("Nationaliteit", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = nationality });
        await page.GetByLabel("Gemeente", new() { Exact = true }).FillAsync(municipality);
        await page.GetByRole(AriaRole.Button, new() { Name = "Registreren en traject openen", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(DossierUrl());
        return page.Url;
    }

    /// <summary>Records the signed-in professional's weighing of the open screening (participants, conclusion, reason).</summary>
    public static async Task WeighAsync(IPage page, string conclusion, string reason)
    {
        await page.GetByLabel("Deelnemers", new() { Exact = true }).FillAsync("Rik Regie, Guus Gedrag, Mira Mentor");
        await page.GetByLabel("Conclusie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = conclusion });
        await page.GetByLabel("Reden van afwijking", new() { Exact = true }).FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mijn weging vastleggen", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(WeighingUrl());
    }

    [GeneratedRegex("/screenings/[0-9a-fA-F-]{36}#weighing$")]
    private static partial Regex WeighingUrl();

    /// <summary>The smallest section headed by the given heading (an h2, or the h1 of a dossier section on a page of its own).</summary>
    public static ILocator Section(IPage page, string heading) =>
        page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) }).Last;

    /// <summary>The dossier's section navigation (ADR 0030).</summary>
    public static ILocator DossierNav(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Onderdelen van het dossier", Exact = true });

    /// <summary>Opens a section of the dossier through its navigation and waits for it.</summary>
    public static async Task OpenSectionAsync(IPage page, string dossier, string name, string path)
    {
        await DossierNav(page).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(dossier + "/" + path);
    }
}
