using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Traject.Web.Modules.Notifications;

internal sealed record NotificationView(Guid Id, DateTimeOffset CreatedAt, string Kind, string Message, string? Link, bool IsRead);

/// <summary>
/// The notifications module's small API: other modules send a message to professionals in the same unit of work as the
/// change it tells of; the recipient lists hers and marks them read. The message holds pseudonyms only. When e-mail is
/// set up, each message also waits in the outbox for an e-mail nudge (<see cref="EmailNudges"/>), sent outside the
/// caller's transaction.
/// </summary>
internal sealed class Notifier(TrajectDb db, TimeProvider time, IStringLocalizer<SharedResource> l, IOptions<EmailNudgeOptions> email)
{
    /// <summary>Adds one message per recipient (each once), saved with the caller's change.</summary>
    public void Notify(IEnumerable<Guid> recipients, string kind, string? link, string template, params object[] args)
    {
        var now = time.GetUtcNow();
        var message = Text.Encode(template, args);
        var emailState = email.Value.Enabled ? EmailStates.Pending : null;
        foreach (var recipient in recipients.Distinct())
        {
            db.Notifications.Add(new Notification { RecipientId = recipient, CreatedAt = now, Kind = kind, Link = link, Message = message, EmailState = emailState });
        }
    }

    /// <summary>Whether a message of one of these kinds with this link was sent to the recipient since the moment.</summary>
    public Task<DateTimeOffset?> LastSentAsync(Guid recipient, string link, IReadOnlyCollection<string> kinds, CancellationToken ct) =>
        db.Notifications.Where(n => n.RecipientId == recipient && n.Link == link && kinds.Contains(n.Kind))
            .MaxAsync(n => (DateTimeOffset?)n.CreatedAt, ct);

    /// <summary>The actor's latest 100 messages, newest first; <paramref name="markRead"/> marks the unread ones read.</summary>
    public async Task<List<NotificationView>> MineAsync(Actor actor, bool markRead, CancellationToken ct)
    {
        var rows = await db.Notifications.Where(n => n.RecipientId == actor.Id).OrderByDescending(n => n.CreatedAt).Take(100).ToListAsync(ct);
        var views = rows.Select(n => new NotificationView(n.Id, n.CreatedAt, n.Kind, l.Render(n.Message), n.Link, n.ReadAt is not null)).ToList();
        if (markRead && rows.Any(n => n.ReadAt is null))
        {
            foreach (var n in rows.Where(n => n.ReadAt is null))
            {
                n.ReadAt = time.GetUtcNow();
            }

            await db.SaveChangesAsync(ct);
        }

        return views;
    }

    /// <summary>Her unread messages, for the count in every page's header: one COUNT on the (recipient, read) index.</summary>
    public Task<int> UnreadAsync(Actor actor, CancellationToken ct) =>
        db.Notifications.CountAsync(n => n.RecipientId == actor.Id && n.ReadAt == null, ct);

    /// <summary>When a message of one of these kinds with this link was last sent to anyone, or null when none was.</summary>
    public async Task<DateTimeOffset?> LastSentToAnyoneAsync(string link, IReadOnlyCollection<string> kinds, CancellationToken ct) =>
        (await db.Notifications.Where(n => n.Link == link && kinds.Contains(n.Kind)).Select(n => n.CreatedAt).ToListAsync(ct))
            .Select(at => (DateTimeOffset?)at).Max();
}

/// <summary>In-app notifications: one table, written only through <see cref="Notifier"/>.</summary>
internal static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<EmailNudgeOptions>().Bind(config.GetSection(EmailNudgeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<Notifier>().AddScoped<NotificationSettings>().AddScoped<EmailNudges>()
            .AddSingleton<INudgeMailer, SmtpNudgeMailer>().AddHostedService<EmailNudgeJob>();
    }

    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        api.MapGet("/notifications", async (CurrentActor current, Notifier notifier, CancellationToken ct) =>
            TypedResults.Ok(await notifier.MineAsync(await current.RequireAsync(ct), markRead: false, ct)))
            .WithTags("Notifications").WithName("ListNotifications").WithSummary("My latest notifications, newest first");
        api.MapGet("/me/notification-settings", async (CurrentActor current, NotificationSettings settings, CancellationToken ct) =>
            TypedResults.Ok(await settings.MineAsync(await current.RequireAsync(ct), ct)))
            .WithTags("Notifications").WithName("GetMyNotificationSettings")
            .WithSummary("My notification settings: whether I get an e-mail (saying only that there is something new) and whether e-mail is set up");
        api.MapPut("/me/notification-settings", async (NotificationSettingsRequest body, CurrentActor current, NotificationSettings settings, CancellationToken ct) =>
            (await settings.ChangeAsync(await current.RequireAsync(ct), body, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Notifications").WithName("ChangeMyNotificationSettings")
            .WithSummary("Switch my e-mail nudges on or off (send the version read; 409 when stale or when e-mail is not set up)");
        return api;
    }
}
