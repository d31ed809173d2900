using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Traject.Web.Modules.Notifications;

/// <summary>
/// Drains the e-mail outbox (docs/adr/0032): the notifications waiting for a nudge. Outside any request, so a slow or
/// absent mail server never touches the action that caused a notification. A professional who asked for nudges gets
/// one mail when at least one unread notification waits, then none for a digest interval however many arrive; the
/// nudges of one who did not ask, or notifications read in the app first, are skipped. A failed send is tried again
/// after a wait that doubles, until <see cref="EmailNudgeOptions.MaxAttempts"/>. Logs name the professional's id only.
/// </summary>
internal sealed class EmailNudges(TrajectDb db, TimeProvider time, IOptions<EmailNudgeOptions> options, INudgeMailer mailer, ILogger<EmailNudges> log)
{
    /// <summary>Sends the nudges that are due; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        await db.Notifications
            .Where(n => n.EmailState == EmailStates.Pending
                && (n.ReadAt != null || !db.NotificationSettings.Any(s => s.ProfessionalId == n.RecipientId && s.EmailNudges)))
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.EmailState, EmailStates.Skipped), ct);

        var digestFrom = now - o.DigestInterval;
        var due = await (from s in db.NotificationSettings.AsNoTracking()
                         join p in db.Users on s.ProfessionalId equals p.Id
                         where s.EmailNudges && p.IsActive && p.Email != null
                               && (s.LastEmailedAt == null || s.LastEmailedAt <= digestFrom)
                               && (s.EmailRetryAt == null || s.EmailRetryAt <= now)
                               && db.Notifications.Any(n => n.RecipientId == s.ProfessionalId && n.EmailState == EmailStates.Pending)
                         orderby s.ProfessionalId
                         select new { s.ProfessionalId, p.Email, s.EmailFailures })
            .Take(o.BatchSize).ToListAsync(ct);

        var sent = 0;
        foreach (var recipient in due)
        {
            var id = recipient.ProfessionalId;
            try
            {
                await mailer.SendAsync(recipient.Email!, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var failures = recipient.EmailFailures + 1;
                if (failures >= o.MaxAttempts)
                {
                    log.LogWarning("E-mail nudge to professional {ProfessionalId} failed ({Error}) {Failures} times; given up.", id, e.GetType().Name, failures);
                    await db.Notifications.Where(n => n.RecipientId == id && n.EmailState == EmailStates.Pending)
                        .ExecuteUpdateAsync(u => u.SetProperty(n => n.EmailState, EmailStates.Failed), ct);
                    await db.NotificationSettings.Where(s => s.ProfessionalId == id)
                        .ExecuteUpdateAsync(u => u.SetProperty(s => s.EmailFailures, 0).SetProperty(s => s.EmailRetryAt, (DateTimeOffset?)null), ct);
                }
                else
                {
                    var retryAt = now + o.RetryWait(failures);
                    log.LogWarning("E-mail nudge to professional {ProfessionalId} failed ({Error}); attempt {Failures}, tried again from {RetryAt}.",
                        id, e.GetType().Name, failures, retryAt);
                    await db.NotificationSettings.Where(s => s.ProfessionalId == id)
                        .ExecuteUpdateAsync(u => u.SetProperty(s => s.EmailFailures, failures).SetProperty(s => s.EmailRetryAt, (DateTimeOffset?)retryAt), ct);
                }

                continue;
            }

            // What waited until now is covered by this nudge; what arrives from now on waits for the next interval.
            await db.Notifications.Where(n => n.RecipientId == id && n.EmailState == EmailStates.Pending && n.CreatedAt <= now)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.EmailState, EmailStates.Sent).SetProperty(n => n.EmailedAt, (DateTimeOffset?)now), ct);
            await db.NotificationSettings.Where(s => s.ProfessionalId == id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastEmailedAt, (DateTimeOffset?)now)
                    .SetProperty(s => s.EmailFailures, 0).SetProperty(s => s.EmailRetryAt, (DateTimeOffset?)null), ct);
            sent++;
        }

        if (sent > 0)
        {
            log.LogInformation("Sent {Count} e-mail nudges.", sent);
        }

        return sent;
    }
}

/// <summary>Sends the e-mail nudges that are due, every <see cref="EmailNudgeOptions.CheckEvery"/>, on one node at a time (ADR 0029).</summary>
internal sealed class EmailNudgeJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<EmailNudgeOptions> options, ILogger<EmailNudgeJob> log)
    : PeriodicJob(scopes, time, log)
{
    protected override TimeSpan Every => options.Value.Enabled ? options.Value.CheckEvery : TimeSpan.Zero;

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<EmailNudges>().SendDueAsync(ct);
}
