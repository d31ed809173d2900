using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Modules.Auth;

namespace Traject.Tests.Integration;

/// <summary>The mandatory authenticator app: enrolment, codes, recovery codes, API login, and reset by an administrator.</summary>
public abstract class SecondFactorTests(TrajectFixture f)
{
    private const string Password = "een lang en geheim test wachtwoord";

    private async Task<Guid> IdAsync(string email) => await f.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task<List<string>> AuditAsync(Guid id) =>
        await f.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    [SkippableFact]
    public async Task A_professional_enrols_through_the_pages_and_then_logs_in_with_a_code_or_a_recovery_code_once()
    {
        var email = await LoginTests.NewProfessionalAsync(f.Factory);
        using var browser = f.CreateClient();

        // The right password leads to enrolment only: no session, no dossier.
        using (var login = await Browser.LoginAsync(browser, email, Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.Equal("/Account/Enrol", login.Headers.Location?.OriginalString);
            Assert.Null(Browser.SetCookie(login, "traject.auth"));
            Assert.NotNull(Browser.SetCookie(login, "traject.enrol"));
        }

        using (var home = await browser.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.StartsWith("/Account/Login", home.Headers.Location?.PathAndQuery ?? home.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        using var enrolPage = await browser.GetAsync("/Account/Enrol");
        var document = await Browser.ParseAsync(enrolPage);
        await enrolPage.ExpectAsync(HttpStatusCode.OK);
        var key = document.QuerySelector(".totp-key")!.TextContent;
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", key);
        Assert.StartsWith("data:image/png;base64,", document.QuerySelector("main img")!.GetAttribute("src"), StringComparison.Ordinal);

        var now = f.Clock.GetUtcNow();
        var wrongCode = Authenticator.Code(key, now.AddMinutes(10));
        using (var wrong = await Browser.SubmitAsync(browser, "/Account/Enrol", new Dictionary<string, string> { ["Code"] = wrongCode }))
        {
            var page = await Browser.ParseAsync(wrong);
            Assert.Empty(page.QuerySelectorAll(".recovery-codes li"));
            Assert.NotNull(page.QuerySelector(".totp-key"));
        }

        using var right = await Browser.SubmitAsync(browser, "/Account/Enrol", new Dictionary<string, string> { ["Code"] = Authenticator.Code(key, now) });
        var codes = (await Browser.ParseAsync(right)).QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);

        // Shown once: the enrolment page is gone.
        using (var again = await browser.GetAsync("/Account/Enrol"))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        // Now the password alone is not enough, by page or by API; a wrong code is refused.
        using (var passwordOnly = await Browser.LoginAsync(browser, email, Password))
        {
            Assert.Equal(HttpStatusCode.OK, passwordOnly.StatusCode);
            Assert.Null(Browser.SetCookie(passwordOnly, "traject.auth"));
            Assert.NotNull((await Browser.ParseAsync(passwordOnly)).QuerySelector("input[name='Input.TwoFactorCode']"));
        }

        using var api = f.CreateClient();
        using (var noCode = await LoginTests.PostLoginAsync(api, email, Password))
        {
            Assert.Equal("Second factor required", (string?)(await noCode.ProblemAsync(HttpStatusCode.Unauthorized))["title"]);
        }

        using (var badCode = await LoginTests.PostLoginAsync(api, email, Password, twoFactorCode: wrongCode))
        {
            Assert.Equal("Second factor failed", (string?)(await badCode.ProblemAsync(HttpStatusCode.Unauthorized))["title"]);
        }

        using (var withCode = await LoginTests.PostLoginAsync(api, email, Password, twoFactorCode: Authenticator.Next(key, f.Clock)))
        {
            await withCode.ExpectAsync(HttpStatusCode.OK);
        }

        using (var page = await Browser.LoginAsync(browser, email, Password, Authenticator.Next(key, f.Clock)))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.NotNull(Browser.SetCookie(page, "traject.auth"));
        }

        using (var home = await browser.GetAsync("/"))
        {
            await home.ExpectAsync(HttpStatusCode.OK);
        }

        // A recovery code works once.
        using (var recovery = await LoginTests.PostLoginAsync(api, email, Password, twoFactorCode: codes[3]))
        {
            await recovery.ExpectAsync(HttpStatusCode.OK);
        }

        using (var reused = await LoginTests.PostLoginAsync(api, email, Password, twoFactorCode: codes[3]))
        {
            Assert.Equal("Second factor failed", (string?)(await reused.ProblemAsync(HttpStatusCode.Unauthorized))["title"]);
        }

        var actions = await AuditAsync(await IdAsync(email));
        Assert.Contains(AuthAuditActions.EnrolmentRequired, actions);
        Assert.Contains(AuthAuditActions.SecondFactorEnrolled, actions);
        Assert.Contains(AuthAuditActions.SecondFactorFailed, actions);
        Assert.Single(actions, a => a == AuthAuditActions.RecoveryCodeUsed);
    }

    [SkippableFact]
    public async Task A_code_counts_once_even_inside_its_ninety_second_window()
    {
        var email = await LoginTests.NewProfessionalAsync(f.Factory);
        var key = await Authenticator.EnrolAsync(f.Factory, email);
        var code = Authenticator.Next(key, f.Clock);
        using var api = f.CreateClient();
        using (var first = await LoginTests.PostLoginAsync(api, email, Password, twoFactorCode: code))
        {
            await first.ExpectAsync(HttpStatusCode.OK);
        }

        // Twenty seconds later the code would still be inside the window, but it has been used: by API and by page.
        f.Clock.Advance(TimeSpan.FromSeconds(20));
        using (var replay = await LoginTests.PostLoginAsync(api, email, Password, twoFactorCode: code))
        {
            Assert.Equal("Second factor failed", (string?)(await replay.ProblemAsync(HttpStatusCode.Unauthorized))["title"]);
        }

        using var browser = f.CreateClient();
        using (var page = await Browser.LoginAsync(browser, email, Password, code))
        {
            Assert.Null(Browser.SetCookie(page, "traject.auth"));
            // The refused code is not written back into the form: she enters a new one (and her password) again.
            var field = (await Browser.ParseAsync(page)).QuerySelector("input[name='Input.TwoFactorCode']");
            Assert.NotNull(field);
            Assert.True(string.IsNullOrEmpty(field.GetAttribute("value")), $"the login page shows the refused code '{field.GetAttribute("value")}' again");
        }

        // The code of the next time step is new and works.
        using (var next = await LoginTests.PostLoginAsync(api, email, Password, twoFactorCode: Authenticator.Code(key, f.Clock.GetUtcNow().AddSeconds(30))))
        {
            await next.ExpectAsync(HttpStatusCode.OK);
        }
    }

    [SkippableFact]
    public async Task A_professional_who_has_not_enrolled_gets_no_token()
    {
        var email = await LoginTests.NewProfessionalAsync(f.Factory);
        using var api = f.CreateClient();
        using var response = await LoginTests.PostLoginAsync(api, email, Password, twoFactorCode: "123456");
        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Second factor not set up", (string?)problem["title"]);
        Assert.Contains("web app", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain("accessToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_administrator_reset_ends_her_sessions_and_tokens_and_she_enrols_again()
    {
        var email = await LoginTests.NewProfessionalAsync(f.Factory);
        var key = await Authenticator.EnrolAsync(f.Factory, email);
        var token = await Api.LoginAsync(f.Factory, email, Password, Authenticator.Next(key, f.Clock));
        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, email, Password, Authenticator.Next(key, f.Clock)))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var client = Api.WithToken(f.CreateClient(), token);
        using (var before = await client.GetAsync("/api/v1/trajectories"))
        {
            await before.ExpectAsync(HttpStatusCode.OK);
        }

        var id = await IdAsync(email);

        // Not for anyone but an administrator.
        using (var regie = await f.ClientAsync(Demo.Regie))
        using (var refused = await regie.PostAsync($"/api/v1/professionals/{id}/reset-second-factor", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var admin = await f.ClientAsync(Demo.Admin);
        using (var reset = await admin.PostAsync($"/api/v1/professionals/{id}/reset-second-factor", null))
        {
            await reset.ExpectAsync(HttpStatusCode.OK);
        }

        using (var after = await client.GetAsync("/api/v1/trajectories"))
        {
            await after.ProblemAsync(HttpStatusCode.Unauthorized);
        }

        using (var page = await browser.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        }

        // The old key no longer works; she is sent to enrol again.
        using var api = f.CreateClient();
        using (var old = await LoginTests.PostLoginAsync(api, email, Password, twoFactorCode: Authenticator.Next(key, f.Clock)))
        {
            Assert.Equal("Second factor not set up", (string?)(await old.ProblemAsync(HttpStatusCode.Unauthorized))["title"]);
        }

        using (var login = await Browser.LoginAsync(f.CreateClient(), email, Password))
        {
            Assert.Equal("/Account/Enrol", login.Headers.Location?.OriginalString);
        }

        var entry = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuthAuditActions.SecondFactorReset && a.EntityId == id));
        Assert.Equal(f.Ids.User(Demo.Admin), entry.ActorId);
    }
}

public sealed class SecondFactorSqlite(SqliteFixture f) : SecondFactorTests(f), IClassFixture<SqliteFixture>;

public sealed class SecondFactorPostgres(PostgresFixture f) : SecondFactorTests(f), IClassFixture<PostgresFixture>;
