using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Triage;

namespace Traject.Web.Pages.Trajectories;

/// <summary>Matched care: the ranked recommendation with its reasons, the choice made and a form to record a choice.</summary>
internal sealed class RecommendationModel(Recommendations recommendations, CareChoices choices, TrajectoryQueries queries) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public TrajectoryDetail Detail { get; private set; } = null!;

    /// <summary>Null when there is no signed analysis yet; <see cref="Unavailable"/> says why.</summary>
    public Recommendation? Recommendation { get; private set; }

    public string? Unavailable { get; private set; }

    public CareChoicesView Choices { get; private set; } = null!;

    [BindProperty]
    public ChoiceInput Input { get; set; } = new();

    internal sealed class ChoiceInput
    {
        public Guid? ProgrammeId { get; set; }
        public Guid? AnalysisId { get; set; }
        public Guid? Replaces { get; set; }
        public DeviationReason? Reason { get; set; }
        public string? Explanation { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return await LoadAsync() ?? Page();
        }

        var request = new RecordCareChoiceRequest(Input.ProgrammeId, Input.AnalysisId, Input.Reason, Input.Explanation, Input.Replaces);
        var result = await choices.RecordAsync(await ActorAsync(), Id, request, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}/recommendation#choice");
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page);
        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await ActorAsync();
        var ct = HttpContext.RequestAborted;
        var detail = await queries.GetAsync(actor, Id, ct);
        if (!detail.IsSuccess)
        {
            return NotFound();
        }

        var recommendation = await recommendations.GetAsync(actor, Id, ct);
        var list = await choices.ListAsync(actor, Id, ct);
        if (!list.IsSuccess || (!recommendation.IsSuccess && recommendation.Error!.Kind != ErrorKind.Conflict))
        {
            return NotFound();
        }

        Detail = detail.Value;
        Choices = list.Value;
        if (recommendation.IsSuccess)
        {
            Recommendation = recommendation.Value;
        }
        else
        {
            Unavailable = L.Render(recommendation.Error!.Message);
        }

        return null;
    }
}
