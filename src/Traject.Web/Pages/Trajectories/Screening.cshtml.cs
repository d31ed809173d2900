using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Pages.Trajectories;

/// <summary>One screening: its signals, the suggestion and explanation, the weighings so far and the weighing form.</summary>
internal sealed class ScreeningModel(Screenings screenings, TrajectoryQueries queries, TimeProvider time) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid ScreeningId { get; set; }

    public TrajectoryDetail Detail { get; private set; } = null!;
    public ScreeningView View { get; private set; } = null!;

    [BindProperty]
    public WeighingInput Weighing { get; set; } = new();

    internal sealed class WeighingInput
    {
        public string? Participants { get; set; }
        public DateOnly? HeldOn { get; set; }
        public Classification? Conclusion { get; set; }
        public string? DeviationReason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var failed = await LoadAsync();
        if (failed is not null)
        {
            return failed;
        }

        Weighing.HeldOn = time.Today();
        Weighing.Conclusion = View.Suggestion.Classification;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return await LoadAsync() ?? Page();
        }

        var result = await screenings.WeighAsync(await ActorAsync(), Id, ScreeningId,
            new RecordWeighingRequest(Weighing.Participants, Weighing.HeldOn, Weighing.Conclusion, Weighing.DeviationReason), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}/screenings/{ScreeningId}#weighing");
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page, nameof(Weighing));
        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    /// <summary>Why the weighing form is not shown, or null when it is.</summary>
    public string? NoFormReason() => View.CanWeigh || View.Status == ScreeningStatus.Final ? null
        : Detail.AccessBasis == AccessBasis.Emergency ? "Emergency access lets you read the dossier, not record decisions in it."
        : Detail.ClosedAt is not null ? "The trajectory is closed."
        : "You have already recorded your weighing of this screening.";

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await ActorAsync();
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!detail.IsSuccess)
        {
            return NotFound();
        }

        var view = await screenings.GetAsync(actor, Id, ScreeningId, HttpContext.RequestAborted);
        if (!view.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        View = view.Value;
        return null;
    }
}
