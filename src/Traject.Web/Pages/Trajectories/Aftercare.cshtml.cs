using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Aftercare;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>The aftercare plan of a trajectory and the follow-up contacts after it closed, with their outcomes.</summary>
internal sealed class AftercareModel(Aftercares aftercare, OrganisationRecords directory, TimeProvider time,
    Modules.Placements.PlacementRecords placements) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public DateOnly Today => time.Today();
    public AftercareView View { get; private set; } = null!;
    public IReadOnlyList<DirectoryEntry> Professionals { get; private set; } = [];

    /// <summary>The trajectory's residential placements, for the one whose end the plan follows.</summary>
    public IReadOnlyList<Modules.Placements.PlacementView> Residential { get; private set; } = [];

    [BindProperty]
    public PlanInput Plan { get; set; } = new();

    internal sealed class PlanInput
    {
        public Guid? PlacementId { get; set; }
        public DateOnly? StartsOn { get; set; }
        public int? Months { get; set; }
        public ContactFrequency? ContactFrequency { get; set; }
        public Guid? TrustedProfessionalId { get; set; }
        public Dictionary<SupportKind, string?> Support { get; set; } = [];
        public List<SupportKind> Chosen { get; set; } = [];
        public long? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var failed = await LoadAsync();
        if (failed is not null)
        {
            return failed;
        }

        if (View.Plan is { } p)
        {
            Plan = new PlanInput
            {
                PlacementId = p.PlacementId, StartsOn = p.StartsOn, Months = p.Months, ContactFrequency = p.ContactFrequency, TrustedProfessionalId = p.TrustedProfessional.Id,
                Support = p.Support.ToDictionary(s => s.Kind, s => s.Note), Chosen = p.Support.Select(s => s.Kind).ToList(), Version = p.Version,
            };
        }
        else
        {
            Plan = new PlanInput { StartsOn = time.Today(), Months = View.MinimumMonths };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync()
    {
        var support = Plan.Chosen.Where(Enum.IsDefined).Distinct()
            .Select(k => (SupportRequest?)new SupportRequest(k, Plan.Support.GetValueOrDefault(k))).ToList();
        var result = await aftercare.SavePlanAsync(await ActorAsync(), Id, new SaveAftercarePlanRequest(Plan.StartsOn, Plan.Months,
            Plan.ContactFrequency, Plan.TrustedProfessionalId, support, Plan.Version, Plan.PlacementId), HttpContext.RequestAborted);
        return await AfterAsync(result, "Plan");
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid followUpId, FollowUpOutcome? outcome, string? note, long? version) => await AfterAsync(
        await aftercare.RecordOutcomeAsync(await ActorAsync(), Id, followUpId, new RecordFollowUpRequest(outcome, note, version), HttpContext.RequestAborted),
        "FollowUp");

    private async Task<IActionResult> AfterAsync(Result<Changed> result, string prefix)
    {
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}/aftercare");
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page, prefix);
        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await ActorAsync();
        // The aftercare's trusted professional may see this part only, not the dossier: the page asks aftercare alone.
        var view = await aftercare.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!view.IsSuccess)
        {
            return NotFound();
        }

        View = view.Value;
        if (View.CanEditPlan)
        {
            Professionals = await directory.DirectoryAsync(HttpContext.RequestAborted);
            var list = await placements.ListAsync(actor, Id, HttpContext.RequestAborted);
            Residential = list.IsSuccess ? list.Value.Where(pl => pl.IsResidential).ToList() : [];
        }

        return null;
    }
}
