using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.FuturePlans;

namespace Traject.Web.Pages.Trajectories;

/// <summary>Her own plan, to print and take home: plain words, her goals, the steps, and nobody from her network by name.</summary>
internal sealed class MyPlanModel(FuturePlans plans) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public MyPlanView Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var plan = await plans.MyPlanAsync(await ActorAsync(), Id, HttpContext.RequestAborted);
        if (!plan.IsSuccess)
        {
            return NotFound();
        }

        Plan = plan.Value;
        return Page();
    }
}
