using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;

namespace Traject.Tests.Integration;

/// <summary>Sessions: plain log-out, log out everywhere, password change, and the absolute 10-hour lifetime of a web session.</summary>
public abstract class SessionTests(TrajectFixture f)
{
    private const string Password = "een lang en geheim test wachtwoord";

    /// <summary>A fresh enrolled professional with one browser session and one bearer token.</summary>
    private async Task<(string Email, string Key, HttpClient Browser, HttpClient Api)> SignedInAsync()
    {
        var email = await LoginTests.NewProfessionalAsync(f.Factory);
        var key = await Authenticator.EnrolAsync(f.Factory, email);
        var token = await Api.LoginAsync(f.Factory, email, Password, Authenticator.Next(key, f.Clock));
        var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, email, Password, Authenticator.Next(key, f.Clock)))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var api = Api.WithToken(f.CreateClient(), token);
        await AssertSignedInAsync(browser, api);
        return (email, key, browser, api);
    }

    private static async Task AssertSignedInAsync(HttpClient browser, HttpClient api)
    {
        using (var page = await browser.GetAsync("/"))
        {
            await page.ExpectAsync(HttpStatusCode.OK);
        }

        using var call = await api.GetAsync("/api/v1/trajectories");
        await call.ExpectAsync(HttpStatusCode.OK);
    }

    private static async Task AssertSignedOutAsync(HttpClient browser, HttpClient? api)
    {
        using (var page = await browser.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        }

        if (api is not null)
        {
            using var call = await api.GetAsync("/api/v1/trajectories");
            await call.ProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    [SkippableFact]
    public async Task Log_out_everywhere_ends_every_cookie_and_bearer_token()
    {
        var (email, key, browser, api) = await SignedInAsync();
        using var other = f.CreateClient();
        using (var login = await Browser.LoginAsync(other, email, Password, Authenticator.Next(key, f.Clock)))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var page = await browser.GetAsync("/Account/Security");
        var form = (await Browser.ParseAsync(page)).Forms.Single(x => x.GetAttribute("action")!.Contains("LogoutEverywhere", StringComparison.Ordinal));
        var token = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var everywhere = await browser.PostAsync(form.GetAttribute("action"), content);
        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);

        await AssertSignedOutAsync(browser, api);
        await AssertSignedOutAsync(other, null);
        browser.Dispose();
        api.Dispose();
    }

    [SkippableFact]
    public async Task A_password_change_ends_other_sessions_and_keeps_this_one()
    {
        var (email, key, browser, api) = await SignedInAsync();
        using var other = f.CreateClient();
        using (var login = await Browser.LoginAsync(other, email, Password, Authenticator.Next(key, f.Clock)))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using (var wrong = await Browser.SubmitAsync(browser, "/Account/Security", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "niet het goede wachtwoord", ["NewPassword"] = "een nieuw lang wachtwoord",
        }))
        {
            await wrong.ExpectAsync(HttpStatusCode.OK);
            Assert.Null((await Browser.ParseAsync(wrong)).QuerySelector(".notice"));
        }

        using (var tooShort = await Browser.SubmitAsync(browser, "/Account/Security", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Password, ["NewPassword"] = "kort",
        }))
        {
            Assert.Null((await Browser.ParseAsync(tooShort)).QuerySelector(".notice"));
        }

        using (var changed = await Browser.SubmitAsync(browser, "/Account/Security", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Password, ["NewPassword"] = "een nieuw lang wachtwoord",
        }))
        {
            await changed.ExpectAsync(HttpStatusCode.OK);
            Assert.NotNull((await Browser.ParseAsync(changed)).QuerySelector(".notice"));
        }

        using (var still = await browser.GetAsync("/"))
        {
            await still.ExpectAsync(HttpStatusCode.OK);
        }

        await AssertSignedOutAsync(other, api);
        f.Clock.Advance(TimeSpan.FromSeconds(30));
        await Api.LoginAsync(f.Factory, email, "een nieuw lang wachtwoord", Authenticator.Next(key, f.Clock));
        browser.Dispose();
        api.Dispose();
    }

    /// <summary>Logs out through the form in the page header, as a person would.</summary>
    private static async Task LogOutAsync(HttpClient browser)
    {
        using var page = await browser.GetAsync("/");
        var form = (await Browser.ParseAsync(page)).Forms.Single(x => x.GetAttribute("action") == "/Account/Logout");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
        });
        using var logout = await browser.PostAsync("/Account/Logout", content);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
    }

    private Task<List<DateTimeOffset>> EndedSessionsAsync() =>
        f.WithDbAsync(db => db.EndedSessions.AsNoTracking().Select(s => s.ExpiresAt).ToListAsync());

    [SkippableFact]
    public async Task A_plain_log_out_is_remembered_until_the_session_would_have_ended_and_keeps_her_other_sessions()
    {
        var (email, key, browser, api) = await SignedInAsync();
        var signedIn = f.Clock.GetUtcNow();
        var earlier = await EndedSessionsAsync();

        // A password change signs this session in again as the same session: its log-out still ends it.
        using (var changed = await Browser.SubmitAsync(browser, "/Account/Security", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Password, ["NewPassword"] = "een nieuw lang wachtwoord",
        }))
        {
            await changed.ExpectAsync(HttpStatusCode.OK);
        }

        using var other = f.CreateClient();
        using (var login = await Browser.LoginAsync(other, email, "een nieuw lang wachtwoord", Authenticator.Next(key, f.Clock)))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        await LogOutAsync(browser);
        var ended = (await EndedSessionsAsync()).Except(earlier).ToList();
        Assert.Equal(signedIn + TimeSpan.FromHours(10), Assert.Single(ended));
        await AssertSignedOutAsync(browser, null);
        using (var still = await other.GetAsync("/"))
        {
            await still.ExpectAsync(HttpStatusCode.OK);
        }

        // Once its ten hours are over the row is not needed any more: the next log-out removes it.
        f.Clock.Advance(TimeSpan.FromHours(10) + TimeSpan.FromMinutes(1));
        f.ForgetTokens();
        using var later = f.CreateClient();
        using (var login = await Browser.LoginAsync(later, email, "een nieuw lang wachtwoord", Authenticator.Next(key, f.Clock)))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        await LogOutAsync(later);
        var now = f.Clock.GetUtcNow();
        var remaining = await EndedSessionsAsync();
        Assert.DoesNotContain(remaining, at => at < now);
        Assert.Contains(remaining, at => at > now + TimeSpan.FromHours(9));
        browser.Dispose();
        api.Dispose();
    }

    [SkippableFact]
    public async Task A_web_session_ends_ten_hours_after_sign_in_however_active()
    {
        var (_, _, browser, api) = await SignedInAsync();
        api.Dispose();
        // A request every 11 minutes keeps the 20-minute sliding cookie alive ...
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(9.8); elapsed += TimeSpan.FromMinutes(11))
        {
            f.Clock.Advance(TimeSpan.FromMinutes(11));
            using var page = await browser.GetAsync("/");
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"signed out after {elapsed}");
        }

        // ... but not past 10 hours after sign-in.
        f.Clock.Advance(TimeSpan.FromMinutes(15));
        f.ForgetTokens();
        await AssertSignedOutAsync(browser, null);
        browser.Dispose();
    }
}

public sealed class SessionSqlite(SqliteFixture f) : SessionTests(f), IClassFixture<SqliteFixture>;

public sealed class SessionPostgres(PostgresFixture f) : SessionTests(f), IClassFixture<PostgresFixture>;
