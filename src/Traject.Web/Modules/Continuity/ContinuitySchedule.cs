using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Continuity;

/// <summary>
/// Starts the continuity checklist, with a task for the coordinator, in every open trajectory that has reached the
/// 18-plus schedule. Safe to run on several nodes at once: one checklist per trajectory (unique), so a second node's
/// attempt fails as a whole and finds nothing left to do the next time.
/// </summary>
internal sealed class ContinuitySchedule(TrajectDb db, TimeProvider time, IOptions<TurningEighteenOptions> options,
    ContinuityChecklists checklists, AuditLog audit, ILogger<ContinuitySchedule> log)
{
    /// <summary>The number of checklists started.</summary>
    public async Task<int> StartDueChecklistsAsync(CancellationToken ct)
    {
        var today = time.Today();
        var months = options.Value.MonthsBefore;
        // Everyone whose checklist could have started by today (a month of margin for shorter months), then the exact rule.
        var bornBy = today.AddMonths(months + 1).AddYears(-18);
        var candidates = await db.Trajectories.AsNoTracking()
            .Where(t => t.Status != TrajectoryStatus.Closed && t.YoungPerson!.DateOfBirth <= bornBy
                && !db.ContinuityChecklists.Any(c => c.TrajectoryId == t.Id))
            .Select(t => new { t.Id, t.CoordinatorId, t.StartedOn, t.YoungPerson!.DateOfBirth, t.YoungPerson.PseudonymCode })
            .ToListAsync(ct);
        var due = candidates.Where(c => TurningEighteen.Applies(c.DateOfBirth, c.StartedOn, today, months)).ToList();
        foreach (var c in due)
        {
            // Started on the coordinator's behalf: the task is hers.
            var checklist = checklists.Start(c.Id, c.CoordinatorId, c.DateOfBirth, c.CoordinatorId);
            audit.Add(null, ContinuityAuditActions.ContinuityChanged, nameof(ContinuityChecklist), checklist.Id, c.PseudonymCode);
        }

        if (due.Count == 0)
        {
            return 0;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            log.LogInformation("Continuity checklists were started elsewhere at the same time; the next run picks up the rest.");
            return 0;
        }

        log.LogInformation("Started {Count} continuity checklists for turning 18.", due.Count);
        return due.Count;
    }
}

/// <summary>Runs the 18-plus schedule when the app starts and then every <see cref="TurningEighteenOptions.ScanEvery"/>.</summary>
internal sealed class ContinuityScheduler(IServiceScopeFactory scopes, TimeProvider time, IOptions<TurningEighteenOptions> options,
    ILogger<ContinuityScheduler> log) : PeriodicJob(scopes, time, log)
{
    protected override TimeSpan Every => options.Value.ScanEvery;

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ContinuitySchedule>().StartDueChecklistsAsync(ct);
}
