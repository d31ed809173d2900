using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Continuity;

/// <summary>
/// Starts the continuity checklist, with a task for the coordinator, in every open trajectory that has reached the
/// 18-plus schedule. A run goes through the candidates in batches of <see cref="TurningEighteenOptions.BatchSize"/>
/// trajectories in the order of their id (keyset, no offset), each batch in a fresh scope with its own unit of work and
/// committed on its own, so memory stays bounded however many are due (the first run over a large database, a new
/// rule), and a run that stops half-way leaves whole batches behind: the next run starts where no checklist exists yet.
/// Safe to run on several nodes at once: one checklist per trajectory (unique), so a batch another node started at the
/// same moment fails as a whole here and the run goes on with the next.
/// </summary>
internal sealed class ContinuitySchedule(IServiceScopeFactory scopes, TimeProvider time, IOptions<TurningEighteenOptions> options,
    ILogger<ContinuitySchedule> log)
{
    /// <summary>How many batches the last run committed.</summary>
    public int Batches { get; private set; }

    /// <summary>The number of checklists started.</summary>
    public async Task<int> StartDueChecklistsAsync(CancellationToken ct)
    {
        var today = time.Today();
        var months = options.Value.MonthsBefore;
        var size = options.Value.BatchSize;
        // Everyone whose checklist could have started by today (a month of margin for shorter months), then the exact rule.
        var bornBy = today.AddMonths(months + 1).AddYears(-18);
        var started = 0;
        Batches = 0;
        Guid? after = null;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrajectDb>();
            var query = db.Trajectories.AsNoTracking()
                .Where(t => t.Status != TrajectoryStatus.Closed && t.YoungPerson!.DateOfBirth <= bornBy
                    && !db.ContinuityChecklists.Any(c => c.TrajectoryId == t.Id));
            if (after is { } last)
            {
                query = query.Where(t => t.Id > last);
            }

            var candidates = await query.OrderBy(t => t.Id).Take(size)
                .Select(t => new { t.Id, t.CoordinatorId, t.StartedOn, t.YoungPerson!.DateOfBirth, t.YoungPerson.PseudonymCode })
                .ToListAsync(ct);
            if (candidates.Count == 0)
            {
                break;
            }

            after = candidates[^1].Id;
            var due = candidates.Where(c => TurningEighteen.Applies(c.DateOfBirth, c.StartedOn, today, months)).ToList();
            if (due.Count > 0)
            {
                var checklists = scope.ServiceProvider.GetRequiredService<ContinuityChecklists>();
                var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
                foreach (var c in due)
                {
                    // Started on the coordinator's behalf: the task is hers.
                    var checklist = checklists.Start(c.Id, c.CoordinatorId, c.DateOfBirth, c.CoordinatorId);
                    audit.Add(null, ContinuityAuditActions.ContinuityChanged, nameof(ContinuityChecklist), checklist.Id, c.PseudonymCode);
                }

                try
                {
                    await db.SaveChangesAsync(ct);
                    started += due.Count;
                    Batches++;
                }
                catch (DbUpdateException)
                {
                    log.LogInformation("Continuity checklists of a batch were started elsewhere at the same time; the next run picks up any left.");
                }
            }

            if (candidates.Count < size)
            {
                break;
            }
        }

        if (started > 0)
        {
            log.LogInformation("Started {Count} continuity checklists for turning 18 in {Batches} batches.", started, Batches);
        }

        return started;
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
