using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Traject.Web.Modules.Notifications;

internal sealed record NotificationView(Guid Id, DateTimeOffset CreatedAt, string Kind, string Message, string? Link, bool IsRead);

/// <summary>
/// The notifications module's small API: other modules send a message to professionals in the same unit of work as the
/// change it tells of; the recipient lists hers and marks them read. The message holds pseudonyms only.
/// </summary>
internal sealed class Notifier(TrajectDb db, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    /// <summary>Adds one message per recipient (each once), saved with the caller's change.</summary>
    public void Notify(IEnumerable<Guid> recipients, string kind, string? link, string template, params object[] args)
    {
        var now = time.GetUtcNow();
        var message = Text.Encode(template, args);
        foreach (var recipient in recipients.Distinct())
        {
            db.Notifications.Add(new Notification { RecipientId = recipient, CreatedAt = now, Kind = kind, Link = link, Message = message });
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
    public static IServiceCollection AddNotifications(this IServiceCollection services) => services.AddScoped<Notifier>();

    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        api.MapGet("/notifications", async (CurrentActor current, Notifier notifier, CancellationToken ct) =>
            TypedResults.Ok(await notifier.MineAsync(await current.RequireAsync(ct), markRead: false, ct)))
            .WithTags("Notifications").WithName("ListNotifications").WithSummary("My latest notifications, newest first");
        return api;
    }
}
