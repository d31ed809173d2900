using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Caseload;

/// <summary>
/// One open task of mine, with the young person it is for, her dossier's tasks and, where the task has one, the page where it
/// is done.
/// </summary>
internal sealed record MyTaskItem(
    Guid TaskId,
    CareTaskKind Kind,
    DateOnly DueOn,
    bool IsOverdue,
    Guid TrajectoryId,
    string Pseudonym,
    string GivenName,
    string FamilyName,
    string DossierLink,
    string? WorkLink);

/// <summary>A page of my open tasks; <paramref name="Overdue"/> counts the overdue ones over all pages.</summary>
internal sealed record MyTasksPage(IReadOnlyList<MyTaskItem> Items, int Page, int PageSize, int Total, int Overdue);

/// <summary>
/// My tasks: one inbox over all my young people — the open tasks I own in every trajectory I may still open (a task left
/// behind in a dossier that is no longer in my scope does not show, not even as a count). Filter on when they are due,
/// sort by due date or by name; the list is audited as one search, like the caseload.
/// </summary>
internal sealed class MyTasks(TrajectDb db, TimeProvider time, AccessPolicy access, AuditLog audit)
{
    public const int MaxPageSize = 100;

    /// <summary>The filters on the due date: overdue, due within a week (overdue included), or every open task.</summary>
    public static readonly IReadOnlyList<string> DueFilters = ["overdue", "week", "open"];

    /// <summary>The orders: earliest due first, or by the young person's name.</summary>
    public static readonly IReadOnlyList<string> Orders = ["due", "name"];

    public async Task<Result<MyTasksPage>> ListAsync(Actor actor, string? due, string? sort, int page, int pageSize, CancellationToken ct)
    {
        var v = new Validator();
        due ??= "open";
        sort ??= "due";
        if (!DueFilters.Contains(due))
        {
            v.Add("due", "Use one of: {0}.", string.Join(", ", DueFilters));
        }

        if (!Orders.Contains(sort))
        {
            v.Add("sort", "Use one of: {0}.", string.Join(", ", Orders));
        }

        v.Paging(page, pageSize, MaxPageSize);

        if (!v.IsValid)
        {
            return v.ToError();
        }

        var today = time.Today();
        var me = actor.Id;
        var scope = access.TrajectoriesToList(actor, personal: false).Select(t => t.Id);
        var open = db.CareTasks.AsNoTracking().Where(x => x.OwnerId == me && x.CompletedAt == null && scope.Contains(x.TrajectoryId));
        var overdue = await open.CountAsync(x => x.DueOn < today, ct);
        var filtered = due switch
        {
            "overdue" => open.Where(x => x.DueOn < today),
            "week" => open.Where(x => x.DueOn <= today.AddDays(7)),
            _ => open,
        };
        var total = due == "overdue" ? overdue : await filtered.CountAsync(ct);
        var rows = from x in filtered
                   join t in db.Trajectories on x.TrajectoryId equals t.Id
                   select new { Task = x, t.YoungPerson!.PseudonymCode, t.YoungPerson.GivenName, t.YoungPerson.FamilyName };
        rows = sort == "name"
            ? rows.OrderBy(r => r.FamilyName).ThenBy(r => r.GivenName).ThenBy(r => r.Task.DueOn).ThenBy(r => r.Task.Id)
            : rows.OrderBy(r => r.Task.DueOn).ThenBy(r => r.FamilyName).ThenBy(r => r.Task.Id);
        var items = await rows.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        await audit.RecordAsync(actor, TasksAuditActions.MyTasksRead, nameof(CareTask), ct: ct);
        return new MyTasksPage(items.Select(r => new MyTaskItem(r.Task.Id, r.Task.Kind, r.Task.DueOn, r.Task.IsOverdue(today), r.Task.TrajectoryId,
                r.PseudonymCode, r.GivenName, r.FamilyName, TaskList.Link(r.Task.TrajectoryId), r.Task.Kind.Href(r.Task.TrajectoryId))).ToList(),
            page, pageSize, total, overdue);
    }
}
