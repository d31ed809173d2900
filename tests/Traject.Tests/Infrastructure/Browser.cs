using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Traject.Tests.Infrastructure;

/// <summary>Reads pages and posts their forms as a browser without JavaScript would, with the antiforgery token.</summary>
internal static class Browser
{
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Fills the page's form (the first one whose fields include all given names) and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> fields,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        var (action, values) = await FormAsync(client, pageUrl, fields, extra);
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(action, content);
    }

    /// <summary>
    /// What a browser would post for the page's form (the first one whose fields include all given names), filled in,
    /// with the antiforgery token the page gave: its action and values.
    /// </summary>
    public static async Task<(string Action, Dictionary<string, string> Values)> FormAsync(HttpClient client, string pageUrl,
        IReadOnlyDictionary<string, string> fields, IReadOnlyDictionary<string, string>? extra = null)
    {
        using var page = await client.GetAsync(pageUrl);
        await page.ExpectAsync(HttpStatusCode.OK);
        var document = await ParseAsync(page);
        var form = document.Forms.FirstOrDefault(f => fields.Keys.All(name => f.Elements.OfType<IHtmlElement>().Any(e => e.GetAttribute("name") == name)))
            ?? throw new InvalidOperationException($"No form on {pageUrl} with fields {string.Join(", ", fields.Keys)}.");
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is not ("submit" or "button" or "checkbox" or "radio"))
            .ToDictionary(i => i.Name!, i => i.Value, StringComparer.Ordinal);
        foreach (var select in form.Elements.OfType<IHtmlSelectElement>().Where(x => !string.IsNullOrEmpty(x.Name)))
        {
            var chosen = select.SelectedOptions.Length > 0 ? select.SelectedOptions[0] : select.Options.Length > 0 ? select.Options[0] : null;
            values[select.Name!] = chosen?.Value ?? string.Empty;
        }

        Assert.True(values.ContainsKey("__RequestVerificationToken"), $"the form on {pageUrl} carries no antiforgery token");
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return (action, values);
    }

    /// <summary>Logs in through the real login page; the client keeps the auth cookie. Returns the login response.</summary>
    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password = Demo.Password) =>
        await SubmitAsync(FromOwnAddress(client), "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Logs in through the login page with a second-factor code (the field the page asks for after the password).</summary>
    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password, string twoFactorCode) =>
        await SubmitAsync(FromOwnAddress(client), "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }, new Dictionary<string, string> { ["Input.TwoFactorCode"] = twoFactorCode });

    /// <summary>
    /// Gives a browser its own client address (unless a test named one), as people log in from their own machines:
    /// the per-address login limit then meets only the tests about it, not a whole test class on one loopback address.
    /// </summary>
    private static HttpClient FromOwnAddress(HttpClient client)
    {
        if (!client.DefaultRequestHeaders.Contains(TrajectFactory.ClientAddressHeader))
        {
            client.DefaultRequestHeaders.Add(TrajectFactory.ClientAddressHeader, $"198.51.100.{Random.Shared.Next(1, 255)}");
        }

        return client;
    }

    /// <summary>The Set-Cookie header for a cookie of this name, or null.</summary>
    public static string? SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;

    /// <summary>The cookie's value as the browser would send it back (name=value).</summary>
    public static string CookiePair(string setCookie) => setCookie.Split(';')[0];
}
