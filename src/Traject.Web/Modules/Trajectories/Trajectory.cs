using Traject.Web.Common;
using Traject.Web.Common.Access;
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
    public long Version { get; set; }

    public List<CareTeamMembership> CareTeam { get; set; } = [];
    public List<CoordinatorAssignment> CoordinatorHistory { get; set; } = [];

    public bool IsClosed => Status == TrajectoryStatus.Closed;

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

        if (to == TrajectoryStatus.Closed)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return Error.Invalid("reason", "Give the reason for closing the trajectory.");
            }

            ClosedAt = now;
            ClosingReason = reason;
            // Memberships planned to run past the closing date end too: nobody keeps access to a closed trajectory.
            var closedOn = DateOnly.FromDateTime(now.ToLocal().DateTime);
            foreach (var member in CareTeam.Where(m => (m.To is null || m.To >= closedOn) && m.EndedAt is null))
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
