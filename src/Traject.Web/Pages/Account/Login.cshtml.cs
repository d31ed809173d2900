using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Traject.Web.Modules.Auth;

namespace Traject.Web.Pages.Account;

[EnableRateLimiting(AuthModule.LoginRateLimit)]
internal sealed class LoginModel(Login login) : AppPageModel
{
    internal sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? TwoFactorCode { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool AskSecondFactor { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await login.SignInAsync(Input.Email, Input.Password, Input.TwoFactorCode, IdentityConstants.ApplicationScheme, persistent: false);
        switch (outcome)
        {
            case LoginOutcome.Succeeded:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case LoginOutcome.RequiresTwoFactor:
                AskSecondFactor = true;
                ModelState.AddModelError(string.Empty, L["Enter your password again with the code from your authenticator app."]);
                break;
            case LoginOutcome.RequiresEnrolment:
                return RedirectToPage("/Account/Enrol");
            case LoginOutcome.SecondFactorFailed:
                AskSecondFactor = true;
                ModelState.AddModelError(string.Empty,
                    L["The code is not correct. Enter your password again with the current code from your authenticator app, or a recovery code you have not used yet."]);
                break;
            case LoginOutcome.RateLimited:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ModelState.AddModelError(string.Empty, L["Too many requests. Wait a moment and try again."]);
                break;
            case LoginOutcome.LockedOut:
                ModelState.AddModelError(string.Empty, L["Too many failed attempts. Try again later."]);
                break;
            default:
                ModelState.AddModelError(string.Empty, L["Unknown e-mail address or wrong password."]);
                break;
        }

        // Neither the password nor a refused code goes back into the page (the form's posted values would win over these).
        ModelState.Remove("Input.Password");
        ModelState.Remove("Input.TwoFactorCode");
        Input.Password = null;
        Input.TwoFactorCode = null;
        return Page();
    }
}
