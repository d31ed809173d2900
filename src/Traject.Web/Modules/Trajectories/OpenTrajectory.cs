using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories.Access;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Trajectories;

internal sealed record OpenTrajectoryRequest(TrajectoryStatus? InitialStatus, Guid? CoordinatorId, CareTeamRole? MyRole);

internal sealed record TrajectoryOpened(Guid TrajectoryId);

/// <summary>
/// Opens a trajectory: the registering professional joins the care team, a coordinator is named (herself unless
/// she names someone else), and the timeline starts. Also opens a new trajectory for a known young person.
/// </summary>
internal sealed class OpenTrajectory(TrajectDb db, TimeProvider time, AccessPolicy access, AuditLog audit, TimelineWriter timeline)
{
    internal sealed record Plan(TrajectoryStatus Status, Guid CoordinatorId, CareTeamRole MyRole);

    public async Task<Plan> ValidateAsync(Actor actor, TrajectoryStatus? status, Guid? coordinatorId, CareTeamRole? myRole,
        Validator v, CancellationToken ct)
    {
        var initial = status ?? TrajectoryStatus.Signalled;
        if (!Enum.IsDefined(initial) || initial is not (TrajectoryStatus.Signalled or TrajectoryStatus.Active))
        {
            v.Add("initialStatus", "A new trajectory starts as signalled or active.");
        }

        var coordinator = coordinatorId ?? actor.Id;
        if (coordinator != actor.Id && !await CareProfessionals.IsEligibleAsync(db, coordinator, ct))
        {
            v.Add("coordinatorId", "The coordinator must be an active professional of a care organisation.");
        }

        var role = myRole ?? (actor.IsInRole(Roles.MunicipalTeamMember) ? CareTeamRole.NeighbourhoodTeam : CareTeamRole.Mentor);
        if (!Enum.IsDefined(role))
        {
            v.Add("myRole", "Unknown value.");
        }

        return new Plan(initial, coordinator, role);
    }

    public Trajectory Open(Actor actor, YoungPerson person, Plan plan)
    {
        var trajectory = Start(actor, person, plan.Status, plan.CoordinatorId);
        trajectory.CareTeam.Add(new CareTeamMembership
        {
            TrajectoryId = trajectory.Id, ProfessionalId = actor.Id, Role = plan.MyRole, From = time.Today(), AddedById = actor.Id,
        });
        audit.Add(actor, TrajectoriesAuditActions.TrajectoryCreated, nameof(Trajectory), trajectory.Id, person.PseudonymCode, AccessBasis.CareTeam);
        return trajectory;
    }

    /// <summary>
    /// A signalled trajectory led by the actor's organisation that the actor does not join and may not open: for a
    /// pooled signal about a young person nobody has an open trajectory for. The coordinator picks it up.
    /// </summary>
    public Trajectory OpenForPickUp(Actor actor, YoungPerson person, Guid coordinatorId)
    {
        var trajectory = Start(actor, person, TrajectoryStatus.Signalled, coordinatorId);
        audit.Add(actor, TrajectoriesAuditActions.TrajectoryCreated, nameof(Trajectory), trajectory.Id, person.PseudonymCode);
        return trajectory;
    }

    private Trajectory Start(Actor actor, YoungPerson person, TrajectoryStatus status, Guid coordinatorId)
    {
        var now = time.GetUtcNow();
        var trajectory = new Trajectory
        {
            YoungPersonId = person.Id,
            Status = status,
            LeadOrganisationId = actor.OrganisationId,
            CoordinatorId = coordinatorId,
            StartedOn = time.Today(),
            OpenedAt = now,
        };
        trajectory.CoordinatorHistory.Add(new CoordinatorAssignment
        {
            TrajectoryId = trajectory.Id, ProfessionalId = coordinatorId, Since = now, AssignedById = actor.Id,
        });
        db.Trajectories.Add(trajectory);
        timeline.Add(trajectory.Id, actor, TrajectoriesTimelineKinds.TrajectoryOpened, $"/trajectories/{trajectory.Id}",
            "Trajectory opened with status {0}", status);
        trajectory.Raise(new TrajectoryStarted(trajectory, actor, actor.OrganisationKind));
        return trajectory;
    }

    /// <summary>A new trajectory for a young person the actor may already see, when none is open.</summary>
    public async Task<Result<TrajectoryOpened>> HandleAsync(Actor actor, string youngPersonKey, OpenTrajectoryRequest request, CancellationToken ct)
    {
        var youngPersonId = await YoungPersonKey.ResolveAsync(db, youngPersonKey, ct);
        var basis = await access.BasisForYoungPersonAsync(actor, youngPersonId, ct);
        var person = basis is null ? null : await db.YoungPeople.SingleOrDefaultAsync(y => y.Id == youngPersonId, ct);
        if (person is null)
        {
            await audit.RecordAsync(actor, TrajectoriesAuditActions.TrajectoryCreated, nameof(YoungPerson), youngPersonId, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.NotFound();
        }

        if (!Organisation.IsCareKind(actor.OrganisationKind))
        {
            return Error.Forbidden("Only professionals of a care organisation can open a trajectory.");
        }

        if (await db.Trajectories.AnyAsync(t => t.YoungPersonId == youngPersonId && t.Status != TrajectoryStatus.Closed, ct))
        {
            return Error.Conflict("This young person already has an open trajectory. Close it before opening a new one.");
        }

        var v = new Validator();
        var plan = await ValidateAsync(actor, request.InitialStatus, request.CoordinatorId, request.MyRole, v, ct);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        var trajectory = Open(actor, person, plan);
        await db.SaveChangesAsync(ct);
        return new TrajectoryOpened(trajectory.Id);
    }
}
