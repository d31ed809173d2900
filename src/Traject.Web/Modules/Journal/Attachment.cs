using System.ComponentModel.DataAnnotations;

namespace Traject.Web.Modules.Journal;

/// <summary>What an attachment is.</summary>
internal enum AttachmentCategory
{
    SignedConsent,
    CourtDecision,
    MissingPersonPhoto,
    Other,
}

/// <summary>
/// A file attached to a trajectory: its metadata. The encrypted bytes are in <see cref="AttachmentContent"/>, a table of
/// their own, so that listing never loads them. A withdrawn attachment keeps its metadata with who, when and why; its
/// content is removed.
/// </summary>
internal sealed class Attachment : IVersioned
{
    public const int DescriptionMaxLength = 300;
    public const int FileNameMaxLength = 120;
    public const int ReasonMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public AttachmentCategory Category { get; set; }
    public string Description { get; set; } = string.Empty;

    /// <summary>The file name as sanitised on upload (letters, digits, dot, dash, underscore), with the extension of its real type.</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>The media type found by reading the content (never the one the client sent).</summary>
    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    /// <summary>SHA-256 of the plaintext, hex: lets a download be checked and a duplicate be recognised.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public Guid UploadedById { get; set; }
    public Guid UploadedByOrganisationId { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public Guid? WithdrawnById { get; set; }
    public string? WithdrawnReason { get; set; }
    public long Version { get; set; }

    public bool IsWithdrawn => WithdrawnAt is not null;
}

/// <summary>The encrypted bytes of one attachment (see <see cref="AttachmentProtection"/>); one row per attachment, same id.</summary>
internal sealed class AttachmentContent
{
    public Guid AttachmentId { get; set; }

    /// <summary>The format and key version of <see cref="Data"/> (see <see cref="AttachmentProtection.FormatVersion"/>).</summary>
    public int KeyVersion { get; set; }

    public byte[] Data { get; set; } = [];
}

/// <summary>The <c>Attachments</c> configuration section.</summary>
internal sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>The largest file accepted, in bytes (10 MB by default).</summary>
    [Range(1024, 100L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>
    /// Base64 of at least 32 random bytes: the key the attachments are encrypted under (never stored in the database).
    /// Required outside Development; Development uses a fixed, public development secret.
    /// </summary>
    public string? Secret { get; set; }
}
