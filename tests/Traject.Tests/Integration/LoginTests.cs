using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common.Access;
using Traject.Web.Common.Auditing;
using Traject.Web.Data.Seeding;
using Traject.Web.Modules.Auth;
using Traject.Web.Modules.Organisations;

namespace Traject.Tests.Integration;

/// <summary>POST /api/v1/auth/login and /refresh: failures, lockout, rate limit, refresh, and demo accounts outside Development.</summary>
public abstract class LoginTests(TrajectFixture f)
{
    private const string Password = "een lang en geheim test wachtwoord";

    internal static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string? address = null, string? twoFactorCode = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email, password, twoFactorCode }) };
        // Each call from its own address unless a test names one, so only the rate-limit test meets the limiter.
        request.Headers.Add(TrajectFactory.ClientAddressHeader, address ?? $"198.18.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");

        return await client.SendAsync(request);
    }

    /// <summary>A refresh from an address of its own, so the per-address limiter counts only the rate-limit test.</summary>
    private static async Task<HttpResponseMessage> PostRefreshAsync(HttpClient client, JsonNode tokens)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/refresh")
        {
            Content = JsonContent.Create(new { refreshToken = (string?)tokens["refreshToken"] }),
        };
        request.Headers.Add(TrajectFactory.ClientAddressHeader, $"198.19.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        return await client.SendAsync(request);
    }

    /// <summary>A professional of her own, so locking her out disturbs no other test.</summary>
    internal static async Task<string> NewProfessionalAsync(TrajectFactory host, string organisation = Demo.North)
    {
        var email = $"tester-{Guid.NewGuid():N}@example.org";
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Professional>>();
        var db = scope.ServiceProvider.GetRequiredService<Traject.Web.Data.TrajectDb>();
        var user = new Professional
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test Professional",
            OrganisationId = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync(),
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.YouthCareProfessional)).Succeeded);
        return email;
    }

    [SkippableFact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_401_problem()
    {
        using var client = f.CreateClient();
        using var wrong = await PostLoginAsync(client, Demo.Gedrag, "niet het goede wachtwoord");
        var wrongProblem = await wrong.ProblemAsync(HttpStatusCode.Unauthorized);
        using var unknown = await PostLoginAsync(client, "niemand@example.org", Demo.Password);
        var unknownProblem = await unknown.ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal((string?)wrongProblem["title"], (string?)unknownProblem["title"]);
        Assert.Equal((string?)wrongProblem["detail"], (string?)unknownProblem["detail"]);
        Assert.DoesNotContain("accessToken", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var failed = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuthAuditActions.LoginFailed && a.EntityId == f.Ids.User(Demo.Gedrag)).ToListAsync());
        Assert.NotEmpty(failed);
        Assert.All(failed, a => Assert.Equal(AuditOutcomes.Failed, a.Outcome));
    }

    [SkippableTheory]
    [InlineData("regie@demo.traject\u0000")]
    [InlineData("\u0000")]
    [InlineData("regie@demo.traject\u001F")]
    public async Task An_address_with_control_characters_is_an_ordinary_failed_login(string email)
    {
        using var client = f.CreateClient();
        using var response = await PostLoginAsync(client, System.Text.RegularExpressions.Regex.Unescape(email), Demo.Password);
        Assert.Equal("Login failed", (string?)(await response.ProblemAsync(HttpStatusCode.Unauthorized))["title"]);
    }

    [SkippableFact]
    public async Task Five_failures_lock_the_account_and_then_even_the_right_password_is_refused()
    {
        var email = await NewProfessionalAsync(f.Factory);
        using var client = f.CreateClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failure = await PostLoginAsync(client, email, "fout wachtwoord " + attempt);
            Assert.Equal("Login failed", (string?)(await failure.ProblemAsync(HttpStatusCode.Unauthorized))["title"]);
        }

        using (var fifth = await PostLoginAsync(client, email, "fout wachtwoord 5"))
        {
            Assert.Equal("Locked out", (string?)(await fifth.ProblemAsync(HttpStatusCode.Unauthorized))["title"]);
        }

        using var right = await PostLoginAsync(client, email, Password);
        Assert.Equal("Locked out", (string?)(await right.ProblemAsync(HttpStatusCode.Unauthorized))["title"]);
        Assert.DoesNotContain("accessToken", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_successful_login_is_audited_and_its_token_works()
    {
        var email = await NewProfessionalAsync(f.Factory);
        var key = await Authenticator.EnrolAsync(f.Factory, email);
        var token = await Api.LoginAsync(f.Factory, email, Password, Authenticator.Next(key, f.Clock));
        using var client = Api.WithToken(f.CreateClient(), token);
        using var response = await client.GetAsync("/api/v1/trajectories");
        await response.ExpectAsync(HttpStatusCode.OK);

        var id = await f.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var entry = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuthAuditActions.LoginSucceeded && a.EntityId == id));
        Assert.Equal(AuditOutcomes.Allowed, entry.Outcome);
        Assert.Equal("api", entry.Channel);
    }

    [SkippableFact]
    public async Task A_refresh_token_gives_a_new_access_token_and_garbage_does_not()
    {
        using var client = f.CreateClient();
        using var login = await PostLoginAsync(client, Demo.Mentor, Demo.Password);
        var tokens = JsonNode.Parse(await login.ExpectAsync(HttpStatusCode.OK))!;

        using var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = (string?)tokens["refreshToken"] });
        var fresh = JsonNode.Parse(await refreshed.ExpectAsync(HttpStatusCode.OK))!;
        Assert.False(string.IsNullOrEmpty((string?)fresh["accessToken"]));
        using var api = Api.WithToken(f.CreateClient(), (string)fresh["accessToken"]!);
        using (var list = await api.GetAsync("/api/v1/trajectories"))
        {
            await list.ExpectAsync(HttpStatusCode.OK);
        }

        using var garbage = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "bm90IGEgdG9rZW4" });
        await garbage.ProblemAsync(HttpStatusCode.Unauthorized);

        // An access token is not a refresh token.
        using var wrongKind = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = (string?)tokens["accessToken"] });
        await wrongKind.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Refreshing_never_stretches_a_session_past_ten_hours()
    {
        using var client = f.CreateClient();
        using var login = await PostLoginAsync(client, Demo.Mentor, Demo.Password);
        var tokens = JsonNode.Parse(await login.ExpectAsync(HttpStatusCode.OK))!;

        // A program that refreshes every 50 minutes keeps working up to the tenth hour...
        for (var i = 0; i < 11; i++)
        {
            f.Clock.Advance(TimeSpan.FromMinutes(50));
            using var refreshed = await PostRefreshAsync(client, tokens);
            tokens = JsonNode.Parse(await refreshed.ExpectAsync(HttpStatusCode.OK))!;
        }

        using var api = Api.WithToken(f.CreateClient(), (string)tokens["accessToken"]!);
        using (var inTime = await api.GetAsync("/api/v1/trajectories"))
        {
            await inTime.ExpectAsync(HttpStatusCode.OK);
        }

        // ...and not a minute longer: 9 h 10 min have passed; the access token from the last refresh would live until
        // 9 h 30 min, but the session ends at 10 h, and the refresh token cannot renew it.
        f.Clock.Advance(TimeSpan.FromMinutes(50));
        using (var late = await PostRefreshAsync(client, tokens))
        {
            await late.ProblemAsync(HttpStatusCode.Unauthorized);
        }

        using (var stale = await api.GetAsync("/api/v1/trajectories"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        }
    }

    [SkippableFact]
    public async Task An_access_token_refreshed_just_before_the_end_stops_at_the_end_of_the_session()
    {
        using var client = f.CreateClient();
        using var login = await PostLoginAsync(client, Demo.Mentor, Demo.Password);
        var tokens = JsonNode.Parse(await login.ExpectAsync(HttpStatusCode.OK))!;
        for (var i = 0; i < 12; i++)
        {
            f.Clock.Advance(TimeSpan.FromMinutes(49)); // 9 h 48 min after the last round
            using var refreshed = await PostRefreshAsync(client, tokens);
            tokens = JsonNode.Parse(await refreshed.ExpectAsync(HttpStatusCode.OK))!;
        }

        using var api = Api.WithToken(f.CreateClient(), (string)tokens["accessToken"]!);
        f.Clock.Advance(TimeSpan.FromMinutes(11)); // 9 h 59 min: the token, 11 minutes old, still counts
        using (var inTime = await api.GetAsync("/api/v1/trajectories"))
        {
            await inTime.ExpectAsync(HttpStatusCode.OK);
        }

        f.Clock.Advance(TimeSpan.FromMinutes(1)); // 10 h: the token is 12 minutes old, but the session is over
        using var stale = await api.GetAsync("/api/v1/trajectories");
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
    }

    [SkippableFact]
    public async Task Logins_are_rate_limited_per_client_address()
    {
        using var client = f.CreateClient();
        const string address = "203.0.113.7";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            using var response = await PostLoginAsync(client, $"niemand-{i}@example.org", "wat dan ook", address);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await response.ProblemAsync(HttpStatusCode.TooManyRequests);
            }
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[20]);

        using var elsewhere = await PostLoginAsync(client, "niemand@example.org", "wat dan ook", "203.0.113.8");
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
    }

    [SkippableFact]
    public async Task Logins_are_rate_limited_per_account_from_any_address()
    {
        using var client = f.CreateClient();
        var email = $"doelwit-{Guid.NewGuid():N}@example.org";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            // Each attempt from its own address, so only the per-account limiter can stop them.
            using var response = await PostLoginAsync(client, i % 2 == 0 ? email : email.ToUpperInvariant(), "wat dan ook", $"198.51.100.{i + 1}");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await response.ProblemAsync(HttpStatusCode.TooManyRequests);
            }
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[20]);

        using var otherAccount = await PostLoginAsync(client, "iemand-anders@example.org", "wat dan ook", "198.51.100.99");
        Assert.Equal(HttpStatusCode.Unauthorized, otherAccount.StatusCode);

        // The login page is limited by the same counter.
        using var browser = f.CreateClient();
        using var page = await Browser.LoginAsync(browser, email, "wat dan ook");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Null(Browser.SetCookie(page, "traject.auth"));
    }

    [SkippableFact]
    public async Task Demo_accounts_are_refused_outside_Development()
    {
        var database = await f.NewDatabaseAsync();
        var production = f.NewHost(database, environment: "Production");
        await using (var scope = production.Services.CreateAsyncScope())
        {
            // Production never seeds demo data by itself; put it there to prove the accounts are refused anyway.
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync());
        }

        using var client = production.CreateClient();
        foreach (var email in new[] { Demo.Regie, Demo.Admin, "REGIE@DEMO.TRAJECT" })
        {
            using var response = await PostLoginAsync(client, email, Demo.Password);
            Assert.Equal("Login failed", (string?)(await response.ProblemAsync(HttpStatusCode.Unauthorized))["title"]);
        }

        // The page refuses them too.
        using (var page = await Browser.LoginAsync(client, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Null(Browser.SetCookie(page, "traject.auth"));
        }

        // A real account logs in, by API and by page, with a Secure, HttpOnly, SameSite=Strict cookie.
        var email2 = await NewProfessionalAsync(production);
        var key = await Authenticator.EnrolAsync(production, email2);
        using (var ok = await PostLoginAsync(client, email2, Password, twoFactorCode: Authenticator.Next(key, f.Clock)))
        {
            await ok.ExpectAsync(HttpStatusCode.OK);
        }

        using var browser = production.CreateClient();
        using var login = await Browser.LoginAsync(browser, email2, Password, Authenticator.Next(key, f.Clock));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        HostTests.AssertStrictCookie(Browser.SetCookie(login, "traject.auth")!);
    }

    [SkippableFact]
    public async Task Production_sends_HSTS_and_Development_does_not()
    {
        var production = f.NewHost(await f.NewDatabaseAsync(), environment: "Production");
        using var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://traject.example"), AllowAutoRedirect = false,
        });
        using var response = await client.GetAsync("/health/live");
        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);

        using var development = f.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://traject.example"), AllowAutoRedirect = false,
        });
        using var dev = await development.GetAsync("/health/live");
        Assert.False(dev.Headers.Contains("Strict-Transport-Security"));
    }
}

public sealed class LoginSqlite(SqliteFixture f) : LoginTests(f), IClassFixture<SqliteFixture>;

public sealed class LoginPostgres(PostgresFixture f) : LoginTests(f), IClassFixture<PostgresFixture>;
