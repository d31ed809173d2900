using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Traject.BrowserTests;

/// <summary>
/// What every journey needs: Debian's Chromium (launched as <see cref="Chromium"/> says), a fresh browser context for
/// each person taking part (her own cookies, Dutch locale), failed responses and browser errors written to the test
/// output, axe-core on the pages the journey checks, a screenshot of every open page when the journey fails, and the
/// login form. Start it with <see cref="StartAsync"/>, which skips the test when Chromium is missing (a failure in CI).
/// </summary>
internal sealed class JourneyBrowser : IAsyncDisposable
{
    public const string LoginPath = "/Account/Login";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _baseUrl;
    private readonly ITestOutputHelper _output;
    private readonly Axe? _axe;
    private readonly List<IPage> _pages = [];
    private readonly List<string> _accessibilityViolations = [];

    private JourneyBrowser(IPlaywright playwright, IBrowser browser, string baseUrl, ITestOutputHelper output, Axe? axe)
    {
        _playwright = playwright;
        _browser = browser;
        _baseUrl = baseUrl;
        _output = output;
        _axe = axe;
    }

    public static async Task<JourneyBrowser> StartAsync(TrajectAppFixture app, ITestOutputHelper output)
    {
        Chromium.RequireOrSkip();
        Assertions.SetDefaultExpectTimeout(15_000);
        var axe = await Axe.LoadAsync();
        if (axe is null)
        {
            output.WriteLine($"axe-core not found at {Axe.ScriptPath} (run 'npm ci' in tests/Traject.BrowserTests): no accessibility check.");
        }

        var (playwright, browser) = await Chromium.LaunchAsync();
        return new JourneyBrowser(playwright, browser, app.BaseUrl, output, axe);
    }

    /// <summary>A page in a new browser context: one person on her own device, sharing no cookies with the others.</summary>
    public async Task<IPage> NewPersonAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _baseUrl, Locale = "nl-NL" });
        // Generous: on a busy two-core machine a page that saves and redirects can take many seconds; a failure only waits longer.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _output.WriteLine($"browser console {message.Type} on {page.Url} ({message.Location}): {message.Text}");
            }
        };
        page.PageError += (_, error) => _output.WriteLine($"page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _output.WriteLine($"HTTP {response.Status} for {response.Request.Method} {response.Url}");
            }
        };
        _pages.Add(page);
        return page;
    }

    /// <summary>Runs the journey; when it fails, saves a screenshot of every page it opened and names them in the output.</summary>
    public async Task RunAsync(Func<Task> journey)
    {
        try
        {
            await journey();
        }
        catch
        {
            foreach (var (page, i) in _pages.Select((p, i) => (p, i)))
            {
                var failure = Path.Combine(Path.GetTempPath(), $"traject-journey-failure-{DateTime.UtcNow:yyyyMMddHHmmss}-{i}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = failure, FullPage = true });
                _output.WriteLine($"Failed at {page.Url}; screenshot: {failure}");
            }

            throw;
        }
    }

    /// <summary>Opens the login page, checks its accessibility, and submits the e-mail address and password.</summary>
    public async Task LogInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(LoginPath);
        await CheckAccessibilityAsync(page);
        await SubmitLoginAsync(page, email, password);
    }

    /// <summary>
    /// Fills the login page as it is shown and submits it: the e-mail address when given (the page keeps it after a
    /// refusal), the password, and the second-factor code when given (the field appears once the page asks for it).
    /// </summary>
    public static async Task SubmitLoginAsync(IPage page, string? email, string password, string? code = null)
    {
        if (email is not null)
        {
            await page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        }

        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(password);
        if (code is not null)
        {
            await SecondFactorField(page).FillAsync(code);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
    }

    /// <summary>The login page's field for the authenticator code or a recovery code.</summary>
    public static ILocator SecondFactorField(IPage page) =>
        page.GetByLabel("Code uit je authenticator-app (of een herstelcode)", new() { Exact = true });

    /// <summary>Runs axe-core on the page as it is now; violations are collected for <see cref="AssertAccessible"/>.</summary>
    public async Task CheckAccessibilityAsync(IPage page)
    {
        if (_axe is not null)
        {
            _accessibilityViolations.AddRange(await _axe.CheckAsync(page));
        }
    }

    public void AssertAccessible() =>
        Assert.True(_accessibilityViolations.Count == 0,
            "axe-core found accessibility violations (WCAG 2.1 A/AA):" + Environment.NewLine + string.Join(Environment.NewLine, _accessibilityViolations));

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync(); // closes every context with it
        _playwright.Dispose();
    }
}
