using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>The dossier's tasks, open first, with the forms to mark one done or to plan it (owner and due date).</summary>
internal sealed class TasksModel(TrajectoryQueries queries, CareTasks tasks) : DossierSectionModel
{
    public TrajectoryDetail Detail { get; private set; } = null!;
    public IReadOnlyList<CareTaskView> Tasks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostTaskDoneAsync(Guid taskId, string? note, long? version) =>
        await AfterAsync(await tasks.CompleteAsync(await ActorAsync(), Id, taskId, new CompleteTaskRequest(note, version), HttpContext.RequestAborted),
            "Task", DossierNav.Tasks, LoadAsync);

    public async Task<IActionResult> OnPostPlanTaskAsync(Guid taskId, Guid? ownerId, DateOnly? dueOn, long? version) =>
        await AfterAsync(await tasks.PlanAsync(await ActorAsync(), Id, taskId, new PlanTaskRequest(ownerId, dueOn, version), HttpContext.RequestAborted),
            "Task", DossierNav.Tasks, LoadAsync);

    private Task<IActionResult?> LoadAsync() => ViewAsync(async actor =>
    {
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        var list = detail.IsSuccess ? await tasks.ListAsync(actor, Id, HttpContext.RequestAborted) : default;
        if (!detail.IsSuccess || !list.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        Tasks = list.Value;
        Nav = DossierNav.For(Detail, DossierNav.Tasks);
        return null;
    });
}
