using Traject.Web.Modules.Notifications;

namespace Traject.Web.Pages;

/// <summary>My notifications; opening the page marks them read.</summary>
internal sealed class NotificationsModel(Notifier notifier) : AppPageModel
{
    public IReadOnlyList<NotificationView> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await notifier.MineAsync(await ActorAsync(), markRead: true, HttpContext.RequestAborted);
}
