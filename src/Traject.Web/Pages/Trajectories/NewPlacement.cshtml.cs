using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>Starts a placement: programme, organisation, setting, dates, group composition and indication (coordinator or designated expert).</summary>
internal sealed class NewPlacementModel(PlacementRecords placements, CareProgrammes programmes, TrajectoryQueries queries, OrganisationRecords directory,
    Modules.Triage.CareChoices choices, TimeProvider time) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public TrajectoryDetail Detail { get; private set; } = null!;
    public IReadOnlyList<CareProgrammeView> Programmes { get; private set; } = [];
    public IReadOnlyList<OrganisationResponse> Organisations { get; private set; } = [];

    [BindProperty]
    public PlacementInput Input { get; set; } = new();

    internal sealed class PlacementInput
    {
        public Guid? ProgrammeId { get; set; }
        public Guid? OrganisationId { get; set; }
        public PlacementSetting? Setting { get; set; }
        public DateOnly? StartedOn { get; set; }
        public DateOnly? PlannedEndOn { get; set; }
        public GroupComposition? GroupComposition { get; set; }
        public string? MixedGroupArgument { get; set; }
        public bool? IndicationConfirmed { get; set; }
        public string? GenderArgument { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } failed)
        {
            return failed;
        }

        // The programme of the latest care choice comes first: the placement usually follows it.
        var chosen = await choices.ListAsync(await ActorAsync(), Id, HttpContext.RequestAborted);
        Input.ProgrammeId ??= chosen.IsSuccess ? chosen.Value.Current?.ProgrammeId : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return await LoadAsync() ?? Page();
        }

        var result = await placements.StartAsync(await ActorAsync(), Id, new StartPlacementRequest(Input.ProgrammeId, Input.OrganisationId,
            Input.Setting, Input.StartedOn, Input.PlannedEndOn, Input.GroupComposition, Input.MixedGroupArgument, Input.IndicationConfirmed,
            Input.GenderArgument),
            HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}/placements/{result.Value.Id}");
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page);
        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var detail = await queries.GetAsync(await ActorAsync(), Id, HttpContext.RequestAborted);
        if (!detail.IsSuccess)
        {
            return NotFound();
        }

        if (!detail.Value.CanManage)
        {
            return NotAllowed();
        }

        if (detail.Value.Status == TrajectoryStatus.Closed)
        {
            return Redirect($"/trajectories/{Id}"); // no new placement in a closed trajectory: the form is not offered
        }

        Detail = detail.Value;
        Programmes = await programmes.ListAsync(false, HttpContext.RequestAborted);
        Organisations = (await directory.OrganisationsAsync(HttpContext.RequestAborted)).Where(o => o.IsActive && Organisation.IsCareKind(o.Kind)).ToList();
        Input.StartedOn ??= time.Today();
        return null;
    }
}
