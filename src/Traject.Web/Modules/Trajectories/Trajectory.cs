using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Trajectories;

internal enum TrajectoryStatus
{
    Signalled,
    Active,
    Aftercare,
    Closed,
}

/// <summary>
/// One care trajectory of a young person. It has one coordinator at a time, who stays when placements or
/// organisations change, a care team, and a timeline.
/// </summary>
internal sealed class Trajectory : RaisesDomainEvents, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid YoungPersonId { get; set; }
    public YoungPerson? YoungPerson { get; set; }
    public TrajectoryStatus Status { get; set; }
    public Guid LeadOrganisationId { get; set; }
    public Guid CoordinatorId { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosingReason { get; set; }

    /// <summary>An argued early close, proposed and waiting for the designated expert's co-signature (or, once closed, co-signed).</summary>
    public string? EarlyCloseReason { get; set; }
    public Guid? EarlyCloseProposedById { get; set; }
    public DateTimeOffset? EarlyCloseProposedAt { get; set; }
    public Guid? EarlyCloseCoSignedById { get; set; }
    public long Version { get; set; }

    public List<CareTeamMembership> CareTeam { get; set; } = [];
    public List<CoordinatorAssignment> CoordinatorHistory { get; set; } = [];

    public bool IsClosed => Status == TrajectoryStatus.Closed;

    /// <summary>The shortest argument for closing before the aftercare plan and the follow-up contacts allow.</summary>
    public const int EarlyCloseReasonMinLength = 50;

    /// <summary>Whether the facts move the trajectory by themselves from one status to the other: into care, and into aftercare.</summary>
    public static bool MovesByItself(TrajectoryStatus from, TrajectoryStatus to) =>
        (from, to) is (TrajectoryStatus.Signalled, TrajectoryStatus.Active) or (TrajectoryStatus.Active, TrajectoryStatus.Aftercare);

    /// <summary>The moves the trajectory allows: forward through its phases, back from aftercare, closed from anywhere.</summary>
    public static bool CanMove(TrajectoryStatus from, TrajectoryStatus to) => (from, to) switch
    {
        (TrajectoryStatus.Signalled, TrajectoryStatus.Active) => true,
        (TrajectoryStatus.Active, TrajectoryStatus.Aftercare) => true,
        (TrajectoryStatus.Aftercare, TrajectoryStatus.Active) => true,
        (not TrajectoryStatus.Closed, TrajectoryStatus.Closed) => true,
        _ => false,
    };

    public Error? ChangeStatus(TrajectoryStatus to, string? reason, DateTimeOffset now)
    {
        if (!CanMove(Status, to))
        {
            return Error.Conflict(Text.Encode("A trajectory cannot move from {0} to {1}.", Status, to));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Invalid("reason", to == TrajectoryStatus.Closed
                ? "Give the reason for closing the trajectory."
                : "Give the reason for changing the status by hand.");
        }

        if (to == TrajectoryStatus.Closed)
        {
            ClosedAt = now;
            ClosingReason = reason;
            // Memberships planned to run past the closing date end too: nobody keeps access to a closed trajectory,
            // except the leaving team of an accepted hand-over, which keeps its grace period.
            var closedOn = DateOnly.FromDateTime(now.ToLocal().DateTime);
            foreach (var member in EndingWithClosing(closedOn))
            {
                member.To = closedOn;
                member.EndedAt = now;
            }

            var current = CoordinatorHistory.SingleOrDefault(c => c.Until is null);
            current?.Until = now;
        }

        Status = to;
        return null;
    }

    /// <summary>The memberships a closing on this day ends: all that run past it, except a hand-over's grace period.</summary>
    public IEnumerable<CareTeamMembership> EndingWithClosing(DateOnly closedOn) =>
        CareTeam.Where(m => (m.To is null || m.To >= closedOn) && m.EndedAt is null && m.EndsByHandoverId is null).ToList();

    /// <summary>A fact moves the trajectory on (see <see cref="MovesByItself"/>); false when it does not apply now.</summary>
    public bool MoveByFact(TrajectoryStatus to)
    {
        if (!MovesByItself(Status, to))
        {
            return false;
        }

        Status = to;
        return true;
    }

    /// <summary>
    /// Another organisation leads the trajectory from now on; <see cref="LeadOrganisationChanged"/> tells the modules
    /// whose records travel with it. Returns whether it moved.
    /// </summary>
    public bool MoveLead(Guid organisationId, Actor actor)
    {
        if (LeadOrganisationId == organisationId)
        {
            return false;
        }

        var from = LeadOrganisationId;
        LeadOrganisationId = organisationId;
        Raise(new LeadOrganisationChanged(this, actor, from, organisationId));
        return true;
    }

    /// <summary>
    /// A professional joins the care team from a day on (the receiving professional of an accepted hand-over). Returns
    /// the new membership; add it to the unit of work with <see cref="CareTeamWrites.AddJoined"/>.
    /// </summary>
    public CareTeamMembership JoinCareTeam(Guid professionalId, CareTeamRole role, DateOnly from, Guid addedBy)
    {
        var joined = new CareTeamMembership
        {
            TrajectoryId = Id, ProfessionalId = professionalId, Role = role, From = from, AddedById = addedBy,
        };
        CareTeam.Add(joined);
        return joined;
    }

    /// <summary>
    /// The memberships of the leaving side of an accepted hand-over end on the last day of its grace period
    /// (inclusive), marked as ended by that hand-over. Only memberships of this trajectory's team are touched.
    /// </summary>
    public void EndMembershipsForHandover(IEnumerable<CareTeamMembership> leaving, DateOnly until, Guid handoverId)
    {
        foreach (var m in leaving.Where(CareTeam.Contains))
        {
            m.To = until;
            m.EndsByHandoverId = handoverId;
        }
    }

    public Error? ChangeCoordinator(Guid professionalId, Guid assignedBy, DateTimeOffset now)
    {
        if (IsClosed)
        {
            return Error.Conflict("The trajectory is closed.");
        }

        if (professionalId == CoordinatorId)
        {
            return Error.Conflict("This professional is already the coordinator.");
        }

        var current = CoordinatorHistory.SingleOrDefault(c => c.Until is null);
        current?.Until = now;
        CoordinatorHistory.Add(new CoordinatorAssignment
        {
            TrajectoryId = Id, ProfessionalId = professionalId, Since = now, AssignedById = assignedBy,
        });
        CoordinatorId = professionalId;
        return null;
    }
}

internal sealed class CoordinatorAssignment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public Guid ProfessionalId { get; set; }
    public DateTimeOffset Since { get; set; }
    public DateTimeOffset? Until { get; set; }
    public Guid AssignedById { get; set; }
}

/// <summary>
/// The hub's writes of a care team that EF cannot infer from the navigation: a membership made by
/// <see cref="Trajectory.JoinCareTeam"/> has its key set already, so EF would take it for an existing row and UPDATE it.
/// </summary>
internal static class CareTeamWrites
{
    /// <summary>Adds the joined membership to the unit of work as a new row.</summary>
    public static void AddJoined(TrajectDb db, CareTeamMembership joined) => db.CareTeamMemberships.Add(joined);
}
