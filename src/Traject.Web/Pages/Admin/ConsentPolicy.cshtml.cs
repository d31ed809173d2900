using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Registration;

namespace Traject.Web.Pages.Admin;

/// <summary>The consent policy table: from which age whose consent a notification by name needs.</summary>
internal sealed class ConsentPolicyModel(ConsentPolicies policies) : AppPageModel
{
    public const int Rows = 5;

    public ConsentPolicyView Policy { get; private set; } = null!;

    [BindProperty]
    public List<RuleInput> Rules { get; set; } = [];

    [BindProperty]
    public long? Version { get; set; }

    internal sealed class RuleInput
    {
        public int? FromAge { get; set; }
        public ConsentRequirement? Requirement { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        Rules = Policy.Rules.Select(r => new RuleInput { FromAge = r.FromAge, Requirement = r.Requirement }).ToList();
        Version = Policy.Version;
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ReplaceBindingErrors();
        var rules = Rules.Where(r => r.FromAge is not null || r.Requirement is not null)
            .Select(r => (ConsentRuleInput?)new ConsentRuleInput(r.FromAge, r.Requirement)).ToList();
        var result = await policies.ChangeAsync(await ActorAsync(), new ChangeConsentPolicyRequest(rules, Version), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect("/admin/consent-policy");
        }

        await LoadAsync();
        Pad();
        ModelState.Clear();
        return Fail(result.Error!, Page, "Rules");
    }

    private async Task LoadAsync() => Policy = await policies.GetAsync(HttpContext.RequestAborted);

    private void Pad()
    {
        while (Rules.Count < Rows)
        {
            Rules.Add(new RuleInput());
        }
    }
}
