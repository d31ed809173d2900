namespace Traject.Web.Modules.Journal;

/// <summary>A file type attachments may have: found from the first bytes of the content, never from the name or the client's type.</summary>
internal sealed record AttachmentType(string ContentType, string Extension);

/// <summary>
/// Which files are accepted, by content sniffing (magic bytes): PDF, JPEG, PNG and WebP. Pure functions, no I/O. Also
/// makes a safe file name: the client's name is never trusted in a header or a path.
/// </summary>
internal static class AttachmentTypes
{
    public static readonly AttachmentType Pdf = new("application/pdf", ".pdf");
    public static readonly AttachmentType Jpeg = new("image/jpeg", ".jpg");
    public static readonly AttachmentType Png = new("image/png", ".png");
    public static readonly AttachmentType WebP = new("image/webp", ".webp");

    /// <summary>The types in the order the upload form names them.</summary>
    public static readonly IReadOnlyList<AttachmentType> All = [Pdf, Jpeg, Png, WebP];

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    /// <summary>The type the content really is, or null when it is none of the accepted types.</summary>
    public static AttachmentType? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PdfMagic))
        {
            return Pdf;
        }

        if (content.StartsWith(PngMagic))
        {
            return Png;
        }

        if (content.StartsWith(JpegMagic))
        {
            return Jpeg;
        }

        if (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        return null;
    }

    /// <summary>
    /// A file name safe for a header and for any file system: the client's base name reduced to ASCII letters, digits,
    /// dash and underscore (at most 80 characters), with the extension of the type found, or "bijlage" when nothing is left.
    /// </summary>
    public static string SafeFileName(string? clientName, AttachmentType type)
    {
        var name = clientName ?? string.Empty;
        // Whatever path a browser or client sent, keep only its last segment, then drop its extension.
        var slash = name.LastIndexOfAny(['/', '\\']);
        name = slash >= 0 ? name[(slash + 1)..] : name;
        var dot = name.LastIndexOf('.');
        name = dot > 0 ? name[..dot] : name;
        var kept = new string(name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or ' ')
            .ToArray()).Trim().Replace(' ', '_');
        if (kept.Length > 80)
        {
            kept = kept[..80];
        }

        return (kept.Length == 0 ? "bijlage" : kept) + type.Extension;
    }
}
