using System.Text.Json;
using Microsoft.Playwright;

namespace Traject.BrowserTests;

/// <summary>
/// axe-core (from the npm registry, installed into node_modules by the build) run inside a page: WCAG 2.1 A and AA rules.
/// </summary>
internal sealed class Axe
{
    private const string Run = """
        async () => {
            const result = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                resultTypes: ['violations'],
            });
            return result.violations.map(v =>
                `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
        }
        """;

    private readonly string _source;

    private Axe(string source) => _source = source;

    public static string ScriptPath => Path.Combine(TrajectAppFixture.RepositoryRoot(), "tests", "Traject.BrowserTests", "node_modules", "axe-core", "axe.min.js");

    /// <summary>The checker, or null when npm could not install it (a failure in CI).</summary>
    public static async Task<Axe?> LoadAsync()
    {
        if (File.Exists(ScriptPath))
        {
            return new Axe(await File.ReadAllTextAsync(ScriptPath));
        }

        if (Chromium.InCi)
        {
            Assert.Fail($"axe-core is missing at {ScriptPath}; the build installs it with 'npm ci' (package-lock.json).");
        }

        return null;
    }

    /// <summary>One line per violated rule, prefixed with the page's path.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, so the app's CSP (no inline script) does not block it.
        await page.EvaluateAsync(_source);
        var violations = await page.EvaluateAsync<JsonElement>(Run);
        var path = new Uri(page.Url).AbsolutePath;
        return [.. violations.EnumerateArray().Select(v => $"{path}: {v.GetString()}")];
    }
}
