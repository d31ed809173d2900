
namespace Traject.Web.Modules.Network;

/// <summary>What a network entry is about.</summary>
internal enum NetworkEntryKind
{
    Person,
    Place,
    OnlineAccount,
    PhoneNumber,
}

/// <summary>The part a person plays in her life. <see cref="Exploiter"/> covers the suspected exploiter too.</summary>
internal enum NetworkRole
{
    Exploiter,
    Recruiter,
    Friend,
    Family,
    Partner,
    Other,
}

/// <summary>Whether an entry is a risk, a protective factor, or not clear yet.</summary>
internal enum NetworkInfluence
{
    Risk,
    Protective,
    Unclear,
}

internal enum PlaceKind
{
    Address,
    Hotel,
    Park,
    School,
    Other,
}

internal enum Platform
{
    Instagram,
    Snapchat,
    TikTok,
    WhatsApp,
    Telegram,
    Facebook,
    X,
    Discord,
    Other,
}

/// <summary>Who told us about an entry or a link.</summary>
internal enum NetworkSource
{
    YoungPerson,
    Parent,
    OwnObservation,
    School,
    Police,
    OtherOrganisation,
    Other,
}

/// <summary>The kinds of entry compared across cases, as keyed hashes of their normalised form.</summary>
internal enum IdentifierKind
{
    PhoneNumber,
    OnlineHandle,
    PlaceName,
    PlaceAddress,
}

/// <summary>
/// One entry of a trajectory's network analysis: a person, place, online account or phone number. Everything said
/// about the third party (name, role, how she knows him, address, handle, number, source, date, note) is in
/// <see cref="Content"/>, encrypted with the network protector; only the kind and who recorded it when are plain.
/// </summary>
internal sealed class NetworkEntry : IVersioned
{
    public const int MaxPerTrajectory = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public NetworkEntryKind Kind { get; set; }

    /// <summary>The protected JSON of <see cref="NetworkEntryContent"/>.</summary>
    public string Content { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedById { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>A link between two entries of the same network (e.g. "uses this number", "took her to this hotel").</summary>
internal sealed class NetworkLink : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public Guid FromEntryId { get; set; }
    public Guid ToEntryId { get; set; }

    /// <summary>The protected JSON of <see cref="NetworkLinkContent"/>.</summary>
    public string Content { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedById { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A keyed hash (HMAC-SHA256) of the normalised phone number, handle or place of an entry, with the young person it
/// belongs to, so the same identifier in two young people's networks can be found without reading either.
/// </summary>
internal sealed class NetworkIdentifier
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EntryId { get; set; }
    public Guid TrajectoryId { get; set; }
    public Guid YoungPersonId { get; set; }
    public IdentifierKind Kind { get; set; }
    public string Hash { get; set; } = string.Empty;
}

/// <summary>
/// Tells the designated experts of a trajectory's lead organisation that her network shares an identifier with
/// another young person's. The other trajectory is kept to avoid repeating the alert and is never shown.
/// </summary>
internal sealed class NetworkOverlapAlert : IVersioned
{
    public const int ReasonMinLength = 10;
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }

    /// <summary>The entry of this trajectory that matched (null once it was removed).</summary>
    public Guid? EntryId { get; set; }

    public Guid OtherTrajectoryId { get; set; }
    public IdentifierKind Kind { get; set; }
    public string Hash { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DismissedAt { get; set; }
    public Guid? DismissedById { get; set; }

    /// <summary>The reason for dismissing it as a false positive, protected like the entries.</summary>
    public string? DismissalReason { get; set; }

    public long Version { get; set; }
}

/// <summary>The network data-protection key ring, kept apart from the one for cookies and encrypted with a configured key.</summary>
internal sealed class NetworkProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = string.Empty;
}

/// <summary>What is said about the third party: the plaintext of <see cref="NetworkEntry.Content"/>.</summary>
internal sealed record NetworkEntryContent(
    string Name,
    NetworkRole? Role,
    NetworkInfluence? Influence,
    string? HowKnown,
    PlaceKind? PlaceKind,
    string? Address,
    Platform? Platform,
    string? PlatformName,
    string? Handle,
    string? Number,
    NetworkSource Source,
    DateOnly KnownOn,
    string? Note);

internal sealed record NetworkLinkContent(string? Nature, NetworkSource Source, DateOnly KnownOn);
