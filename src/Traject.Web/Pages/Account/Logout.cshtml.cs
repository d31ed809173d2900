using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Traject.Web.Common.Access;
using Traject.Web.Common.Auditing;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Pages.Account;

internal sealed class LogoutModel(SignInManager<Professional> signIn, CurrentActor current, AuditLog audit) : AppPageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await current.GetAsync();
        if (actor is not null)
        {
            await audit.RecordAsync(actor, AuditActions.Logout, nameof(Professional), actor.Id);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
