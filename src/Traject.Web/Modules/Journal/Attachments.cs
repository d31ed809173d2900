using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Journal;

internal sealed record AttachmentView(
    Guid Id,
    AttachmentCategory Category,
    string Description,
    string FileName,
    string ContentType,
    long Size,
    PersonRef UploadedBy,
    DateTimeOffset UploadedAt,
    DateTimeOffset? WithdrawnAt,
    PersonRef? WithdrawnBy,
    string? WithdrawnReason,
    bool CanWithdraw,
    long Version);

internal sealed record AttachmentList(IReadOnlyList<AttachmentView> Items, bool CanUpload, long MaxBytes, IReadOnlyList<string> AcceptedTypes);

/// <summary>An upload as read from the form: the fields as sent, the file's bytes, or why the form could not be read.</summary>
internal sealed record UploadRequest(string? Category, string? Description, string? FileName, byte[]? Content, bool FileTooLarge = false, string? Unreadable = null);

internal sealed record WithdrawAttachmentRequest(string? Reason, long? Version);

/// <summary>A download: the plaintext with the type found on upload and the sanitised name.</summary>
internal sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The attachments of a trajectory (bijlagen): signed consent, a court decision, a recent photo for a missing-person
/// report. An upload is checked for its real type by its first bytes and for its size, passed to the virus-scan hook,
/// then stored encrypted; every download is audited. The uploader or whoever steers the dossier may withdraw one with a
/// reason, which removes the content and keeps the record of it.
/// </summary>
internal sealed class Attachments(TrajectDb db, TimeProvider time, DossierDoor door, TimelineWriter timeline, AttachmentProtection protection,
    IAttachmentScanner scanner, IOptions<AttachmentOptions> options, ILogger<Attachments> logger)
{
    public static string Link(Guid trajectoryId) => $"/trajectories/{trajectoryId}/attachments";

    public long MaxBytes => options.Value.MaxBytes;

    public async Task<Result<AttachmentList>> ListAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, JournalAuditActions.AttachmentsRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var rows = await db.Attachments.AsNoTracking().Where(a => a.TrajectoryId == trajectoryId)
            .OrderByDescending(a => a.UploadedAt).ThenByDescending(a => a.Id).ToListAsync(ct);
        var people = await PersonRefs.LoadAsync(db, rows.Select(a => a.UploadedById).Concat(rows.Where(a => a.WithdrawnById is not null).Select(a => a.WithdrawnById!.Value)), ct);
        var canUpload = !dossier.IsClosed && dossier.Allows(DossierOperation.Record);
        var steers = dossier.Allows(DossierOperation.Steer);
        var items = rows.Select(a => new AttachmentView(a.Id, a.Category, a.Description, a.FileName, a.ContentType, a.Size, people[a.UploadedById], a.UploadedAt,
            a.WithdrawnAt, a.WithdrawnById is { } w ? people[w] : null, a.WithdrawnReason,
            !a.IsWithdrawn && !dossier.IsClosed && (steers || (canUpload && a.UploadedById == actor.Id)), a.Version)).ToList();
        return new AttachmentList(items, canUpload, MaxBytes, AttachmentTypes.All.Select(t => t.ContentType).ToList());
    }

    /// <summary>
    /// Stores an upload. The door first (out of scope 404, read only 403), then the form is read, then its fields, type,
    /// size and the scan; nothing is stored unless all pass.
    /// </summary>
    public async Task<Result<Changed>> UploadAsync(Actor actor, Guid trajectoryId, Func<Task<UploadRequest>> read, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, JournalAuditActions.AttachmentUploaded, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var request = await read();
        if (request.Unreadable is { } why)
        {
            return Error.Invalid("file", why);
        }

        var v = new Validator();
        var category = ParseCategory(v, request.Category);
        var description = v.Text("description", request.Description, Attachment.DescriptionMaxLength);
        var content = request.Content;
        AttachmentType? type = null;
        if (request.FileTooLarge || content is { Length: > 0 } && content.Length > MaxBytes)
        {
            v.Add("file", "The file is larger than {0} MB.", MegaBytes(MaxBytes));
        }
        else if (content is null)
        {
            v.Add("file", "Choose a file.");
        }
        else if (content.Length == 0)
        {
            v.Add("file", "The file is empty.");
        }
        else if ((type = AttachmentTypes.Sniff(content)) is null)
        {
            v.Add("file", "Only PDF, JPEG, PNG and WebP files are accepted; the content of this file is none of these, whatever its name says.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        var dossier = opened.Value;
        if (dossier.IsClosed)
        {
            return DossierDoor.Closed;
        }

        var verdict = await scanner.ScanAsync(content, type!.ContentType, ct);
        if (!verdict.Clean)
        {
            // The finding is for the operator; the log names the trajectory by pseudonym, never the file's name or content.
            logger.LogWarning("Attachment upload refused by the scanner for {Pseudonym}: {Finding}", dossier.Pseudonym, verdict.Finding);
            return Error.Invalid("file", "The virus scanner refused this file. Nothing was stored.");
        }

        var attachment = new Attachment
        {
            TrajectoryId = trajectoryId, Category = category, Description = description, FileName = AttachmentTypes.SafeFileName(request.FileName, type),
            ContentType = type.ContentType, Size = content!.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedById = actor.Id, UploadedByOrganisationId = actor.OrganisationId, UploadedAt = time.GetUtcNow(),
        };
        db.Attachments.Add(attachment);
        db.AttachmentContents.Add(new AttachmentContent
        {
            AttachmentId = attachment.Id, KeyVersion = AttachmentProtection.FormatVersion, Data = protection.Protect(attachment.Id, content),
        });
        timeline.Add(trajectoryId, actor, JournalTimelineKinds.Attachment, Link(trajectoryId), "Attachment added: {0}", category);
        dossier.Audit(JournalAuditActions.AttachmentUploaded, nameof(Attachment), attachment.Id);
        await db.SaveChangesAsync(ct);
        return new Changed(attachment.Id, attachment.Version);
    }

    /// <summary>The decrypted file; every download is audited by the door (<c>attachment.download</c>, naming the attachment).</summary>
    public async Task<Result<AttachmentFile>> DownloadAsync(Actor actor, Guid trajectoryId, Guid attachmentId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, JournalAuditActions.AttachmentDownloaded, ct, about: new AuditObject(nameof(Attachment), attachmentId));
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.TrajectoryId == trajectoryId, ct);
        var content = attachment is null || attachment.IsWithdrawn
            ? null
            : await db.AttachmentContents.AsNoTracking().SingleOrDefaultAsync(c => c.AttachmentId == attachmentId, ct);
        if (content is null)
        {
            return Error.NotFound();
        }

        return new AttachmentFile(attachment!.FileName, attachment.ContentType, protection.Unprotect(attachment.Id, content.KeyVersion, content.Data));
    }

    /// <summary>Withdraws an attachment with a reason: its uploader or whoever steers the dossier. The content is removed; the record stays.</summary>
    public async Task<Result<Changed>> WithdrawAsync(Actor actor, Guid trajectoryId, Guid attachmentId, WithdrawAttachmentRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var reason = v.Text("reason", request.Reason, Attachment.ReasonMaxLength, minLength: 10);
        var version = v.Required("version", request.Version);
        var opened = await door.OpenForChangeAsync(actor, trajectoryId, DossierOperation.Record, JournalAuditActions.AttachmentWithdrawn, v, ct);
        if (opened.Error is { } error)
        {
            return error;
        }

        var dossier = opened.Value;
        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.TrajectoryId == trajectoryId, ct);
        if (attachment is null)
        {
            return Error.NotFound();
        }

        if (attachment.UploadedById != actor.Id && !dossier.Allows(DossierOperation.Steer))
        {
            return await dossier.RefuseAsync(JournalAuditActions.AttachmentWithdrawn,
                Error.Forbidden("Only the professional who added the attachment or the coordinator can withdraw it."), new AuditObject(nameof(Attachment), attachmentId), ct);
        }

        if (attachment.Version != version)
        {
            return Error.Stale();
        }

        if (attachment.IsWithdrawn)
        {
            return Error.Conflict("The attachment has been withdrawn already.");
        }

        attachment.WithdrawnAt = time.GetUtcNow();
        attachment.WithdrawnById = actor.Id;
        attachment.WithdrawnReason = reason;
        var content = await db.AttachmentContents.SingleOrDefaultAsync(c => c.AttachmentId == attachmentId, ct);
        if (content is not null)
        {
            db.AttachmentContents.Remove(content);
        }

        timeline.Add(trajectoryId, actor, JournalTimelineKinds.Attachment, Link(trajectoryId), "Attachment withdrawn: {0}", attachment.Category);
        dossier.Audit(JournalAuditActions.AttachmentWithdrawn, nameof(Attachment), attachment.Id);
        db.Entry(attachment).Property(a => a.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        return new Changed(attachment.Id, attachment.Version);
    }

    /// <summary>A size in megabytes as the messages show it ("10", "0.5").</summary>
    public static string MegaBytes(long bytes) => (bytes / (1024d * 1024)).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static AttachmentCategory ParseCategory(Validator v, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            v.Add("category", "This field is required.");
            return default;
        }

        if (!Enum.TryParse<AttachmentCategory>(value.Trim(), ignoreCase: false, out var category) || !Enum.IsDefined(category) || value.Trim().All(char.IsDigit))
        {
            v.Add("category", "Unknown value.");
        }

        return category;
    }
}
