using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>One placement: programme, phases with their restrictions, phase history, next step and time-outs, and the steering forms.</summary>
internal sealed class PlacementModel(PlacementRecords placements, CareProgrammes programmes, TrajectoryQueries queries, OrganisationRecords directory,
    TimeProvider time, IOptions<PlacementOptions> options) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid PlacementId { get; set; }

    public TrajectoryDetail Detail { get; private set; } = null!;
    public DateOnly Today => time.Today();

    /// <summary>A closed time-out without an end lasts this many days (two weeks), the first included.</summary>
    public int TimeOutDefaultDays => options.Value.TimeOutDefaultDays;

    public int TimeOutMaxDays => options.Value.TimeOutMaxDays;
    public PlacementView View { get; private set; } = null!;
    public IReadOnlyList<OrganisationResponse> Organisations { get; private set; } = [];
    public IReadOnlyList<CareProgrammeView> Programmes { get; private set; } = [];

    [BindProperty]
    public PhaseInput Phase { get; set; } = new();

    [BindProperty]
    public NextStepInput NextStep { get; set; } = new();

    [BindProperty]
    public TimeOutInput TimeOut { get; set; } = new();

    [BindProperty]
    public EndInput End { get; set; } = new();

    internal sealed class PhaseInput
    {
        public int? Phase { get; set; }
        public DateOnly? StartedOn { get; set; }
        public string? Note { get; set; }
        public long? Version { get; set; }
    }

    internal sealed class NextStepInput
    {
        public string? NextPlace { get; set; }
        public Guid? NextOrganisationId { get; set; }
        public Guid? NextProgrammeId { get; set; }
        public long? Version { get; set; }
    }

    internal sealed class TimeOutInput
    {
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public string? Place { get; set; }
        public string? Reason { get; set; }
        public long? Version { get; set; }
    }

    internal sealed class EndInput
    {
        public DateOnly? EndedOn { get; set; }
        public PlacementEndReason? Reason { get; set; }
        public string? Note { get; set; }
        public long? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public Task<IActionResult> OnPostPhaseAsync() => AfterAsync("Phase", async actor =>
        await placements.ChangePhaseAsync(actor, Id, PlacementId, new ChangePhaseRequest(Phase.Phase, Phase.StartedOn, Phase.Note, Phase.Version),
            HttpContext.RequestAborted));

    public Task<IActionResult> OnPostNextStepAsync() => AfterAsync("NextStep", async actor =>
        await placements.NameNextStepAsync(actor, Id, PlacementId,
            new NextStepRequest(NextStep.NextPlace, NextStep.NextOrganisationId, NextStep.NextProgrammeId, NextStep.Version), HttpContext.RequestAborted));

    public Task<IActionResult> OnPostTimeOutAsync() => AfterAsync("TimeOut", async actor =>
        await placements.AddTimeOutAsync(actor, Id, PlacementId,
            new TimeOutRequest(TimeOut.StartsOn, TimeOut.EndsOn, TimeOut.Place, TimeOut.Reason, TimeOut.Version), HttpContext.RequestAborted));

    public Task<IActionResult> OnPostEndAsync() => AfterAsync("End", async actor =>
        await placements.EndAsync(actor, Id, PlacementId, new EndPlacementRequest(End.EndedOn, End.Reason, End.Note, End.Version),
            HttpContext.RequestAborted));

    private async Task<IActionResult> AfterAsync(string prefix, Func<Common.Access.Actor, Task<Result<Changed>>> change)
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return await LoadAsync() ?? Page();
        }

        var result = await change(await ActorAsync());
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}/placements/{PlacementId}");
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page, prefix);
        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await ActorAsync();
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        var view = detail.IsSuccess ? await placements.GetAsync(actor, Id, PlacementId, HttpContext.RequestAborted) : default;
        if (!detail.IsSuccess || !view.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        View = view.Value;
        if (View.CanSteer)
        {
            Organisations = (await directory.OrganisationsAsync(HttpContext.RequestAborted)).Where(o => o.IsActive && Organisation.IsCareKind(o.Kind)).ToList();
            Programmes = await programmes.ListAsync(false, HttpContext.RequestAborted);
        }

        return null;
    }
}
