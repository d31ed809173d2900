using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Notifications;

namespace Traject.Web.Pages;

/// <summary>My notifications; opening the page marks them read. Below them, whether I also get an e-mail nudge.</summary>
internal sealed class NotificationsModel(Notifier notifier, NotificationSettings settings) : AppPageModel
{
    public IReadOnlyList<NotificationView> Items { get; private set; } = [];

    public NotificationSettingsView Settings { get; private set; } = new(false, false, 0);

    public async Task OnGetAsync()
    {
        var actor = await ActorAsync();
        Items = await notifier.MineAsync(actor, markRead: true, HttpContext.RequestAborted);
        Settings = await settings.MineAsync(actor, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostSettingsAsync(bool emailNudges, long? version)
    {
        var actor = await ActorAsync();
        var result = await settings.ChangeAsync(actor, new NotificationSettingsRequest(emailNudges, version), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect("/notifications");
        }

        Items = await notifier.MineAsync(actor, markRead: false, HttpContext.RequestAborted);
        Settings = await settings.MineAsync(actor, HttpContext.RequestAborted);
        return Fail(result.Error!, Page);
    }
}
