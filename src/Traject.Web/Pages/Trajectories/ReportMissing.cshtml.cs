using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>Reports a missing episode on one screen; on success the episode page shows whom to inform.</summary>
internal sealed class ReportMissingModel(MissingEpisodes episodes, SafetyRecords safety, TrajectoryQueries queries, OrganisationRecords admin, TimeProvider time)
    : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public TrajectoryDetail Detail { get; private set; } = null!;
    public SafetyOverview Safety { get; private set; } = null!;
    public IReadOnlyList<RegionResponse> Regions { get; private set; } = [];

    [BindProperty]
    public MissingInput Input { get; set; } = new();

    internal sealed class MissingInput
    {
        public DateTime? LastSeenAt { get; set; }
        public string? LastSeenWhere { get; set; }
        public string? WithWhom { get; set; }
        public string? HowSheLeft { get; set; }
        public string? Clothing { get; set; }
        public PhoneStatus? PhoneStatus { get; set; }
        public SafetyLevel? RiskLevel { get; set; }
        public Guid? CurrentRegionId { get; set; }
        public Guid? HomeRegionId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var failed = await LoadAsync();
        if (failed is not null)
        {
            return failed;
        }

        Input.LastSeenAt = time.GetUtcNow().ToLocal().DateTime;
        Input.CurrentRegionId = Safety.Context.CurrentRegionId;
        Input.HomeRegionId = Safety.Context.HomeRegionId;
        Input.RiskLevel = Safety.Latest?.Level ?? SafetyLevel.High;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return await LoadAsync() ?? Page();
        }

        var result = await episodes.ReportAsync(await ActorAsync(), Id, new ReportMissingRequest(MissingTime.ToUtc(Input.LastSeenAt), Input.LastSeenWhere,
            Input.WithWhom, Input.HowSheLeft, Input.Clothing, Input.PhoneStatus, Input.RiskLevel, Input.CurrentRegionId, Input.HomeRegionId),
            HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect(MissingEpisodes.Link(Id, result.Value.Id));
        }

        var failed = Fail(result.Error!, Page);
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
        Safety = overview.Value;
        Regions = (await admin.RegionsAsync(HttpContext.RequestAborted)).Where(r => r.IsActive).ToList();
        return null;
    }
}
