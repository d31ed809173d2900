using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Registration;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>The registration decision of a trajectory: current decision and history, consent, and forms for both.</summary>
internal sealed class RegistrationModel(Registrations registrations, TrajectoryQueries queries) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public TrajectoryDetail Detail { get; private set; } = null!;
    public RegistrationView View { get; private set; } = null!;

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    [BindProperty]
    public ConsentInput Consent { get; set; } = new();

    [BindProperty]
    public Guid? ConsentId { get; set; }

    [BindProperty]
    public long? Version { get; set; }

    internal sealed class DecisionInput
    {
        public RegistrationOutcome? Outcome { get; set; }
        public VictimStatus? VictimStatus { get; set; }
        public List<ExploitationForm> Forms { get; set; } = [];
        public string? OtherForm { get; set; }
        public DateOnly? DecidedOn { get; set; }
        public Guid? ConsentId { get; set; }
        public string? DateOfBirthOnlyReason { get; set; }
        public NonNotificationReason? NonNotificationReason { get; set; }
        public string? Argument { get; set; }
        public Guid? Supersedes { get; set; }
    }

    internal sealed class ConsentInput
    {
        public DateOnly? GivenOn { get; set; }
        public bool YoungPersonConsented { get; set; }
        public bool ParentOrGuardianConsented { get; set; }
        public string? ParentOrGuardianName { get; set; }
        public ConsentForm? Form { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public Task<IActionResult> OnPostDecideAsync() => PostAsync("Decision", async actor => (await registrations.DecideAsync(actor, Id,
        new RecordDecisionRequest(Decision.Outcome, Decision.VictimStatus, Decision.Forms, Decision.OtherForm, Decision.DecidedOn, Decision.ConsentId,
            Decision.DateOfBirthOnlyReason, Decision.NonNotificationReason, Decision.Argument, Decision.Supersedes), HttpContext.RequestAborted)).Error);

    public Task<IActionResult> OnPostConsentAsync() => PostAsync("Consent", async actor => (await registrations.RecordConsentAsync(actor, Id,
        new RecordConsentRequest(Consent.GivenOn, Consent.YoungPersonConsented, Consent.ParentOrGuardianConsented, Consent.ParentOrGuardianName, Consent.Form),
        HttpContext.RequestAborted)).Error);

    public async Task<IActionResult> OnPostWithdrawAsync()
    {
        if (ConsentId is not { } consentId)
        {
            ModelState.AddModelError(string.Empty, L["Choose the consent to withdraw."]);
            return await LoadAsync() ?? Page();
        }

        return await PostAsync("Withdraw", async actor => (await registrations.WithdrawConsentAsync(actor, Id, consentId,
            new WithdrawConsentRequest(null, Version), HttpContext.RequestAborted)).Error);
    }

    private async Task<IActionResult> PostAsync(string prefix, Func<Common.Access.Actor, Task<Common.Error?>> act)
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return await LoadAsync() ?? Page();
        }

        var error = await act(await ActorAsync());
        if (error is null)
        {
            return Redirect($"/trajectories/{Id}/registration");
        }

        ModelState.Clear();
        var failed = Fail(error, Page, prefix);
        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await ActorAsync();
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        var view = detail.IsSuccess ? await registrations.GetAsync(actor, Id, HttpContext.RequestAborted) : default;
        if (!detail.IsSuccess || !view.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        View = view.Value;
        Decision.Supersedes ??= View.Current?.Id;
        return null;
    }
}
