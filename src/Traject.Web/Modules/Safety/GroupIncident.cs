
namespace Traject.Web.Modules.Safety;

internal enum GroupIncidentKind
{
    SexualAbuse,
    Recruitment,
    BoundaryCrossingBehaviour,
}

internal enum IncidentRole
{
    Affected,
    Involved,
}

/// <summary>
/// An incident in a living group, recorded for the organisation's quality system (plan-do-check-act) with the actions
/// taken. It belongs to the organisation; the young people it concerns are linked trajectories, shown to a reader only
/// when the access policy lets her open them.
/// </summary>
internal sealed class GroupIncident : IVersioned
{
    public const int GroupMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int MaxLinks = 20;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public GroupIncidentKind Kind { get; set; }
    public DateOnly OccurredOn { get; set; }
    public string Group { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
    public string ActionsTaken { get; set; } = string.Empty;
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedById { get; set; }
    public DateTimeOffset? ActionsUpdatedAt { get; set; }
    public Guid? ActionsUpdatedById { get; set; }
    public long Version { get; set; }

    public List<GroupIncidentLink> Links { get; set; } = [];
}

internal sealed class GroupIncidentLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IncidentId { get; set; }
    public Guid TrajectoryId { get; set; }
    public IncidentRole Role { get; set; }
}
