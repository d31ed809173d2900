using Microsoft.AspNetCore.Localization;

namespace Traject.Web.Common;

/// <summary>
/// API callers may ask for a language with Accept-Language; people using the UI get Dutch unless they choose
/// English explicitly, whatever their browser says.
/// </summary>
internal sealed class ApiCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return NullProviderCultureResult;
        }

        var languages = httpContext.Request.GetTypedHeaders().AcceptLanguage;
        if (languages is null || languages.Count == 0)
        {
            return NullProviderCultureResult;
        }

        var ordered = languages.Take(5).OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value).ToList();
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(ordered, ordered));
    }
}
