using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Auth;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Pages.Account;

/// <summary>Log out everywhere, and change the password (which ends every other session and token).</summary>
[Authorize]
internal sealed class SecurityModel(UserManager<Professional> users, SignInManager<Professional> signIn, AuditLog audit) : AppPageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public bool PasswordChanged { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostLogoutEverywhereAsync()
    {
        var actor = await ActorAsync();
        var user = await users.FindByIdAsync(actor.Id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        // A new stamp: every cookie and bearer token of hers stops working at its next request.
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, AuthAuditActions.LogoutEverywhere, nameof(Professional), actor.Id);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }

    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        var actor = await ActorAsync();
        var user = await users.FindByIdAsync(actor.Id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        if (string.IsNullOrEmpty(CurrentPassword) || CurrentPassword.Length > 512 || string.IsNullOrEmpty(NewPassword) || NewPassword.Length > 512)
        {
            ModelState.AddModelError(string.Empty, L["Fill in your current and your new password."]);
            return Cleared();
        }

        if (NewPassword.Length < 12)
        {
            ModelState.AddModelError(nameof(NewPassword), L.Render(Text.Encode("At least {0} characters.", 12)));
            return Cleared();
        }

        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var changed = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword); // changes the stamp
        if (!changed.Succeeded)
        {
            if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await users.AccessFailedAsync(user);
                ModelState.AddModelError(nameof(CurrentPassword), L["Your current password is not correct."]);
            }
            else
            {
                ModelState.AddModelError(nameof(NewPassword), L["This password cannot be used. Choose a longer one."]);
            }

            return Cleared();
        }

        await audit.RecordAsync(actor, AuthAuditActions.PasswordChanged, nameof(Professional), actor.Id);
        // Other sessions and tokens end with the old stamp; this one is signed in again, with its original sign-in time.
        await signIn.SignInWithClaimsAsync(user, SessionLifetime.Keep(current.Properties),
            current.Principal?.FindAll("amr").ToList() ?? []);
        PasswordChanged = true;
        return Cleared();
    }

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Cleared()
    {
        CurrentPassword = null;
        NewPassword = null;
        return Page();
    }
}
