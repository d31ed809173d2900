using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Traject.Web.Modules.Notifications;

/// <summary>Sends one nudge to one professional's address.</summary>
internal interface INudgeMailer
{
    Task SendAsync(string to, CancellationToken ct);
}

/// <summary>
/// The nudge: it says only that there is something new in Traject, with a link to the notifications page. It is the
/// same for everyone and every occasion, so it cannot carry a name, a pseudonym, a kind or a count (docs/adr/0032).
/// Dutch first, English second, as the app itself.
/// </summary>
internal static class NudgeMail
{
    public const string Subject = "Nieuw in Traject / New in Traject";

    public static string Body(string notificationsUrl) =>
        $"""
        Er staat iets nieuws voor je klaar in Traject. Log in om het te lezen:
        {notificationsUrl}

        There is something new for you in Traject. Log in to read it:
        {notificationsUrl}

        Je krijgt dit bericht omdat je e-mailberichten hebt aangezet; je zet ze uit op de pagina Meldingen.
        You get this message because you switched e-mail nudges on; switch them off on the Notifications page.
        """;

    public static string NotificationsUrl(EmailNudgeOptions options) => options.AppBaseUrl!.TrimEnd('/') + "/notifications";
}

/// <summary>Sends nudges over SMTP with MailKit, one connection per nudge (they are few: one per professional per digest interval at most).</summary>
internal sealed class SmtpNudgeMailer(IOptions<EmailNudgeOptions> options) : INudgeMailer
{
    public async Task SendAsync(string to, CancellationToken ct)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From!));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = NudgeMail.Subject;
        message.Body = new TextPart("plain") { Text = NudgeMail.Body(NudgeMail.NotificationsUrl(o)) };

        using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        await client.ConnectAsync(o.Host!, o.Port, o.Security, ct);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? string.Empty, ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
