using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Continuity;
using Traject.Web.Modules.FuturePlans;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Screening.Pooling;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;
using Traject.Web.Modules.Triage;

namespace Traject.Web.Pages.Trajectories;

/// <summary>
/// The dossier of one trajectory: header, overview, turning 18, safety, placements, tasks, screenings, analyses, pooled
/// signals, care team, coordinator, status and timeline.
/// </summary>
internal sealed class DossierModel(
    TrajectoryQueries queries, TrajectoryRecords commands, CareTasks tasks, Screenings screenings, PooledSignalQueries pooled,
    OrganisationRecords directory, PlacementRecords placements, FuturePlans plans, ContinuityChecklists continuity, TimeProvider time,
    Modules.Safety.SafetyRecords safety, ProblemAnalyses analyses, DossierViews views) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public TrajectoryDetail Detail { get; private set; } = null!;
    public Guid MyId { get; private set; }
    public TimelinePage Timeline { get; private set; } = null!;
    public IReadOnlyList<CareTaskView> Tasks { get; private set; } = [];
    public IReadOnlyList<ScreeningSummary> Screenings { get; private set; } = [];
    public TrajectoryOverview Overview { get; private set; } = null!;
    public AnalysesOverview Analyses { get; private set; } = null!;
    public IReadOnlyList<PlacementView> Placements { get; private set; } = [];

    /// <summary>The safety picture: level, re-assessment and missing episodes (a risk indicator).</summary>
    public Modules.Safety.SafetyOverview? Safety { get; private set; }

    /// <summary>Pooled signals, for the coordinator and the lead organisation's designated experts only; otherwise null.</summary>
    public PooledSignalsView? Pooled { get; private set; }

    public IReadOnlyList<DirectoryEntry> Professionals { get; private set; } = [];
    public IReadOnlyList<OrganisationResponse> CareOrganisations { get; private set; } = [];

    [BindProperty]
    public MemberInput Member { get; set; } = new();

    [BindProperty]
    public StatusInput StatusChange { get; set; } = new();

    [BindProperty]
    public EarlyCloseInput EarlyClose { get; set; } = new();

    [BindProperty]
    public CoordinatorInput Coordinator { get; set; } = new();

    [BindProperty]
    public ContinuityInput Continuity { get; set; } = new();

    internal sealed class ContinuityInput
    {
        public List<ContinuityItemInput> Items { get; set; } = [];
        public long? Version { get; set; }
    }

    internal sealed class MemberInput
    {
        public string? Who { get; set; }
        public CareTeamRole? Role { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
    }

    internal sealed class EarlyCloseInput
    {
        public string? Reason { get; set; }
        public long? Version { get; set; }
    }

    internal sealed class StatusInput
    {
        public TrajectoryStatus? Status { get; set; }
        public string? Reason { get; set; }
        public long? Version { get; set; }
    }

    internal sealed class CoordinatorInput
    {
        public Guid? ProfessionalId { get; set; }
        public long? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostStatusAsync()
    {
        var result = await commands.ChangeStatusAsync(await ActorAsync(), Id,
            new ChangeStatusRequest(StatusChange.Status, StatusChange.Reason, StatusChange.Version), HttpContext.RequestAborted);
        return await AfterAsync(result, "StatusChange");
    }

    public async Task<IActionResult> OnPostProposeEarlyCloseAsync()
    {
        var result = await commands.ProposeEarlyCloseAsync(await ActorAsync(), Id,
            new EarlyCloseRequest(EarlyClose.Reason, EarlyClose.Version), HttpContext.RequestAborted);
        return await AfterAsync(result, "EarlyClose");
    }

    public async Task<IActionResult> OnPostCoSignEarlyCloseAsync(long? version) =>
        await AfterAsync(await commands.CoSignEarlyCloseAsync(await ActorAsync(), Id, new VersionRequest(version), HttpContext.RequestAborted), "EarlyClose");

    public async Task<IActionResult> OnPostWithdrawEarlyCloseAsync(long? version) =>
        await AfterAsync(await commands.WithdrawEarlyCloseAsync(await ActorAsync(), Id, new VersionRequest(version), HttpContext.RequestAborted), "EarlyClose");

    public async Task<IActionResult> OnPostCoordinatorAsync()
    {
        var result = await commands.ChangeCoordinatorAsync(await ActorAsync(), Id,
            new ChangeCoordinatorRequest(Coordinator.ProfessionalId, Coordinator.Version), HttpContext.RequestAborted);
        return await AfterAsync(result, "Coordinator");
    }

    public async Task<IActionResult> OnPostAddMemberAsync()
    {
        Guid? professional = null, organisation = null;
        if (Member.Who is { Length: > 2 } who && Guid.TryParse(who[2..], out var whoId))
        {
            if (who.StartsWith("p:", StringComparison.Ordinal))
            {
                professional = whoId;
            }
            else if (who.StartsWith("o:", StringComparison.Ordinal))
            {
                organisation = whoId;
            }
        }

        var result = await commands.AddMemberAsync(await ActorAsync(), Id,
            new AddCareTeamMemberRequest(professional, organisation, Member.Role, Member.From, Member.To), HttpContext.RequestAborted);
        return await AfterAsync(result, "Member");
    }

    public async Task<IActionResult> OnPostEndMemberAsync(Guid membershipId, long? version)
    {
        var result = await commands.EndMemberAsync(await ActorAsync(), Id, membershipId,
            new EndCareTeamMembershipRequest(null, version), HttpContext.RequestAborted);
        return await AfterAsync(result, "Member");
    }

    public async Task<IActionResult> OnPostContinuityAsync()
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return await LoadAsync() ?? Page();
        }

        var result = await continuity.UpdateAsync(await ActorAsync(), Id, new UpdateContinuityRequest(Continuity.Items, Continuity.Version),
            HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}#continuity");
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page, "Continuity");
        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    public async Task<IActionResult> OnPostTaskDoneAsync(Guid taskId, string? note, long? version)
    {
        var result = await tasks.CompleteAsync(await ActorAsync(), Id, taskId, new CompleteTaskRequest(note, version), HttpContext.RequestAborted);
        return await AfterAsync(result, "Task");
    }

    public async Task<IActionResult> OnPostPlanTaskAsync(Guid taskId, Guid? ownerId, DateOnly? dueOn, long? version)
    {
        var result = await tasks.PlanAsync(await ActorAsync(), Id, taskId, new PlanTaskRequest(ownerId, dueOn, version), HttpContext.RequestAborted);
        return await AfterAsync(result, "Task");
    }

    private async Task<IActionResult> AfterAsync(Result<Changed> result, string prefix)
    {
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}");
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page, prefix);
        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    /// <summary>Loads every part of the dossier as one page view: one "dossier viewed" audit entry naming the parts.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await ActorAsync();
        views.Begin(Id);
        try
        {
            return await LoadPartsAsync(actor);
        }
        finally
        {
            await views.CompleteAsync(actor, TrajectoriesAuditActions.DossierViewed, HttpContext.RequestAborted);
        }
    }

    private async Task<IActionResult?> LoadPartsAsync(Actor actor)
    {
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!detail.IsSuccess)
        {
            return NotFound();
        }

        var timeline = await queries.TimelineAsync(actor, Id, TimelineKinds.All.Contains(Kind) ? Kind : null, 1, 100, HttpContext.RequestAborted);
        if (!timeline.IsSuccess)
        {
            return NotFound();
        }

        var taskList = await tasks.ListAsync(actor, Id, HttpContext.RequestAborted);
        if (!taskList.IsSuccess)
        {
            return NotFound();
        }

        var screeningList = await screenings.ListAsync(actor, Id, HttpContext.RequestAborted);
        if (!screeningList.IsSuccess)
        {
            return NotFound();
        }

        var checklist = await continuity.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!checklist.IsSuccess)
        {
            return NotFound();
        }

        var analysisOverview = await analyses.OverviewAsync(actor, Id, HttpContext.RequestAborted);
        if (!analysisOverview.IsSuccess)
        {
            return NotFound();
        }

        var placementList = await placements.ListAsync(actor, Id, HttpContext.RequestAborted);
        if (!placementList.IsSuccess)
        {
            return NotFound();
        }

        var overview = await safety.OverviewAsync(actor, Id, HttpContext.RequestAborted);
        Safety = overview.IsSuccess ? overview.Value : null;
        Detail = detail.Value;
        Analyses = analysisOverview.Value;
        Placements = placementList.Value;
        Tasks = taskList.Value;
        Overview = TrajectoryOverviews.Compose(Detail, Placements, Tasks, await plans.ProgressAsync(Id, HttpContext.RequestAborted), checklist.Value, time.Today());
        Screenings = screeningList.Value;
        MyId = actor.Id;
        Timeline = timeline.Value;
        if (Detail.CanManage)
        {
            var signals = await pooled.ListAsync(actor, Id, HttpContext.RequestAborted);
            Pooled = signals.IsSuccess ? signals.Value : null;
            Professionals = await directory.DirectoryAsync(HttpContext.RequestAborted);
            CareOrganisations = (await directory.OrganisationsAsync(HttpContext.RequestAborted))
                .Where(o => o.IsActive && Organisation.IsCareKind(o.Kind)).ToList();
        }

        return null;
    }
}
