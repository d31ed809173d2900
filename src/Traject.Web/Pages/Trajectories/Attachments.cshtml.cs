using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Journal;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>
/// The attachments of a dossier: what each is with a download link (never an inline preview, photos neither), the
/// upload form and withdrawing one with a reason. A download goes through the same use case as the API and is audited.
/// </summary>
internal sealed class AttachmentsModel(TrajectoryQueries queries, Attachments attachments) : DossierSectionModel
{
    public AttachmentList List { get; private set; } = null!;

    [BindProperty]
    public UploadInput Upload { get; set; } = new();

    [BindProperty]
    public WithdrawInput Withdraw { get; set; } = new();

    internal sealed class UploadInput
    {
        public string? Category { get; set; }
        public string? Description { get; set; }
        public IFormFile? File { get; set; }
    }

    internal sealed class WithdrawInput
    {
        public Guid? AttachmentId { get; set; }
        public string? Reason { get; set; }
        public long? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    /// <summary>The file, as a download; every download is on the audit trail.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid attachmentId)
    {
        var file = await attachments.DownloadAsync(await ActorAsync(), Id, attachmentId, HttpContext.RequestAborted);
        return file.IsSuccess ? File(file.Value.Content, file.Value.ContentType, file.Value.FileName) : NotFound();
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        ReplaceBindingErrors();
        var ct = HttpContext.RequestAborted;
        var result = await attachments.UploadAsync(await ActorAsync(), Id,
            () => JournalModule.FromFormAsync(Upload.Category, Upload.Description, Upload.File, attachments.MaxBytes, ct), ct);
        return await AfterAsync(result, "Upload", DossierNav.Attachments, LoadAsync);
    }

    public async Task<IActionResult> OnPostWithdrawAsync()
    {
        ReplaceBindingErrors();
        var result = await attachments.WithdrawAsync(await ActorAsync(), Id, Withdraw.AttachmentId ?? Guid.Empty,
            new WithdrawAttachmentRequest(Withdraw.Reason, Withdraw.Version), HttpContext.RequestAborted);
        return await AfterAsync(result, "Withdraw", DossierNav.Attachments, LoadAsync);
    }

    private Task<IActionResult?> LoadAsync() => ViewAsync(async actor =>
    {
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        var list = detail.IsSuccess ? await attachments.ListAsync(actor, Id, HttpContext.RequestAborted) : default;
        if (!detail.IsSuccess || !list.IsSuccess)
        {
            return NotFound();
        }

        List = list.Value;
        Nav = DossierNav.For(detail.Value, DossierNav.Attachments);
        return null;
    });

    /// <summary>A size as people read it.</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? $"{Math.Max(1, bytes / 1024)} KB"
        : (bytes / (1024d * 1024)).ToString("0.0", System.Globalization.CultureInfo.CurrentCulture) + " MB";
}
