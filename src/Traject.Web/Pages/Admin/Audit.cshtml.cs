using Microsoft.AspNetCore.Mvc;
using Traject.Web.Common.Auditing;
using Traject.Web.Data;

namespace Traject.Web.Pages.Admin;

/// <summary>Checks the audit hash chain on request and shows the first problem, if any.</summary>
internal sealed class AuditModel(TrajectDb db, AuditLog audit) : AppPageModel
{
    public AuditVerification? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool check = false)
    {
        var actor = await ActorAsync();
        if (!actor.IsAdministrator)
        {
            return NotFound();
        }

        if (check)
        {
            Result = await AuditChain.VerifyAsync(db, HttpContext.RequestAborted);
            await audit.RecordAsync(actor, AuditActions.AuditVerified, outcome: Result.Intact ? AuditOutcomes.Allowed : AuditOutcomes.Failed);
        }

        return Page();
    }
}
