namespace Traject.Web.Modules.Journal;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class JournalAuditActions
{
    public const string ContactsRead = "contact.read";
    public const string ContactRecorded = "contact.record";
    public const string ContactCorrected = "contact.correct";
    public const string AttachmentsRead = "attachment.read";
    public const string AttachmentUploaded = "attachment.upload";
    public const string AttachmentDownloaded = "attachment.download";
    public const string AttachmentWithdrawn = "attachment.withdraw";
}
