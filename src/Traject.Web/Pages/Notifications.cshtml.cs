using Traject.Web.Modules.Emergency;

namespace Traject.Web.Pages;

/// <summary>My notifications; opening the page marks them read.</summary>
internal sealed class NotificationsModel(EmergencyAccessService service) : AppPageModel
{
    public IReadOnlyList<NotificationView> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await service.NotificationsAsync(await ActorAsync(), markRead: true, HttpContext.RequestAborted);
}
