using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Pages.YoungPeople;

/// <summary>Register a young person and open her first trajectory.</summary>
internal sealed class RegisterModel(RegisterYoungPerson register, OrganisationRecords directory, TimeProvider time) : AppPageModel
{
    internal sealed class InputModel : PersonalInput
    {
        public TrajectoryStatus? InitialStatus { get; set; }
        public Guid? CoordinatorId { get; set; }
        public CareTeamRole? MyRole { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<DirectoryEntry> Professionals { get; private set; } = [];
    public Guid MyId { get; private set; }

    /// <summary>The ages a young person may have on the registration date (today).</summary>
    public TargetAges TargetAges => register.TargetAges;

    public DateOnly Today => time.Today();

    public async Task<IActionResult> OnGetAsync()
    {
        var me = await ActorAsync();
        if (!RegisterYoungPerson.MayRegister(me))
        {
            return NotAllowed();
        }

        await LoadAsync();
        Input.CoordinatorId = me.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var me = await ActorAsync();
        ReplaceBindingErrors();
        if (!ModelState.IsValid)
        {
            // Only binding failures (e.g. an unreadable date) get here; the use case does the real validation.
            await LoadAsync();
            return Page();
        }

        var result = await register.HandleAsync(me, new RegisterYoungPersonRequest(Input.GivenName, Input.FamilyName,
            Input.DateOfBirth, Input.Gender, Input.Nationality, Input.NationalityCountry, Input.Municipality,
            Input.InitialStatus, Input.CoordinatorId, Input.MyRole), HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            await LoadAsync();
            return Fail(result.Error!, Page);
        }

        return Redirect($"/trajectories/{result.Value.TrajectoryId}");
    }

    private async Task LoadAsync()
    {
        MyId = (await ActorAsync()).Id;
        Professionals = await directory.DirectoryAsync(HttpContext.RequestAborted);
    }
}
