using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Auth;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Pages.Account;

/// <summary>Logs this session out, on the server too: a copy of its cookie no longer works. Her other sessions go on.</summary>
internal sealed class LogoutModel(SignInManager<Professional> signIn, CurrentActor current, AuditLog audit, TrajectDb db, TimeProvider time,
    SignedInCache signedIn)
    : AppPageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await current.GetAsync();
        if (actor is not null)
        {
            var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
            await SessionLifetime.EndAsync(db, signedIn, session.Properties, time.GetUtcNow(), HttpContext.RequestAborted);
            audit.Add(actor, AuthAuditActions.Logout, nameof(Professional), actor.Id);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
