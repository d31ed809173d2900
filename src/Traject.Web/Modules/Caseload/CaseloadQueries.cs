using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Caseload;

internal sealed record TrajectorySummary(
    Guid Id,
    Guid YoungPersonId,
    string Pseudonym,
    string GivenName,
    string FamilyName,
    int Age,
    TrajectoryStatus Status,
    PersonRef Coordinator,
    DateTimeOffset? LastEventAt,
    string? LastEventKind,
    int OverdueTasks,
    SafetyLevel? SafetyLevel = null,
    DateOnly? SafetyDueOn = null,
    ReassessmentState? SafetyState = null,
    bool Missing = false);

internal sealed record TrajectoryPage(IReadOnlyList<TrajectorySummary> Items, int Page, int PageSize, int Total);

/// <summary>
/// The caseload: the trajectories a professional works on ("my young people") or may open, with what needs attention
/// in each — the last event, overdue tasks, the safety level and re-assessment, an open missing episode. A read-only
/// composition over the modules that own those facts; the list itself is audited as one search.
/// </summary>
internal sealed class CaseloadQueries(TrajectDb db, TimeProvider time, AccessPolicy access, AuditLog audit)
{
    public const int MaxPageSize = 100;

    /// <summary>The shortest and longest search text.</summary>
    public const int SearchMinLength = 2, SearchMaxLength = 100;

    public async Task<Result<TrajectoryPage>> ListAsync(Actor actor, bool mineOnly, TrajectoryStatus? status, int page, int pageSize, CancellationToken ct,
        string? search = null)
    {
        var v = new Validator();
        var find = search is null ? null : YoungPersonSearch.Parse(search.Trim());
        if (search is not null && (search.Trim().Length is < SearchMinLength or > SearchMaxLength))
        {
            v.Add("search", "Between {0} and {1} characters: a name, a date of birth (dd-mm-yyyy) or a pseudonym.", SearchMinLength, SearchMaxLength);
        }

        v.Paging(page, pageSize, MaxPageSize);

        if (status is not null && !Enum.IsDefined(status.Value))
        {
            v.Add("status", "Unknown value.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        var query = access.TrajectoriesToList(actor, personal: mineOnly);
        if (find is not null)
        {
            query = find.Apply(query);
        }

        if (status is not null)
        {
            query = query.Where(t => t.Status == status);
        }

        var total = await query.CountAsync(ct);
        var today = time.Today();
        var phaseKinds = SafetyFacts.PhaseChangeKinds.ToList();
        var rows = await query
            .OrderBy(t => t.Status == TrajectoryStatus.Closed).ThenBy(t => t.YoungPerson!.FamilyName).ThenBy(t => t.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(t => new
            {
                t.Id, t.YoungPersonId, t.YoungPerson!.PseudonymCode, t.YoungPerson.GivenName, t.YoungPerson.FamilyName,
                t.YoungPerson.DateOfBirth, t.Status, t.CoordinatorId,
                // Two scalar subqueries (index seeks on TrajectoryId, OccurredAt): selecting both columns at once makes
                // EF rank the whole timeline table with a window function instead.
                LastAt = db.TimelineEvents.Where(e => e.TrajectoryId == t.Id).OrderByDescending(e => e.OccurredAt)
                    .Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefault(),
                LastKind = db.TimelineEvents.Where(e => e.TrajectoryId == t.Id).OrderByDescending(e => e.OccurredAt)
                    .Select(e => e.Kind).FirstOrDefault(),
                Overdue = db.CareTasks.Count(c => c.TrajectoryId == t.Id && c.CompletedAt == null && c.DueOn < today),
                Level = db.SafetyAssessments.Where(a => a.TrajectoryId == t.Id).OrderByDescending(a => a.AssessedAt)
                    .Select(a => (SafetyLevel?)a.Level).FirstOrDefault(),
                AssessedAt = db.SafetyAssessments.Where(a => a.TrajectoryId == t.Id).OrderByDescending(a => a.AssessedAt)
                    .Select(a => (DateTimeOffset?)a.AssessedAt).FirstOrDefault(),
                PhaseAt = db.TimelineEvents.Where(e => e.TrajectoryId == t.Id && phaseKinds.Contains(e.Kind)).OrderByDescending(e => e.OccurredAt)
                    .Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefault(),
                t.StartedOn,
                Missing = db.MissingEpisodes.Any(e => e.TrajectoryId == t.Id && e.ClosedAt == null),
            })
            .ToListAsync(ct);
        var people = await PersonRefs.LoadAsync(db, rows.Select(r => r.CoordinatorId), ct);
        await audit.RecordAsync(actor, TrajectoriesAuditActions.TrajectoryList, nameof(Trajectory), ct: ct);
        return new TrajectoryPage(rows.Select(r => new TrajectorySummary(r.Id, r.YoungPersonId, r.PseudonymCode, r.GivenName,
            r.FamilyName, Clock.AgeOn(r.DateOfBirth, today), r.Status, people[r.CoordinatorId], r.LastAt, r.LastKind, r.Overdue,
            r.Level, SafetyDue(r.AssessedAt, r.StartedOn, r.PhaseAt, r.Status), SafetyDue(r.AssessedAt, r.StartedOn, r.PhaseAt, r.Status) is { } due
                ? ReassessmentSchedule.State(due, today) : null, r.Missing)).ToList(),
            page, pageSize, total);
    }

    /// <summary>When safety must be assessed again (see <see cref="ReassessmentSchedule"/>); none for a closed trajectory.</summary>
    private static DateOnly? SafetyDue(DateTimeOffset? assessedAt, DateOnly startedOn, DateTimeOffset? phaseAt, TrajectoryStatus status) =>
        status == TrajectoryStatus.Closed ? null : SafetyFacts.DueOn(assessedAt, startedOn, phaseAt);
}

/// <summary>The caseload list and my tasks, for the start page, the tasks page, <c>GET /api/v1/trajectories</c> and <c>GET /api/v1/tasks/mine</c>.</summary>
internal static class CaseloadModule
{
    public static IServiceCollection AddCaseload(this IServiceCollection services) =>
        services.AddScoped<CaseloadQueries>().AddScoped<MyTasks>().AddScoped<DossierSummaries>();

    public static RouteGroupBuilder MapCaseload(this RouteGroupBuilder api)
    {
        api.MapGroup("/trajectories").WithTags("Trajectories").MapGet("/", async (string? scope, TrajectoryStatus? status, string? search, int? page,
                int? pageSize, CurrentActor current, CaseloadQueries queries, CancellationToken ct) =>
            scope is not (null or "mine" or "all")
                ? Error.Invalid("scope", "Use 'mine' or 'all'.").ToProblem()
                : (await queries.ListAsync(await current.RequireAsync(ct), scope != "all", status, page ?? 1, pageSize ?? 50, ct, search)).ToHttp(TypedResults.Ok))
            .WithName("ListTrajectories").WithSummary("Trajectories where I am coordinator or team member (scope=mine), or all I may open (scope=all); "
                + "search narrows them by name, date of birth (dd-mm-yyyy) or pseudonym");
        api.MapGet("/young-people", async (string? search, int? page, int? pageSize, CurrentActor current, CaseloadQueries queries, CancellationToken ct) =>
                search is null
                    ? Error.Invalid("search", "Give a name, a date of birth (dd-mm-yyyy) or a pseudonym.").ToProblem()
                    : (await queries.ListAsync(await current.RequireAsync(ct), false, null, page ?? 1, pageSize ?? 50, ct, search)).ToHttp(TypedResults.Ok))
            .WithTags("Young people")
            .WithName("SearchYoungPeople").WithSummary("Find young people in my scope (every trajectory I may open) by name, date of birth (dd-mm-yyyy) or "
                + "pseudonym; someone outside my scope is never found");
        api.MapGet("/tasks/mine", async (string? due, string? sort, int? page, int? pageSize, CurrentActor current, MyTasks tasks, CancellationToken ct) =>
                (await tasks.ListAsync(await current.RequireAsync(ct), due, sort, page ?? 1, pageSize ?? 50, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Tasks")
            .WithName("ListMyTasks").WithSummary("My open tasks over all young people I may open: due=overdue|week|open (default open), sort=due|name (default due)");
        return api;
    }
}
