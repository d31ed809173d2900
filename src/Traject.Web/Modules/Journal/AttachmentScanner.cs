namespace Traject.Web.Modules.Journal;

/// <summary>What a scan found: clean, or rejected with a reason for the operator's log (never shown with file content).</summary>
internal sealed record ScanVerdict(bool Clean, string? Finding = null)
{
    public static readonly ScanVerdict Accepted = new(true);

    public static ScanVerdict Rejected(string finding) => new(false, finding);
}

/// <summary>
/// The virus-scan hook: called with the plaintext of every upload, after the type and size checks and before anything
/// is stored. A rejection refuses the upload (400) and stores nothing. The default accepts everything; an installation
/// plugs in a scanner (e.g. ClamAV through clamd, docs/deployment.md) by registering its own implementation.
/// </summary>
internal interface IAttachmentScanner
{
    Task<ScanVerdict> ScanAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken ct);
}

/// <summary>The default scanner: accepts every file (no scanner configured).</summary>
internal sealed class AcceptingScanner : IAttachmentScanner
{
    public Task<ScanVerdict> ScanAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken ct) => Task.FromResult(ScanVerdict.Accepted);
}
