namespace Traject.Web.Modules.Screening;

/// <summary>
/// One published version of the instrument. The content is never edited by the application; once a screening has
/// used the version (<see cref="Used"/>) the database refuses any change to it and its deletion (triggers, migration
/// 0008). The latest published (highest <see cref="Sequence"/>) is the current version.
/// </summary>
internal sealed class InstrumentVersion
{
    public const int VersionMaxLength = InstrumentJson.VersionMaxLength;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The version name, such as <c>2026.1</c>; unique.</summary>
    public string Version { get; set; } = string.Empty;

    /// <summary>1, 2, 3, … in order of publication; unique.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>The administrator who published it; null for the version built into the application.</summary>
    public Guid? PublishedById { get; set; }

    /// <summary>The signal list as JSON (<see cref="InstrumentDocument"/>), normalised when published.</summary>
    public string Content { get; set; } = string.Empty;

    public int SignalCount { get; set; }

    public bool Used { get; set; }

    public DateTimeOffset? FirstUsedAt { get; set; }
}
