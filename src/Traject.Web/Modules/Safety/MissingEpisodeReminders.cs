using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Notifications;

namespace Traject.Web.Modules.Safety;

/// <summary>Settings of the reminders while a missing episode is open (section <c>Missing</c>).</summary>
internal sealed class MissingEpisodeOptions
{
    public const string Section = "Missing";

    /// <summary>How often the care team is reminded while an episode is open; zero switches the reminders off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RemindEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the app looks for reminders that are due; zero switches the background job off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many open episodes one step of a run handles, in a unit of work of its own (docs/adr/0027).</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// While she is missing, every hour counts: as long as an episode is open, the coordinator and the care team get an
/// in-app reminder every <see cref="MissingEpisodeOptions.RemindEvery"/>, saying how long ago she was last seen and how
/// many on the list have not been informed yet. Reminders carry the pseudonym only. A run goes through the open
/// episodes in batches of <see cref="MissingEpisodeOptions.BatchSize"/> (by id), each in a fresh scope and committed on
/// its own; a reminder sent counts from then on, so a run that stops half-way does not remind twice.
/// </summary>
internal sealed class MissingEpisodeReminders(IServiceScopeFactory scopes, TimeProvider time, IOptions<MissingEpisodeOptions> options)
{
    public const string ReminderKind = "missing-episode-reminder";

    private static readonly string[] Kinds = [ReminderKind, MissingEpisodes.NotificationKind];

    /// <summary>Sends the reminders that are due; returns how many episodes were reminded of.</summary>
    public async Task<int> RemindAsync(CancellationToken ct)
    {
        var every = options.Value.RemindEvery;
        if (every <= TimeSpan.Zero)
        {
            return 0;
        }

        var size = options.Value.BatchSize;
        var now = time.GetUtcNow();
        var reminded = 0;
        Guid? after = null;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrajectDb>();
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            var query = db.MissingEpisodes.AsNoTracking().Include(e => e.Notices).Where(e => e.ClosedAt == null);
            if (after is { } last)
            {
                query = query.Where(e => e.Id > last);
            }

            var open = await query.OrderBy(e => e.Id).Take(size).ToListAsync(ct);
            if (open.Count == 0)
            {
                break;
            }

            after = open[^1].Id;
            foreach (var episode in open)
            {
                var link = MissingEpisodes.Link(episode.TrajectoryId, episode.Id);
                // The report itself notified the team; after that, the last reminder counts.
                var sent = await notifier.LastSentToAnyoneAsync(link, Kinds, ct);
                var lastSent = sent > episode.ReportedAt ? sent.Value : episode.ReportedAt;
                if (now - lastSent < every)
                {
                    continue;
                }

                var trajectory = await db.Trajectories.AsNoTracking().Include(t => t.YoungPerson).SingleAsync(t => t.Id == episode.TrajectoryId, ct);
                var hours = (int)Math.Max(0, Math.Floor((now - episode.LastSeenAt).TotalHours));
                var uninformed = episode.Notices.Count(n => n.InformedAt is null);
                notifier.Notify(await MissingEpisodes.TeamProfessionalsAsync(db, time, trajectory, ct), ReminderKind, link,
                    "Missing episode of {0} is still open: last seen {1} hours ago; {2} on the list not informed yet",
                    trajectory.YoungPerson!.PseudonymCode, hours, uninformed);

                reminded++;
            }

            await db.SaveChangesAsync(ct);
            if (open.Count < size)
            {
                break;
            }
        }

        return reminded;
    }
}

/// <summary>Sends the missing-episode reminders that are due, every <see cref="MissingEpisodeOptions.CheckEvery"/>.</summary>
internal sealed class MissingEpisodeReminderJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<MissingEpisodeOptions> options,
    ILogger<MissingEpisodeReminderJob> log) : PeriodicJob(scopes, time, log)
{
    protected override TimeSpan Every => options.Value.CheckEvery;

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<MissingEpisodeReminders>().RemindAsync(ct);
}
