using Microsoft.Playwright;

namespace Traject.BrowserTests;

/// <summary>Debian's Chromium, never a browser downloaded by Playwright.</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips the test when Chromium is not installed; in CI (CI=true) that is a failure instead.</summary>
    public static void RequireOrSkip()
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }

        var reason = $"Chromium is not installed at {ExecutablePath} (Debian package 'chromium').";
        if (InCi)
        {
            Assert.Fail(reason + " In CI (CI=true) a skipped browser test counts as a failure.");
        }

        Skip.If(true, reason);
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        // Playwright's driver (Node, shipped in the NuGet package) must never fetch a browser of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
