
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

    /// <summary>
    /// The notification as the e-mail outbox (docs/adr/0032): null when no e-mail is set up, else one of
    /// <see cref="EmailStates"/>. Only a nudge goes out ("something new in Traject"), never the message.
    /// </summary>
    public string? EmailState { get; set; }

    /// <summary>When the nudge that covered this notification went out.</summary>
    public DateTimeOffset? EmailedAt { get; set; }
}

/// <summary>Where a notification stands as the e-mail outbox.</summary>
internal static class EmailStates
{
    /// <summary>Waiting for the next nudge to its recipient.</summary>
    public const string Pending = "pending";

    /// <summary>Covered by a nudge that went out.</summary>
    public const string Sent = "sent";

    /// <summary>No nudge: the recipient has not asked for them, or read it in the app first.</summary>
    public const string Skipped = "skipped";

    /// <summary>Every attempt to send its nudge failed; it stays in the app.</summary>
    public const string Failed = "failed";
}

/// <summary>
/// A professional's notification settings, changed only by herself, and the state of her e-mail nudges, kept by the
/// nudge job (<see cref="EmailNudges"/>). No row: no nudges.
/// </summary>
internal sealed class NotificationSetting : IVersioned
{
    public Guid ProfessionalId { get; set; }

    /// <summary>Whether she wants an e-mail when there is something new (default off).</summary>
    public bool EmailNudges { get; set; }

    /// <summary>When her last nudge went out: the next waits a digest interval.</summary>
    public DateTimeOffset? LastEmailedAt { get; set; }

    /// <summary>Failed attempts in a row to send her pending nudge.</summary>
    public int EmailFailures { get; set; }

    /// <summary>Not before this moment is a failed nudge tried again.</summary>
    public DateTimeOffset? EmailRetryAt { get; set; }

    /// <summary>Guards her own changes; the job's bookkeeping does not raise it.</summary>
    public long Version { get; set; }
}
