namespace Traject.Web.Modules.Timeline;

/// <summary>
/// An append-only entry in a trajectory's timeline. Every module writes here; nothing updates or deletes a row.
/// The summary holds no personal data of third parties, only what the care team may read.
/// </summary>
internal sealed class TimelineEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string Kind { get; set; } = string.Empty;
    public Guid ActorId { get; set; }
    public Guid ActorOrganisationId { get; set; }
    public string Summary { get; set; } = string.Empty;
    public string? Link { get; set; }
}

/// <summary>
/// Every kind of timeline event, gathered from the modules' <c>&lt;Module&gt;TimelineKinds</c> classes: each module keeps the
/// kinds it writes, and the timeline filter and its validation ask this registry.
/// </summary>
internal static class TimelineKinds
{
    public static readonly IReadOnlyList<string> All = typeof(TimelineKinds).Assembly.GetTypes()
        .Where(t => t != typeof(TimelineKinds) && t.Name.EndsWith(nameof(TimelineKinds), StringComparison.Ordinal) && t.IsAbstract && t.IsSealed)
        .OrderBy(t => t.Namespace, StringComparer.Ordinal)
        .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Distinct(StringComparer.Ordinal)
        .ToList();
}
