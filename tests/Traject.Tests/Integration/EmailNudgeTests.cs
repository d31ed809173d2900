using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Data;
using Traject.Web.Modules.Notifications;

namespace Traject.Tests.Integration;

/// <summary>
/// E-mail nudges (ADR 0032) against a local SMTP sink: only for whoever asked for them, saying only that there is
/// something new, at most one per digest interval, retried when the server is down while the action that caused the
/// notification succeeds regardless; and the unread count in the header.
/// </summary>
public abstract class EmailNudgeTests(TrajectFixture f)
{
    private const string Reason = "Meisje meldt zich bij ons wijkteam en is acuut in gevaar.";

    [SkippableFact]
    public async Task A_professional_who_asked_gets_one_nudge_per_interval_that_names_nothing_and_it_is_retried_when_the_server_is_down()
    {
        await using var sink = new SmtpSink();
        await using var host = EmailHost(sink);
        using var aandacht = await ClientAsync(host, Demo.Aandacht);

        // Off by default; she switches it on for herself (a stale version is refused).
        var mine = await SettingsAsync(aandacht);
        Assert.False(mine.EmailNudges);
        Assert.True(mine.EmailAvailable);
        using (var on = await aandacht.PutJsonAsync("/api/v1/me/notification-settings", new { emailNudges = true, version = mine.Version }))
        {
            Assert.True((await on.ReadAsync<NotificationSettingsView>()).EmailNudges);
        }

        using (var stale = await aandacht.PutJsonAsync("/api/v1/me/notification-settings", new { emailNudges = false, version = mine.Version }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        using (var missing = await aandacht.PutJsonAsync("/api/v1/me/notification-settings", new { emailNudges = true }))
        {
            Assert.Contains("version", (await missing.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        // The mail server is down: breaking the glass (which tells her lead organisation's designated expert) still succeeds.
        sink.Down = true;
        var first = await BreakTheGlassAsync(host, "Nudgie");
        Assert.Equal(0, await SendDueAsync(host));
        Assert.Empty(sink.Messages);
        var setting = await f.WithDbAsync(db => db.NotificationSettings.AsNoTracking().SingleAsync(s => s.ProfessionalId == f.Ids.User(Demo.Aandacht)));
        Assert.Equal(1, setting.EmailFailures);
        Assert.NotNull(setting.EmailRetryAt);

        // Back up, but the retry waits its turn; then one nudge goes out.
        sink.Down = false;
        Assert.Equal(0, await SendDueAsync(host));
        f.Clock.Advance(setting.EmailRetryAt!.Value - f.Clock.GetUtcNow());
        Assert.Equal(1, await SendDueAsync(host));
        var mail = Assert.Single(sink.Messages);
        Assert.Equal([Demo.Aandacht], mail.To);
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data)));
        Assert.Equal(NudgeMail.Subject, message.Subject);
        var body = message.TextBody;
        Assert.Contains("https://traject.test/notifications", body, StringComparison.Ordinal);
        var raw = mail.Data + body;
        foreach (var secret in first.Secrets)
        {
            Assert.DoesNotContain(secret, raw, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(EmailStates.Sent, await StateAsync(first.Pseudonym));

        // Digest: two more notifications within the interval wait; after it, one nudge covers both.
        var second = await BreakTheGlassAsync(host, "Digestje");
        var third = await BreakTheGlassAsync(host, "Digestina");
        Assert.Equal(0, await SendDueAsync(host));
        Assert.Single(sink.Messages);
        f.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, await SendDueAsync(host));
        Assert.Equal(0, await SendDueAsync(host));
        Assert.Equal(2, sink.Messages.Count);
        Assert.Equal(EmailStates.Sent, await StateAsync(second.Pseudonym));
        Assert.Equal(EmailStates.Sent, await StateAsync(third.Pseudonym));

        // She switches it off: what arrives is kept in the app and no nudge goes out.
        f.Clock.Advance(TimeSpan.FromMinutes(16));
        using var later = await ClientAsync(host, Demo.Aandacht);
        var now = await SettingsAsync(later);
        using (var off = await later.PutJsonAsync("/api/v1/me/notification-settings", new { emailNudges = false, version = now.Version }))
        {
            Assert.False((await off.ReadAsync<NotificationSettingsView>()).EmailNudges);
        }

        var fourth = await BreakTheGlassAsync(host, "Stiltje");
        Assert.Equal(0, await SendDueAsync(host));
        Assert.Equal(2, sink.Messages.Count);
        Assert.Equal(EmailStates.Skipped, await StateAsync(fourth.Pseudonym));
    }

    [SkippableFact]
    public async Task Without_a_mail_server_nudges_cannot_be_switched_on_and_the_header_counts_unread_notifications()
    {
        using var mentor = await f.ClientAsync(Demo.Mentor);
        var mine = await SettingsAsync(mentor);
        Assert.False(mine.EmailAvailable);
        using (var on = await mentor.PutJsonAsync("/api/v1/me/notification-settings", new { emailNudges = true, version = mine.Version }))
        {
            await on.ProblemAsync(HttpStatusCode.Conflict);
        }

        // The header of any page says how many are unread, in words for screen readers too.
        var unread = await f.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientId == f.Ids.User(Demo.Mentor) && n.ReadAt == null));
        await using (var scope = f.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Notifier>().Notify([f.Ids.User(Demo.Mentor)], "test", null, "Notifications");
            await scope.ServiceProvider.GetRequiredService<TrajectDb>().SaveChangesAsync();
        }

        using var page = await mentor.GetAsync("/tasks");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"<span class=\"count\" aria-hidden=\"true\">{unread + 1}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"{unread + 1} ongelezen melding", html, StringComparison.Ordinal);
    }

    private sealed record Occasion(string Pseudonym, IReadOnlyList<string> Secrets);

    /// <summary>The fixture's app with e-mail set up against the sink; the nudge job is run by the test, never in the background.</summary>
    private WebApplicationFactory<Program> EmailHost(SmtpSink sink) => f.Factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Notifications:Email:Host", "127.0.0.1");
        b.UseSetting("Notifications:Email:Port", sink.Port.ToString(CultureInfo.InvariantCulture));
        b.UseSetting("Notifications:Email:Security", "None");
        b.UseSetting("Notifications:Email:From", "Traject <noreply@traject.test>");
        b.UseSetting("Notifications:Email:AppBaseUrl", "https://traject.test/");
        b.UseSetting("Notifications:Email:CheckEvery", "00:00:00");
        b.UseSetting("Notifications:Email:Timeout", "00:00:05");
    });

    private readonly Dictionary<string, (string Token, DateTimeOffset At)> _tokens = [];

    /// <summary>A client of the host with a token for this demo user, logged in once per user until the clock nears the token's end.</summary>
    private async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> host, string email)
    {
        if (!_tokens.TryGetValue(email, out var cached) || f.Clock.GetUtcNow() - cached.At > TimeSpan.FromMinutes(15))
        {
            cached = (await Api.LoginAsync(host, email), f.Clock.GetUtcNow());
            _tokens[email] = cached;
        }

        var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        return Api.WithToken(client, cached.Token);
    }

    private static async Task<NotificationSettingsView> SettingsAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/me/notification-settings");
        return await response.ReadAsync<NotificationSettingsView>();
    }

    /// <summary>Regie registers a young person; the neighbourhood team breaks the glass, which tells the designated expert.</summary>
    private async Task<Occasion> BreakTheGlassAsync(WebApplicationFactory<Program> host, string given)
    {
        given += Guid.NewGuid().ToString("N")[..5];
        var born = f.Clock.Today().AddYears(-15).AddDays(-11);
        using var regie = await ClientAsync(host, Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock, b =>
        {
            b["givenName"] = given;
            b["dateOfBirth"] = born;
        });
        using var wijkteam = await ClientAsync(host, Demo.Wijkteam);
        using var granted = await wijkteam.PostJsonAsync($"/api/v1/young-people/{person.Pseudonym}/emergency-access", new { reason = Reason });
        await granted.ExpectAsync(HttpStatusCode.Created);
        return new Occasion(person.Pseudonym,
        [
            given, "Proefpersoon", person.Pseudonym, "Demo Wijkteam", "wijkteam",
            born.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ]);
    }

    private static async Task<int> SendDueAsync(WebApplicationFactory<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EmailNudges>().SendDueAsync(CancellationToken.None);
    }

    private Task<string?> StateAsync(string pseudonym) => f.WithDbAsync(db => db.Notifications.AsNoTracking()
        .Where(n => n.RecipientId == f.Ids.User(Demo.Aandacht) && n.Message.Contains(pseudonym)).Select(n => n.EmailState).SingleAsync());
}

public sealed class EmailNudgeSqlite(SqliteFixture f) : EmailNudgeTests(f), IClassFixture<SqliteFixture>;

public sealed class EmailNudgePostgres(PostgresFixture f) : EmailNudgeTests(f), IClassFixture<PostgresFixture>;
