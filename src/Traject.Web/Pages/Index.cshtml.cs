using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Aftercare;
using Traject.Web.Modules.Caseload;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Triage;

namespace Traject.Web.Pages;

/// <summary>"My young people": trajectories where I am coordinator or team member, and the follow-up contacts I keep after care.</summary>
internal sealed class IndexModel(CaseloadQueries queries, ProblemAnalyses analyses, KeptFollowUps kept) : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    [BindProperty(SupportsGet = true)]
    public TrajectoryStatus? Status { get; set; }

    /// <summary>A name, date of birth (dd-mm-yyyy) or pseudonym to find among the young people shown.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Actor Me { get; private set; } = null!;
    public TrajectoryPage? Result { get; private set; }

    /// <summary>The young people whose follow-up contacts I keep as the aftercare's trusted professional.</summary>
    public IReadOnlyList<KeptFollowUp> Kept { get; private set; } = [];

    /// <summary>When each listed trajectory's next analysis is due.</summary>
    public IReadOnlyDictionary<Guid, AnalysisScheduleState> Schedules { get; private set; } = new Dictionary<Guid, AnalysisScheduleState>();

    public async Task<IActionResult> OnGetAsync()
    {
        Me = await ActorAsync();
        if (!Me.HasCareRole)
        {
            return Page();
        }

        var result = await queries.ListAsync(Me, Scope != "all", Status, Math.Max(1, PageNumber), 50, HttpContext.RequestAborted,
            string.IsNullOrWhiteSpace(Search) ? null : Search);
        if (!result.IsSuccess)
        {
            return Fail(result.Error!, Page);
        }

        Result = result.Value;
        Schedules = await analyses.SchedulesAsync(Result.Items.Where(t => t.Status != TrajectoryStatus.Closed).Select(t => t.Id).ToList(), HttpContext.RequestAborted);
        Kept = (await kept.ListAsync(Me, HttpContext.RequestAborted)).Items;
        return Page();
    }
}
