using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Registration;

namespace Traject.Web.Pages.Registration;

/// <summary>Exports of the organisation's national notifications, for its designated experts.</summary>
internal sealed class ExportsModel(NotificationExports exports) : AppPageModel
{
    public IReadOnlyList<ExportBatchView> Batches { get; private set; } = [];

    [BindProperty]
    public ExportInput Input { get; set; } = new();

    internal sealed class ExportInput
    {
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnGetDownloadAsync(Guid batchId, string? format)
    {
        var result = await exports.FileAsync(await ActorAsync(), batchId, format ?? "json", HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return File(result.Value.Content, result.Value.ContentType, result.Value.FileName);
        }

        return result.Error!.Kind switch
        {
            Common.ErrorKind.Forbidden => NotAllowed(),
            Common.ErrorKind.NotFound => NotFound(),
            _ => BadRequest(),
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ReplaceBindingErrors();
        var result = await exports.CreateAsync(await ActorAsync(), new CreateExportRequest(Input.From, Input.To), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect("/registration/exports");
        }

        if (result.Error!.Kind == Common.ErrorKind.Forbidden)
        {
            return NotAllowed();
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page);
        return await LoadAsync() ?? failed;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var list = await exports.ListAsync(await ActorAsync(), HttpContext.RequestAborted);
        if (!list.IsSuccess)
        {
            return NotAllowed();
        }

        Batches = list.Value;
        return null;
    }
}
