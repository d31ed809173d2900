using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Pages.Admin;

/// <summary>Organisations: list, create, and edit one (when an id is in the route).</summary>
internal sealed class OrganisationsModel(OrganisationRecords admin) : AppPageModel
{
    public IReadOnlyList<OrganisationResponse> Organisations { get; private set; } = [];
    public IReadOnlyList<RegionResponse> Regions { get; private set; } = [];
    public OrganisationResponse? Editing { get; private set; }

    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    internal sealed class OrganisationInput
    {
        public string? Name { get; set; }
        public OrganisationKind? Kind { get; set; }
        public Guid? RegionId { get; set; }
        public bool IsActive { get; set; } = true;
        public long? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (Id is not null)
        {
            if (Editing is null)
            {
                return NotFound();
            }

            Input = new OrganisationInput { Name = Editing.Name, Kind = Editing.Kind, RegionId = Editing.RegionId, IsActive = Editing.IsActive, Version = Editing.Version };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await ActorAsync();
        ReplaceBindingErrors();
        var result = await admin.SaveOrganisationAsync(actor, Id,
            new OrganisationRequest(Input.Name, Input.Kind, Input.RegionId, Input.IsActive, Input.Version), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect("/admin/organisations");
        }

        await LoadAsync();
        return Fail(result.Error!, Page);
    }

    private async Task LoadAsync()
    {
        Organisations = await admin.OrganisationsAsync(HttpContext.RequestAborted);
        Regions = (await admin.RegionsAsync(HttpContext.RequestAborted)).Where(r => r.IsActive || r.Id == Input.RegionId).ToList();
        Editing = Id is null ? null : Organisations.FirstOrDefault(o => o.Id == Id);
    }
}
