using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Traject.Web.Pages;

/// <summary>The language switch: remembers the choice in a cookie and goes back to the page.</summary>
internal sealed class CultureModel : AppPageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = TrajectApp.Cultures.FirstOrDefault(c => c.Name == culture) ?? TrajectApp.Cultures[0];
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Secure = Request.IsHttps, HttpOnly = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
