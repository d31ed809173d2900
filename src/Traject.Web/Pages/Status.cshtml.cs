using Microsoft.AspNetCore.Mvc;

namespace Traject.Web.Pages;

[IgnoreAntiforgeryToken]
internal sealed class StatusModel : AppPageModel
{
    public int Code { get; private set; }

    public void OnGet(int? code) => Code = code ?? 404;

    public void OnPost(int? code) => Code = code ?? 404;
}
