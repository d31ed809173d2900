using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Traject.Web.Modules.Notifications;

/// <summary>
/// The <c>Notifications:Email</c> configuration section: the mail server for e-mail nudges (docs/adr/0032). Without a
/// <see cref="Host"/> no nudge is sent and professionals cannot ask for them. The password comes from a secret or the
/// environment (<c>Notifications__Email__Password</c>), never from a file in the repository.
/// </summary>
internal sealed class EmailNudgeOptions : IValidatableObject
{
    public const string Section = "Notifications:Email";

    /// <summary>The SMTP server's host name; empty switches e-mail nudges off.</summary>
    [MaxLength(255)]
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (the default), <c>SslOnConnect</c>, <c>StartTlsWhenAvailable</c>, <c>Auto</c> or <c>None</c> (a local relay only).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>The user to log in to the server with; none: no login.</summary>
    [MaxLength(255)]
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Traject &lt;noreply@example.org&gt;</c>.</summary>
    [MaxLength(255)]
    public string? From { get; set; }

    /// <summary>Where the app is reached, e.g. <c>https://traject.example.org</c>: the nudge links to its notifications page.</summary>
    [MaxLength(255)]
    public string? AppBaseUrl { get; set; }

    /// <summary>At most one nudge per professional in this interval, however many notifications arrive.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the job looks for nudges to send; zero switches the job off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>After this many failed attempts in a row the pending notifications of a professional get no nudge.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles with every further one, up to an hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one connection to the server may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many professionals one run sends to at most.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The wait before the next attempt after <paramref name="failures"/> failures in a row.</summary>
    public TimeSpan RetryWait(int failures) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, RetryAfter.Ticks * (1L << Math.Clamp(failures - 1, 0, 20))));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(From) || !MimeKit.MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult("Notifications:Email:From must be a valid sender address when a Host is set.", [nameof(From)]);
        }

        if (!Uri.TryCreate(AppBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult("Notifications:Email:AppBaseUrl must be the app's absolute http(s) address when a Host is set.", [nameof(AppBaseUrl)]);
        }
    }
}
