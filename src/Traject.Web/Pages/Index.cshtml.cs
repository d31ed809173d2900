using Microsoft.AspNetCore.Mvc;
using Traject.Web.Common.Access;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages;

/// <summary>"My young people": trajectories where I am coordinator or team member.</summary>
internal sealed class IndexModel(TrajectoryQueries queries) : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    [BindProperty(SupportsGet = true)]
    public TrajectoryStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Actor Me { get; private set; } = null!;
    public TrajectoryPage? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Me = await ActorAsync();
        if (!Me.HasCareRole)
        {
            return Page();
        }

        var result = await queries.ListAsync(Me, Scope != "all", Status, Math.Max(1, PageNumber), 50, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return Fail(result.Error!, Page);
        }

        Result = result.Value;
        return Page();
    }
}
