using Microsoft.AspNetCore.Mvc;

namespace Traject.Web.Pages.Admin;

/// <summary>Checks the audit hash chain on request and shows the first problem, if any (administrators only, see PageFilters).</summary>
internal sealed class AuditModel(TrajectDb db, AuditLog audit) : AppPageModel
{
    public AuditVerification? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool check = false)
    {
        var actor = await ActorAsync();
        if (check)
        {
            Result = await AuditChain.VerifyAsync(db, HttpContext.RequestAborted);
            await audit.RecordAsync(actor, AuditActions.AuditVerified, outcome: Result.Intact ? AuditOutcomes.Allowed : AuditOutcomes.Failed);
        }

        return Page();
    }
}
