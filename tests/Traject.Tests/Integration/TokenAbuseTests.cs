using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;

namespace Traject.Tests.Integration;

/// <summary>
/// Stolen, forged, expired and outlived credentials, and another organisation's ids: each attempt fails and changes
/// nothing.
/// </summary>
public abstract class TokenAbuseTests(TrajectFixture f)
{
    private const string Password = "een lang en geheim test wachtwoord";
    private const string NewPassword = "een ander lang test wachtwoord";

    private async Task<HttpClient> BrowserAsync(string email, string password = Demo.Password, string? code = null)
    {
        var client = f.CreateClient();
        using var login = code is null ? await Browser.LoginAsync(client, email, password) : await Browser.LoginAsync(client, email, password, code);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    /// <summary>Everything a change to this trajectory could touch, as one comparable text.</summary>
    private Task<string> FingerprintAsync(Guid trajectoryId) => f.WithDbAsync(async db =>
    {
        var trajectory = await db.Trajectories.AsNoTracking().Where(t => t.Id == trajectoryId)
            .Select(t => new { t.Version, t.Status, t.CoordinatorId, t.YoungPersonId, t.ClosedAt }).SingleAsync();
        var person = await db.YoungPeople.AsNoTracking().Where(y => y.Id == trajectory.YoungPersonId)
            .Select(y => new { y.Version, y.GivenName, y.FamilyName, y.Municipality }).SingleAsync();
        var members = await db.CareTeamMemberships.AsNoTracking().Where(m => m.TrajectoryId == trajectoryId).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Version, m.ProfessionalId, m.To, m.EndedAt }).ToListAsync();
        var tasks = await db.CareTasks.AsNoTracking().Where(t => t.TrajectoryId == trajectoryId).OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Version, t.OwnerId, t.DueOn, t.CompletedAt }).ToListAsync();
        var events = await db.TimelineEvents.CountAsync(e => e.TrajectoryId == trajectoryId);
        var weighings = await db.ReportingCodeWeighings.CountAsync(w => w.TrajectoryId == trajectoryId);
        var trajectories = await db.Trajectories.CountAsync(t => t.YoungPersonId == trajectory.YoungPersonId);
        var emergencies = await db.EmergencyAccesses.CountAsync(e => e.TrajectoryId == trajectoryId);
        return JsonSerializer.Serialize(new { trajectory, person, members, tasks, events, weighings, trajectories, emergencies });
    });

    [SkippableFact]
    public async Task A_page_post_without_or_with_a_forged_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var api = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(api, f.Clock);
        var dossier = $"/trajectories/{person.TrajectoryId}";
        var before = await FingerprintAsync(person.TrajectoryId);

        using var regie = await BrowserAsync(Demo.Regie);
        using var mentor = await BrowserAsync(Demo.Mentor);
        var (action, values) = await Browser.FormAsync(regie, $"{dossier}/team",
            new Dictionary<string, string> { ["StatusChange.Status"] = "Active", ["StatusChange.Reason"] = "Hulp gestart." });
        var (_, mentorsForm) = await Browser.FormAsync(mentor, "/Account/Security", new Dictionary<string, string> { ["NewPassword"] = "" });
        using var anonymous = f.CreateClient();
        var (_, anonymousForm) = await Browser.FormAsync(anonymous, "/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "" });
        var real = values["__RequestVerificationToken"];
        var tokens = new Dictionary<string, string?>
        {
            ["absent"] = null,
            ["empty"] = string.Empty,
            ["made up"] = "CfDJ8" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('='),
            ["altered"] = real[..^6] + (real[^6] == 'A' ? 'B' : 'A') + real[^5..],
            ["another professional's"] = mentorsForm["__RequestVerificationToken"],
            ["an anonymous visitor's"] = anonymousForm["__RequestVerificationToken"],
        };
        foreach (var (name, token) in tokens)
        {
            var form = new Dictionary<string, string>(values);
            if (token is null)
            {
                form.Remove("__RequestVerificationToken");
            }
            else
            {
                form["__RequestVerificationToken"] = token;
            }

            using var content = new FormUrlEncodedContent(form);
            using var response = await regie.PostAsync(action, content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name} token: {(int)response.StatusCode}");
        }

        Assert.Equal(before, await FingerprintAsync(person.TrajectoryId));

        // The same form with the page's own token goes through: the refusals above were about the token alone.
        using (var content = new FormUrlEncodedContent(values))
        using (var accepted = await regie.PostAsync(action, content))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        Assert.NotEqual(before, await FingerprintAsync(person.TrajectoryId));
    }

    [SkippableFact]
    public async Task A_tampered_bearer_token_is_refused()
    {
        var token = await f.LoginAsync(Demo.Mentor);
        using (var genuine = Api.WithToken(f.CreateClient(), token))
        using (var ok = await genuine.GetAsync("/api/v1/trajectories"))
        {
            await ok.ExpectAsync(HttpStatusCode.OK);
        }

        var middle = token.Length / 2;
        var tampered = new Dictionary<string, string>
        {
            ["one character changed"] = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..],
            ["cut short"] = token[..^4],
            ["lengthened"] = token + "AAAA",
            ["first half only"] = token[..middle],
        };
        foreach (var (name, value) in tampered)
        {
            using var client = Api.WithToken(f.CreateClient(), value);
            using var response = await client.GetAsync("/api/v1/trajectories");
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {(int)response.StatusCode}");
            await response.ProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    [SkippableFact]
    public async Task A_bearer_token_past_its_lifetime_is_refused()
    {
        var token = await f.LoginAsync(Demo.Mentor);
        using var client = Api.WithToken(f.CreateClient(), token);
        f.Clock.Advance(TimeSpan.FromMinutes(19));
        using (var still = await client.GetAsync("/api/v1/trajectories"))
        {
            await still.ExpectAsync(HttpStatusCode.OK);
        }

        f.Clock.Advance(TimeSpan.FromMinutes(2)); // 21 minutes: past the 20 of an access token
        f.ForgetTokens();
        using var expired = await client.GetAsync("/api/v1/trajectories");
        await expired.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>A fresh professional with an authenticator, signed in on the web and by API (access and refresh token).</summary>
    private async Task<(string Key, HttpClient Browser, JsonNode Tokens)> SignedInAsync()
    {
        var email = await LoginTests.NewProfessionalAsync(f.Factory);
        var key = await Authenticator.EnrolAsync(f.Factory, email);
        using var anonymous = f.CreateClient();
        using var login = await LoginTests.PostLoginAsync(anonymous, email, Password, twoFactorCode: Authenticator.Next(key, f.Clock));
        var tokens = JsonNode.Parse(await login.ExpectAsync(HttpStatusCode.OK))!;
        var browser = await BrowserAsync(email, Password, Authenticator.Next(key, f.Clock));
        // The refresh token works to begin with, so the refusals below are caused by what happens in between.
        using var refreshed = await RefreshAsync(tokens);
        return (key, browser, JsonNode.Parse(await refreshed.ExpectAsync(HttpStatusCode.OK))!);
    }

    private async Task<HttpResponseMessage> RefreshAsync(JsonNode tokens)
    {
        using var client = f.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/refresh")
        {
            Content = JsonContent.Create(new { refreshToken = (string?)tokens["refreshToken"] }),
        };
        request.Headers.Add(TrajectFactory.ClientAddressHeader, $"198.19.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        return await client.SendAsync(request);
    }

    private async Task AssertRefusedAsync(JsonNode tokens)
    {
        using (var refresh = await RefreshAsync(tokens))
        {
            await refresh.ProblemAsync(HttpStatusCode.Unauthorized);
        }

        using var api = Api.WithToken(f.CreateClient(), (string)tokens["accessToken"]!);
        using var call = await api.GetAsync("/api/v1/trajectories");
        await call.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task A_refresh_token_is_refused_after_log_out_everywhere()
    {
        var (_, browser, tokens) = await SignedInAsync();
        using (browser)
        {
            using var page = await browser.GetAsync("/Account/Security");
            var form = (await Browser.ParseAsync(page)).Forms.Single(x => x.GetAttribute("action")!.Contains("LogoutEverywhere", StringComparison.Ordinal));
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
            });
            using var everywhere = await browser.PostAsync(form.GetAttribute("action"), content);
            Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        }

        await AssertRefusedAsync(tokens);
    }

    [SkippableFact]
    public async Task A_refresh_token_is_refused_after_a_password_change()
    {
        var (_, browser, tokens) = await SignedInAsync();
        using (browser)
        using (var changed = await Browser.SubmitAsync(browser, "/Account/Security", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Password, ["NewPassword"] = NewPassword,
        }))
        {
            await changed.ExpectAsync(HttpStatusCode.OK);
            Assert.NotNull((await Browser.ParseAsync(changed)).QuerySelector(".notice"));
        }

        await AssertRefusedAsync(tokens);
    }

    [SkippableFact]
    public async Task Another_organisations_ids_are_not_found_and_change_nothing()
    {
        // Regie's young person at Demo Jeugdzorg Noord, with Mentor in her team and the screening task.
        using var regie = await f.ClientAsync(Demo.Regie);
        var theirs = await Dossiers.RegisterAsync(regie, f.Clock);
        var membership = await Dossiers.AddMemberAsync(regie, theirs.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        var detail = await Dossiers.DetailAsync(regie, theirs.TrajectoryId);
        var task = await f.WithDbAsync(db => db.CareTasks.AsNoTracking().SingleAsync(t => t.TrajectoryId == theirs.TrajectoryId));
        var personVersion = await f.WithDbAsync(db => db.YoungPeople.Where(y => y.Id == theirs.YoungPersonId).Select(y => y.Version).SingleAsync());

        // Wijkteam, of Demo Wijkteam Zuid, with a young person of her own.
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        var own = await Dossiers.RegisterAsync(wijkteam, f.Clock);
        var before = await FingerprintAsync(theirs.TrajectoryId);
        var ownBefore = await FingerprintAsync(own.TrajectoryId);

        var t = $"/api/v1/trajectories/{theirs.TrajectoryId}";
        var mine = $"/api/v1/trajectories/{own.TrajectoryId}";
        var y = $"/api/v1/young-people/{theirs.Pseudonym}";
        var personBody = Dossiers.NewPerson(f.Clock, "Overgenomen");
        personBody["version"] = personVersion;
        var attempts = new (string Method, string Url, object? Body)[]
        {
            ("GET", t, null),
            ("GET", $"{t}/timeline", null),
            ("GET", $"{t}/tasks", null),
            ("GET", $"{t}/reporting-code", null),
            ("POST", $"{t}/status", new { status = "Active", version = detail.Version }),
            ("PUT", $"{t}/coordinator", new { professionalId = f.Ids.User(Demo.Wijkteam), version = detail.Version }),
            ("POST", $"{t}/care-team", new { professionalId = f.Ids.User(Demo.Wijkteam), role = "NeighbourhoodTeam" }),
            ("POST", $"{t}/care-team/{membership.Id}/end", new { version = membership.Version }),
            ("POST", $"{t}/tasks/{task.Id}/done", new { version = task.Version }),
            ("PUT", $"{t}/tasks/{task.Id}", new { ownerId = f.Ids.User(Demo.Wijkteam), dueOn = f.Clock.Today().AddDays(3), version = task.Version }),
            ("POST", $"{t}/reporting-code", new { answers = new[] { new { answer = true, explanation = "Signalen gezien." } } }),
            ("GET", y, null),
            ("PUT", y, personBody),
            ("GET", $"{y}/access-log", null),
            ("POST", $"{y}/trajectories", new { }),
            // Her own trajectory in the URL does not make another trajectory's membership or task reachable.
            ("POST", $"{mine}/care-team/{membership.Id}/end", new { version = membership.Version }),
            ("POST", $"{mine}/tasks/{task.Id}/done", new { version = task.Version }),
            ("PUT", $"{mine}/tasks/{task.Id}", new { ownerId = f.Ids.User(Demo.Wijkteam), dueOn = f.Clock.Today().AddDays(3), version = task.Version }),
        };
        foreach (var (method, url, body) in attempts)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = body is null ? null : JsonContent.Create(body, options: Api.Json),
            };
            using var response = await wijkteam.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url}: {(int)response.StatusCode}");
            await response.ProblemAsync(HttpStatusCode.NotFound);
        }

        // The same through the pages, with her own cookie and antiforgery token.
        using var browser = await BrowserAsync(Demo.Wijkteam);
        var (_, ownForm) = await Browser.FormAsync(browser, $"/trajectories/{own.TrajectoryId}/team", new Dictionary<string, string> { ["StatusChange.Status"] = "Active" });
        var token = ownForm["__RequestVerificationToken"];
        var pages = new (string Url, Dictionary<string, string> Form)[]
        {
            ($"/trajectories/{theirs.TrajectoryId}/team?handler=Status", new() { ["StatusChange.Status"] = "Active", ["StatusChange.Version"] = $"{detail.Version}" }),
            ($"/trajectories/{theirs.TrajectoryId}/tasks?handler=TaskDone", new() { ["taskId"] = $"{task.Id}", ["version"] = $"{task.Version}" }),
            ($"/trajectories/{own.TrajectoryId}/team?handler=EndMember", new() { ["membershipId"] = $"{membership.Id}", ["version"] = $"{membership.Version}" }),
            ($"/trajectories/{own.TrajectoryId}/tasks?handler=TaskDone", new() { ["taskId"] = $"{task.Id}", ["version"] = $"{task.Version}" }),
            ($"/trajectories/{own.TrajectoryId}/tasks?handler=PlanTask", new()
            {
                ["taskId"] = $"{task.Id}", ["ownerId"] = $"{f.Ids.User(Demo.Wijkteam)}", ["dueOn"] = f.Clock.Today().AddDays(3).ToString("yyyy-MM-dd", null),
                ["version"] = $"{task.Version}",
            }),
            ($"/young-people/{theirs.Pseudonym}/edit", new() { ["Input.GivenName"] = "Overgenomen", ["Input.Version"] = $"{personVersion}" }),
            ($"/trajectories/{theirs.TrajectoryId}/reporting-code", new() { ["Answers[0].Answer"] = "yes", ["Answers[0].Explanation"] = "Signalen gezien." }),
        };
        foreach (var (url, form) in pages)
        {
            form["__RequestVerificationToken"] = token;
            using var content = new FormUrlEncodedContent(form);
            using var response = await browser.PostAsync(url, content);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url}: {(int)response.StatusCode}");
        }

        Assert.Equal(before, await FingerprintAsync(theirs.TrajectoryId));
        Assert.Equal(ownBefore, await FingerprintAsync(own.TrajectoryId));
    }

    [SkippableFact]
    public async Task A_cookie_copied_before_a_plain_log_out_is_refused_while_her_other_session_goes_on()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist" });
        var dossier = $"/trajectories/{person.TrajectoryId}";

        using var owner = f.CreateClient();
        string copied;
        using (var login = await Browser.LoginAsync(owner, Demo.Gedrag))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            copied = string.Join("; ", login.Headers.GetValues("Set-Cookie")
                .Where(c => c.StartsWith("traject.auth", StringComparison.Ordinal)).Select(Browser.CookiePair));
        }

        using var other = await BrowserAsync(Demo.Gedrag);
        using var thief = f.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            HandleCookies = false, AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"),
        });
        thief.DefaultRequestHeaders.Add("Cookie", copied);
        using (var before = await thief.GetAsync(dossier))
        {
            await before.ExpectAsync(HttpStatusCode.OK); // the copy works as well as the original
        }

        using (var page = await owner.GetAsync("/"))
        {
            var form = (await Browser.ParseAsync(page)).Forms.Single(x => x.GetAttribute("action") == "/Account/Logout");
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
            });
            using var logout = await owner.PostAsync("/Account/Logout", content);
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        using (var after = await thief.GetAsync(dossier))
        {
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.Contains("/Account/Login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.DoesNotContain(person.Pseudonym, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var api = await f.ClientAsync(Demo.Gedrag))
        using (var call = await api.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}"))
        {
            await call.ExpectAsync(HttpStatusCode.OK); // her bearer token is another session
        }

        using var still = await other.GetAsync(dossier);
        await still.ExpectAsync(HttpStatusCode.OK);
    }
}

public sealed class TokenAbuseSqlite(SqliteFixture f) : TokenAbuseTests(f), IClassFixture<SqliteFixture>;

public sealed class TokenAbusePostgres(PostgresFixture f) : TokenAbuseTests(f), IClassFixture<PostgresFixture>;
