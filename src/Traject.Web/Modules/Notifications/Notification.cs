
namespace Traject.Web.Modules.Notifications;

/// <summary>
/// An in-app message to one professional: a designated expert told of an emergency access, the people to inform of a
/// missing episode, a pooled signal to pick up. Written only through <see cref="Notifier"/>.
/// </summary>
internal sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RecipientId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string Kind { get; set; } = string.Empty;

    /// <summary>A stored message template with arguments (<see cref="Text.Encode"/>); pseudonyms only, no names.</summary>
    public string Message { get; set; } = string.Empty;

    public string? Link { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
