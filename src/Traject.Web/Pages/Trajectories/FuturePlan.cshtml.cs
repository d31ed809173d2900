using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.FuturePlans;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>The future plan of a trajectory: goals per life domain in her words, steps towards them, and every change.</summary>
internal sealed class FuturePlanModel(FuturePlans plans, TrajectoryQueries queries) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public TrajectoryDetail Detail { get; private set; } = null!;
    public FuturePlanView Plan { get; private set; } = null!;
    public IReadOnlyList<PlanChangeView> History { get; private set; } = [];

    /// <summary>Who may take a step: the coordinator and the professionals in the care team now.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Professionals { get; private set; } = [];

    [BindProperty]
    public GoalInput Goal { get; set; } = new();

    [BindProperty]
    public StepInput Step { get; set; } = new();

    internal sealed class GoalInput
    {
        public Guid? GoalId { get; set; }
        public LifeDomain? Domain { get; set; }
        public string? InHerWords { get; set; }
        public long? Version { get; set; }
    }

    internal sealed class StepInput
    {
        public Guid? StepId { get; set; }
        public Guid? GoalId { get; set; }
        public string? Description { get; set; }

        /// <summary>"YoungPerson", "Network" or "p:" and a professional's id.</summary>
        public string? Owner { get; set; }
        public string? OwnerName { get; set; }
        public DateOnly? DueOn { get; set; }
        public StepStatus? Status { get; set; }
        public long? Version { get; set; }

        public (StepOwnerKind? Kind, Guid? Professional) ParseOwner() => Owner switch
        {
            { Length: > 2 } o when o.StartsWith("p:", StringComparison.Ordinal) && Guid.TryParse(o[2..], out var id) => (StepOwnerKind.Professional, id),
            _ when Enum.TryParse<StepOwnerKind>(Owner, out var kind) && kind != StepOwnerKind.Professional => (kind, null),
            _ => (null, null),
        };
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAddGoalAsync() => await AfterAsync(
        await plans.AddGoalAsync(await ActorAsync(), Id, new AddGoalRequest(Goal.Domain, Goal.InHerWords), HttpContext.RequestAborted), "Goal");

    public async Task<IActionResult> OnPostChangeGoalAsync() => await AfterAsync(
        await plans.ChangeGoalAsync(await ActorAsync(), Id, Goal.GoalId ?? Guid.Empty, new ChangeGoalRequest(Goal.InHerWords, Goal.Version),
            HttpContext.RequestAborted), "Goal");

    public async Task<IActionResult> OnPostAddStepAsync()
    {
        var (kind, professional) = Step.ParseOwner();
        return await AfterAsync(await plans.AddStepAsync(await ActorAsync(), Id,
            new AddStepRequest(Step.GoalId, Step.Description, kind, professional, Step.OwnerName, Step.DueOn), HttpContext.RequestAborted), "Step");
    }

    public async Task<IActionResult> OnPostChangeStepAsync()
    {
        var (kind, professional) = Step.ParseOwner();
        return await AfterAsync(await plans.ChangeStepAsync(await ActorAsync(), Id, Step.StepId ?? Guid.Empty,
            new ChangeStepRequest(Step.Description, kind, professional, Step.OwnerName, Step.DueOn, Step.Status, Step.Version),
            HttpContext.RequestAborted), "Step");
    }

    private async Task<IActionResult> AfterAsync(Result<Changed> result, string prefix)
    {
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}/future-plan");
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page, prefix);
        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await ActorAsync();
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        var plan = detail.IsSuccess ? await plans.GetAsync(actor, Id, HttpContext.RequestAborted) : default;
        var history = plan.IsSuccess ? await plans.HistoryAsync(actor, Id, HttpContext.RequestAborted) : default;
        if (!detail.IsSuccess || !plan.IsSuccess || !history.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        Plan = plan.Value;
        History = history.Value;
        Professionals = Detail.CareTeam.Where(m => m.IsActive && m.ProfessionalId is not null).Select(m => (m.ProfessionalId!.Value, m.Name))
            .Prepend((Detail.Coordinator.Id, Detail.Coordinator.Name)).DistinctBy(p => p.Item1).ToList();
        return null;
    }
}
