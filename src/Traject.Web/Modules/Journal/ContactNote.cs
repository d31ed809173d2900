namespace Traject.Web.Modules.Journal;

/// <summary>How the contact took place.</summary>
internal enum ContactKind
{
    FaceToFace,
    Phone,
    Video,
    Message,
    HomeVisit,
    WithNetwork,
    WithParents,
    CaseConsultation,
}

/// <summary>
/// A dated note of one contact on a trajectory (contactjournaal): when, how, with whom, what was discussed and what
/// was agreed, written by the signed-in professional (with the organisation she wrote it for). Append-only: only its
/// author may correct it, within <see cref="ContactNote.CorrectionWindow"/>, and every correction keeps the text before it.
/// </summary>
internal sealed class ContactNote : IVersioned
{
    public const int WithWhomMaxLength = 200;
    public const int TextMaxLength = 4000;

    /// <summary>How long the author may correct her own note after writing it.</summary>
    public static readonly TimeSpan CorrectionWindow = TimeSpan.FromHours(24);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public DateOnly ContactOn { get; set; }
    public ContactKind Kind { get; set; }

    /// <summary>Whom the contact was with (third-party data: never in logs or the timeline).</summary>
    public string WithWhom { get; set; } = string.Empty;

    public string Discussed { get; set; } = string.Empty;
    public string? Agreed { get; set; }
    public DateOnly? FollowUpOn { get; set; }
    public Guid? FollowUpTaskId { get; set; }
    public Guid AuthorId { get; set; }
    public Guid AuthorOrganisationId { get; set; }
    public DateTimeOffset WrittenAt { get; set; }
    public DateTimeOffset? CorrectedAt { get; set; }
    public long Version { get; set; }

    /// <summary>Whether the author may still correct the note at this moment.</summary>
    public bool IsCorrectable(DateTimeOffset now) => now - WrittenAt <= CorrectionWindow;
}

/// <summary>The text of a contact note as it was before a correction; nothing updates or deletes a row.</summary>
internal sealed class ContactNoteRevision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContactNoteId { get; set; }
    public Guid TrajectoryId { get; set; }
    public DateOnly ContactOn { get; set; }
    public ContactKind Kind { get; set; }
    public string WithWhom { get; set; } = string.Empty;
    public string Discussed { get; set; } = string.Empty;
    public string? Agreed { get; set; }
    public DateTimeOffset ReplacedAt { get; set; }
    public Guid ReplacedById { get; set; }
}
