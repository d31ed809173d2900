using System.Security.Cryptography;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Screening.Pooling;

/// <summary>
/// A signal about a young person added by a professional outside her care team, by name and date of birth, and filed
/// to the trajectory that acts on it. Append-only: nothing updates or deletes a row. Read only by that trajectory's
/// coordinator and the designated experts of its lead organisation.
/// </summary>
internal sealed class PooledSignal
{
    public const int NoteMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The receipt the signaller got for the submission this signal came with.</summary>
    public string Receipt { get; set; } = string.Empty;

    public Guid YoungPersonId { get; set; }
    public Guid TrajectoryId { get; set; }
    public string Code { get; set; } = string.Empty;
    public string InstrumentVersion { get; set; } = string.Empty;
    public DateOnly ObservedOn { get; set; }
    public SignalSource Source { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public Guid SignalledById { get; set; }
    public Guid SignalledByOrganisationId { get; set; }
}

/// <summary>Receipts such as <c>R-7KM4-R9XW</c>: random, telling nothing about the young person or the match.</summary>
internal static class PoolingReceipt
{
    public static string New()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = PseudonymCode.Alphabet[RandomNumberGenerator.GetInt32(PseudonymCode.Alphabet.Length)];
        }

        return $"R-{chars[..4]}-{chars[4..]}";
    }

    public static bool IsWellFormed(string? receipt) =>
        receipt is { Length: 11 } && receipt.StartsWith("R-", StringComparison.Ordinal) && receipt[6] == '-'
        && receipt.Remove(6, 1)[2..].All(c => PseudonymCode.Alphabet.Contains(c, StringComparison.Ordinal));
}
