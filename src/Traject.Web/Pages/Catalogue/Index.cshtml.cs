using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Placements;

namespace Traject.Web.Pages.Catalogue;

/// <summary>The catalogue of care programmes for everyone signed in; the programme's own organisation updates its capacity here.</summary>
internal sealed class IndexModel(Modules.Placements.CareProgrammes programmes) : AppPageModel
{
    public IReadOnlyList<CareProgrammeView> Programmes { get; private set; } = [];
    public Actor Me { get; private set; } = null!;

    /// <summary>The programme whose capacity form failed, to show its messages beside it.</summary>
    public Guid? Failed { get; private set; }

    [BindProperty]
    public CapacityInput Capacity { get; set; } = new();

    internal sealed class CapacityInput
    {
        public int? Places { get; set; }
        public int? Occupied { get; set; }
        public int? ExpectedWaitingWeeks { get; set; }
        public long? Version { get; set; }
    }

    public bool MayEditCapacity(CareProgrammeView p) => Modules.Placements.CareProgrammes.MayEditCapacity(Me, p.OrganisationId);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCapacityAsync(Guid? programmeId)
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            await LoadAsync();
            return Page();
        }

        var result = await programmes.UpdateCapacityAsync(await ActorAsync(), programmeId ?? Guid.Empty,
            new CapacityRequest(Capacity.Places, Capacity.Occupied, Capacity.ExpectedWaitingWeeks, Capacity.Version), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect($"/care-programmes#programme-{result.Value.Id}");
        }

        ModelState.Clear();
        await LoadAsync();
        Failed = programmeId;
        return Fail(result.Error!, Page, "Capacity");
    }

    private async Task LoadAsync()
    {
        Me = await ActorAsync();
        Programmes = await programmes.ListAsync(Me.IsAdministrator, HttpContext.RequestAborted);
    }
}
