using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Pages.Admin;

/// <summary>Professionals: list, create, and edit one (when an id is in the route).</summary>
internal sealed class ProfessionalsModel(OrganisationRecords admin) : AppPageModel
{
    public IReadOnlyList<ProfessionalResponse> Professionals { get; private set; } = [];
    public IReadOnlyList<OrganisationResponse> Organisations { get; private set; } = [];
    public ProfessionalResponse? Editing { get; private set; }

    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public ProfessionalInput Input { get; set; } = new();

    internal sealed class ProfessionalInput
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public Guid? OrganisationId { get; set; }
        public string[] Roles { get; set; } = [];
        public string? Password { get; set; }
        public bool IsActive { get; set; } = true;
        public string? Version { get; set; }
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

            Input = new ProfessionalInput
            {
                Email = Editing.Email, DisplayName = Editing.DisplayName, OrganisationId = Editing.OrganisationId,
                Roles = Editing.Roles.ToArray(), IsActive = Editing.IsActive, Version = Editing.Version,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await ActorAsync();
        ReplaceBindingErrors();
        var ct = HttpContext.RequestAborted;
        var result = Id is null
            ? await admin.CreateProfessionalAsync(actor, new CreateProfessionalRequest(Input.Email, Input.DisplayName, Input.OrganisationId, Input.Roles, Input.Password), ct)
            : await admin.UpdateProfessionalAsync(actor, Id.Value, new UpdateProfessionalRequest(Input.DisplayName, Input.OrganisationId, Input.Roles, Input.IsActive, Input.Version), ct);
        if (result.IsSuccess)
        {
            return Redirect("/admin/professionals");
        }

        Input.Password = null;
        await LoadAsync();
        return Fail(result.Error!, Page);
    }

    public async Task<IActionResult> OnPostResetSecondFactorAsync()
    {
        var actor = await ActorAsync();
        if (Id is null)
        {
            return NotFound();
        }

        var result = await admin.ResetSecondFactorAsync(actor, Id.Value, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect($"/admin/professionals/{Id}");
        }

        await LoadAsync();
        return Fail(result.Error!, Page);
    }

    private async Task LoadAsync()
    {
        var all = await admin.ProfessionalsAsync(await ActorAsync(), HttpContext.RequestAborted);
        Professionals = all.IsSuccess ? all.Value : [];
        Organisations = await admin.OrganisationsAsync(HttpContext.RequestAborted);
        Editing = Id is null ? null : Professionals.FirstOrDefault(p => p.Id == Id);
    }
}
