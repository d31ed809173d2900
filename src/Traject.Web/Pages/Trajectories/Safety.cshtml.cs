using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>
/// The safety picture of a trajectory: the latest assessment and its level, when the next is due, the plan, the safety
/// facts, acute medical care and missing episodes, with forms to record each.
/// </summary>
internal sealed class SafetyModel(SafetyRecords safety, TrajectoryQueries queries, OrganisationRecords admin) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public TrajectoryDetail Detail { get; private set; } = null!;
    public SafetyOverview Overview { get; private set; } = null!;
    public IReadOnlyList<RegionResponse> Regions { get; private set; } = [];
    public IReadOnlyList<PersonRef> TreatmentCoordinators { get; private set; } = [];
    public IReadOnlyList<PersonRef> Owners { get; private set; } = [];

    [BindProperty]
    public List<ItemInput> Items { get; set; } = [];

    [BindProperty]
    public List<MeasureInput> Measures { get; set; } = [];

    internal sealed class ItemInput
    {
        public SafetyItem? Item { get; set; }
        public Concern? Concern { get; set; }
        public string? Note { get; set; }
    }

    internal sealed class MeasureInput
    {
        public SafetyMeasureKind? Kind { get; set; }
        public string? Description { get; set; }
        public Guid? OwnerId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAssessAsync(SafetyLevel? level, string? deviationReason, Guid? treatmentCoordinatorId)
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return await LoadAsync() ?? Page();
        }

        var request = new RecordAssessmentRequest(Items.Select(i => (SafetyItemRequest?)new SafetyItemRequest(i.Item, i.Concern, i.Note)).ToList(),
            level, deviationReason, treatmentCoordinatorId);
        return await DoneAsync(await safety.AssessAsync(await ActorAsync(), Id, request, HttpContext.RequestAborted), "Assessment");
    }

    public async Task<IActionResult> OnPostPlanAsync(DateOnly? reviewOn, long? version)
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return await LoadAsync() ?? Page();
        }

        var measures = Measures.Where(m => m.Kind is not null || !string.IsNullOrWhiteSpace(m.Description))
            .Select(m => (SafetyMeasureRequest?)new SafetyMeasureRequest(m.Kind, m.Description, m.OwnerId)).ToList();
        return await DoneAsync(await safety.SetPlanAsync(await ActorAsync(), Id, new SafetyPlanRequest(measures, reviewOn, version), HttpContext.RequestAborted), "Plan");
    }

    public async Task<IActionResult> OnPostContextAsync(bool parentMayBeInvolved, string? note, Guid? homeRegionId, long? version)
    {
        ModelState.Clear();
        return await DoneAsync(await safety.SetContextAsync(await ActorAsync(), Id,
            new SafetyContextRequest(parentMayBeInvolved, note, homeRegionId, version), HttpContext.RequestAborted), "Context");
    }

    public async Task<IActionResult> OnPostMedicalAsync(AcuteMedicalCareKind? kind, string? where, DateTime? occurredAt, string? note, Guid? missingEpisodeId)
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return await LoadAsync() ?? Page();
        }

        return await DoneAsync(await safety.RecordMedicalAsync(await ActorAsync(), Id,
            new AcuteMedicalRequest(kind, where, MissingTime.ToUtc(occurredAt), note, missingEpisodeId), HttpContext.RequestAborted), "Medical");
    }

    private async Task<IActionResult> DoneAsync<T>(Result<T> result, string form)
    {
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}/safety");
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page, form);
        if (result.Error!.Fields is { Count: > 0 } fields)
        {
            // Show field messages above the form they belong to.
            foreach (var message in fields.SelectMany(f => f.Value))
            {
                ModelState.AddModelError(form, L.Render(message));
            }
        }

        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await ActorAsync();
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        var overview = detail.IsSuccess ? await safety.OverviewAsync(actor, Id, HttpContext.RequestAborted) : default;
        if (!detail.IsSuccess || !overview.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        Overview = overview.Value;
        Regions = (await admin.RegionsAsync(HttpContext.RequestAborted)).Where(r => r.IsActive).ToList();
        var trajectory = new Trajectory { Id = Id, CoordinatorId = Detail.Coordinator.Id };
        TreatmentCoordinators = await safety.TreatmentCoordinatorsAsync(trajectory, HttpContext.RequestAborted);
        Owners = Detail.CareTeam.Where(m => m.IsActive && m.ProfessionalId is not null)
            .Select(m => new PersonRef(m.ProfessionalId!.Value, m.Name, m.Organisation)).Prepend(Detail.Coordinator).DistinctBy(p => p.Id).ToList();
        if (Items.Count == 0)
        {
            Items = Enum.GetValues<SafetyItem>().Select(i => new ItemInput
            {
                Item = i, Concern = Overview.Latest?.Items.FirstOrDefault(x => x.Item == i)?.Concern,
            }).ToList();
        }

        if (Measures.Count == 0)
        {
            Measures = (Overview.Plan?.Measures ?? []).Select(m => new MeasureInput { Kind = m.Kind, Description = m.Description, OwnerId = m.Owner.Id })
                .Concat(Enumerable.Range(0, 3).Select(_ => new MeasureInput())).ToList();
        }

        return null;
    }
}
