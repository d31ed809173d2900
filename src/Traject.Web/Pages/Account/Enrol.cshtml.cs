using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Traject.Web.Modules.Auth;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Pages.Account;

/// <summary>Sets up the authenticator app after the right password; shows the recovery codes once.</summary>
[EnableRateLimiting(AuthModule.LoginRateLimit)]
internal sealed class EnrolModel(UserManager<Professional> users, AuditLog audit) : AppPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string QrDataUrl { get; private set; } = string.Empty;
    public string Key { get; private set; } = string.Empty;
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await Enrolment.PendingAsync(HttpContext, users);
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await Enrolment.PendingAsync(HttpContext, users);
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        var code = Code?.Replace(" ", "", StringComparison.Ordinal) ?? string.Empty;
        if (code.Length > 10 || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
        {
            await users.AccessFailedAsync(user);
            await audit.RecordAsync(null, AuthAuditActions.SecondFactorFailed, nameof(Professional), user.Id, outcome: AuditOutcomes.Failed);
            if (await users.IsLockedOutAsync(user))
            {
                await HttpContext.SignOutAsync(Enrolment.Scheme);
                ModelState.AddModelError(string.Empty, L["Too many failed attempts. Try again later."]);
                return Page();
            }

            ModelState.AddModelError(string.Empty, L["The code is not correct. Check the time on your phone and try the next code."]);
            Code = null;
            await ShowKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await users.ResetAccessFailedCountAsync(user);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, Enrolment.RecoveryCodeCount))?.ToList() ?? [];
        await audit.RecordAsync(null, AuthAuditActions.SecondFactorEnrolled, nameof(Professional), user.Id);
        await HttpContext.SignOutAsync(Enrolment.Scheme);
        return Page();
    }

    private async Task ShowKeyAsync(Professional user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        Key = Enrolment.Grouped(key);
        QrDataUrl = Enrolment.QrDataUrl(Enrolment.OtpAuthUri(user.Email!, key));
    }
}
