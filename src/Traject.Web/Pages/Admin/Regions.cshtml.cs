using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Pages.Admin;

internal sealed class RegionsModel(OrganisationRecords admin) : AppPageModel
{
    public IReadOnlyList<RegionResponse> Regions { get; private set; } = [];

    [BindProperty]
    public RegionInput Input { get; set; } = new();

    internal sealed class RegionInput
    {
        public Guid? Id { get; set; }
        public string? Name { get; set; }
        public bool IsActive { get; set; } = true;
        public long? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        Regions = await admin.RegionsAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await ActorAsync();
        ReplaceBindingErrors();
        var result = await admin.SaveRegionAsync(actor, Input.Id, new RegionRequest(Input.Name, Input.IsActive, Input.Version), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect("/admin/regions");
        }

        Regions = await admin.RegionsAsync(HttpContext.RequestAborted);
        return Fail(result.Error!, Page);
    }
}
