using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Trajectories;

internal sealed record ChangeStatusRequest(TrajectoryStatus? Status, string? Reason, long? Version);

internal sealed record ChangeCoordinatorRequest(Guid? ProfessionalId, long? Version);

internal sealed record AddCareTeamMemberRequest(Guid? ProfessionalId, Guid? OrganisationId, CareTeamRole? Role, DateOnly? From, DateOnly? To);

internal sealed record EndCareTeamMembershipRequest(DateOnly? EndDate, long? Version);

internal sealed record HandOverRequest(Guid? OrganisationId, long? Version);

internal sealed record Changed(Guid Id, long Version);

internal sealed record EarlyCloseRequest(string? Reason, long? Version);

internal sealed record VersionRequest(long? Version);

/// <summary>
/// Steering a trajectory: status, coordinator and care team. Only the coordinator and the designated expert of the
/// lead organisation steer; a member may end her own membership. Every manual status change has a reason; closing is
/// refused while anything in any module keeps it open (<see cref="TrajectoryLifecycle"/>), and closing before the
/// aftercare is over needs an argued early close co-signed by the designated expert.
/// </summary>
internal sealed class TrajectoryRecords(TrajectDb db, TimeProvider time, DossierDoor door, AuditLog audit, TimelineWriter timeline,
    TrajectoryLifecycle lifecycle)
{
    private static string Link(Guid id) => $"/trajectories/{id}";

    public async Task<Result<Changed>> ChangeStatusAsync(Actor actor, Guid id, ChangeStatusRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var status = v.Enum("status", request.Status);
        var reason = v.Text("reason", request.Reason, 1000);
        var version = v.Required("version", request.Version);
        var steered = await SteerAsync(actor, id, TrajectoriesAuditActions.TrajectoryUpdated, v, ct);
        if (steered.Error is { } error)
        {
            return error;
        }

        var dossier = steered.Value;
        var t = dossier.Trajectory;
        if (t.Version != version)
        {
            return Error.Stale();
        }

        if (status == TrajectoryStatus.Closed && Trajectory.CanMove(t.Status, status))
        {
            // Every module that keeps a trajectory from closing is asked; the refusal lists all reasons.
            if (TrajectoryLifecycle.Refusal(await lifecycle.ObstaclesAsync(t, ct), arguedEarlyClose: false) is { } notYet)
            {
                return notYet;
            }

            if (await lifecycle.CloseAsync(t, actor, dossier.Basis, reason, ct) is { } closing)
            {
                return closing;
            }
        }
        else
        {
            var from = t.Status;
            if (t.ChangeStatus(status, reason, time.GetUtcNow()) is { } rule)
            {
                return rule;
            }

            timeline.Add(t.Id, actor, TrajectoriesTimelineKinds.StatusChanged, Link(t.Id), "Status changed by hand from {0} to {1}: {2}", from, status, reason);
            // Subscribers act in the same transaction (e.g. a status change brings the safety re-assessment forward).
            t.Raise(new TrajectoryStatusChanged(t, actor, from, dossier.Basis));
        }

        dossier.Audit(TrajectoriesAuditActions.TrajectoryUpdated, nameof(Trajectory), t.Id);
        return await SaveAsync(t.Id, t, version, ct);
    }

    /// <summary>
    /// Proposes an argued early close: closing before the aftercare plan runs out or the follow-up contacts are made,
    /// with an argument of at least <see cref="Trajectory.EarlyCloseReasonMinLength"/> characters. The coordinator or the
    /// designated expert proposes; another designated expert of the lead organisation co-signs, which closes it.
    /// Refused when something other than the aftercare keeps it from closing.
    /// </summary>
    public async Task<Result<Changed>> ProposeEarlyCloseAsync(Actor actor, Guid id, EarlyCloseRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var reason = v.Text("reason", request.Reason, 1000, minLength: Trajectory.EarlyCloseReasonMinLength);
        var version = v.Required("version", request.Version);
        var steered = await SteerAsync(actor, id, TrajectoriesAuditActions.EarlyCloseProposed, v, ct);
        if (steered.Error is { } error)
        {
            return error;
        }

        var dossier = steered.Value;
        var t = dossier.Trajectory;
        if (t.IsClosed)
        {
            return DossierDoor.Closed;
        }

        if (t.Version != version)
        {
            return Error.Stale();
        }

        if (t.EarlyCloseProposedById is not null)
        {
            return Error.Conflict("An early close is already proposed: the designated expert co-signs or withdraws it.");
        }

        var obstacles = await lifecycle.ObstaclesAsync(t, ct);
        if (TrajectoryLifecycle.Refusal(obstacles, arguedEarlyClose: true) is { } notYet)
        {
            return notYet;
        }

        if (!obstacles.Any(o => o.EarlyCloseMayPass))
        {
            return Error.Conflict("Nothing keeps this trajectory from closing: close it the usual way, with a reason.");
        }

        t.EarlyCloseReason = reason;
        t.EarlyCloseProposedById = actor.Id;
        t.EarlyCloseProposedAt = time.GetUtcNow();
        timeline.Add(t.Id, actor, TrajectoriesTimelineKinds.EarlyClose, Link(t.Id), "Early close proposed by {0}: {1}", actor.DisplayName, reason);
        dossier.Audit(TrajectoriesAuditActions.EarlyCloseProposed, nameof(Trajectory), t.Id);
        return await SaveAsync(t.Id, t, version, ct);
    }

    /// <summary>
    /// A designated expert of the lead organisation other than the proposer co-signs the proposed early close: the
    /// trajectory closes with the argument as its reason, and the follow-up contacts stay planned.
    /// </summary>
    public async Task<Result<Changed>> CoSignEarlyCloseAsync(Actor actor, Guid id, VersionRequest request, CancellationToken ct)
    {
        var proposed = await ProposedEarlyCloseAsync(actor, id, TrajectoriesAuditActions.EarlyCloseCoSigned, request, ct);
        if (proposed.Error is { } error)
        {
            return error;
        }

        var dossier = proposed.Value;
        var t = dossier.Trajectory;
        var version = t.Version;
        var reason = t.EarlyCloseReason!;
        if (!actor.IsInRole(Roles.DesignatedExpert) || actor.OrganisationId != t.LeadOrganisationId || actor.Id == t.EarlyCloseProposedById)
        {
            return await dossier.RefuseAsync(TrajectoriesAuditActions.EarlyCloseCoSigned,
                Error.Forbidden("An early close is co-signed by a designated expert of the lead organisation who did not propose it."), ct: ct);
        }

        if (TrajectoryLifecycle.Refusal(await lifecycle.ObstaclesAsync(t, ct), arguedEarlyClose: true) is { } notYet)
        {
            return notYet;
        }

        t.EarlyCloseCoSignedById = actor.Id;
        timeline.Add(t.Id, actor, TrajectoriesTimelineKinds.EarlyClose, Link(t.Id), "Early close co-signed by {0}", actor.DisplayName);
        if (await lifecycle.CloseAsync(t, actor, dossier.Basis, reason, ct) is { } closing)
        {
            return closing;
        }

        dossier.Audit(TrajectoriesAuditActions.EarlyCloseCoSigned, nameof(Trajectory), t.Id);
        return await SaveAsync(t.Id, t, version, ct);
    }

    /// <summary>The coordinator or a designated expert withdraws a proposed early close.</summary>
    public async Task<Result<Changed>> WithdrawEarlyCloseAsync(Actor actor, Guid id, VersionRequest request, CancellationToken ct)
    {
        var proposed = await ProposedEarlyCloseAsync(actor, id, TrajectoriesAuditActions.EarlyCloseWithdrawn, request, ct);
        if (proposed.Error is { } error)
        {
            return error;
        }

        var dossier = proposed.Value;
        var t = dossier.Trajectory;
        var version = t.Version;

        t.EarlyCloseReason = null;
        t.EarlyCloseProposedById = null;
        t.EarlyCloseProposedAt = null;
        timeline.Add(t.Id, actor, TrajectoriesTimelineKinds.EarlyClose, Link(t.Id), "Early close withdrawn by {0}", actor.DisplayName);
        dossier.Audit(TrajectoriesAuditActions.EarlyCloseWithdrawn, nameof(Trajectory), t.Id);
        return await SaveAsync(t.Id, t, version, ct);
    }

    public async Task<Result<Changed>> ChangeCoordinatorAsync(Actor actor, Guid id, ChangeCoordinatorRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var professionalId = v.Id("professionalId", request.ProfessionalId);
        var version = v.Required("version", request.Version);
        if (professionalId != Guid.Empty && !await CareProfessionals.IsEligibleAsync(db, professionalId, ct))
        {
            v.Add("professionalId", "The coordinator must be an active professional of a care organisation.");
        }

        var steered = await SteerAsync(actor, id, TrajectoriesAuditActions.CoordinatorChanged, v, ct);
        if (steered.Error is { } error)
        {
            return error;
        }

        var dossier = steered.Value;
        var t = dossier.Trajectory;
        if (t.Version != version)
        {
            return Error.Stale();
        }

        if (t.ChangeCoordinator(professionalId, actor.Id, time.GetUtcNow()) is { } rule)
        {
            return rule;
        }

        // The new period is reachable only through the navigation and its key is already set, so EF would take it
        // for an existing row and UPDATE it (0 rows: a false "changed by someone else"). Add it explicitly.
        db.CoordinatorAssignments.Add(t.CoordinatorHistory[^1]);

        var name = await MemberNameAsync(professionalId, null, ct);
        timeline.Add(t.Id, actor, TrajectoriesTimelineKinds.CoordinatorChanged, Link(t.Id), "Coordinator is now {0}", name);
        dossier.Audit(TrajectoriesAuditActions.CoordinatorChanged, nameof(Trajectory), t.Id);
        return await SaveAsync(t.Id, t, version, ct);
    }

    /// <summary>
    /// Hands the trajectory over to another care organisation, which becomes the lead organisation. The coordinator
    /// stays; the registration decisions and their reasons belong to the trajectory and so travel with it, and the
    /// timeline states the current decision for the receiving organisation.
    /// </summary>
    public async Task<Result<Changed>> HandOverAsync(Actor actor, Guid id, HandOverRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var organisationId = v.Id("organisationId", request.OrganisationId);
        var version = v.Required("version", request.Version);
        if (organisationId != Guid.Empty && !await CareProfessionals.IsCareOrganisationAsync(db, organisationId, ct))
        {
            v.Add("organisationId", "Only an active care organisation can lead a trajectory.");
        }

        var steered = await SteerAsync(actor, id, TrajectoriesAuditActions.TrajectoryHandedOver, v, ct);
        if (steered.Error is { } error)
        {
            return error;
        }

        var dossier = steered.Value;
        var t = dossier.Trajectory;
        if (t.Version != version)
        {
            return Error.Stale();
        }

        if (t.IsClosed)
        {
            return DossierDoor.Closed;
        }

        if (t.LeadOrganisationId == organisationId)
        {
            return Error.Conflict("This organisation already leads the trajectory.");
        }

        // The registration module states its decision on the timeline for the receiving organisation (it travels along).
        t.MoveLead(organisationId, actor);
        dossier.Audit(TrajectoriesAuditActions.TrajectoryHandedOver, nameof(Trajectory), t.Id);
        return await SaveAsync(t.Id, t, version, ct);
    }

    public async Task<Result<Changed>> AddMemberAsync(Actor actor, Guid id, AddCareTeamMemberRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var role = v.Enum("role", request.Role);
        var today = time.Today();
        var from = request.From ?? today;
        if (request.ProfessionalId is null == request.OrganisationId is null)
        {
            v.Add("professionalId", "Name either one professional or one whole organisation.");
        }
        else if (request.ProfessionalId is { } pid && !await CareProfessionals.IsEligibleAsync(db, pid, ct))
        {
            v.Add("professionalId", "Only active professionals with a care role can join a care team.");
        }
        else if (request.OrganisationId is { } oid && !await CareProfessionals.IsCareOrganisationAsync(db, oid, ct))
        {
            v.Add("organisationId", "Only an active care organisation can join a care team as a whole.");
        }

        if (from < today.AddDays(-1))
        {
            v.Add("from", "A membership cannot start in the past.");
        }

        if (request.To is { } to && to < from)
        {
            v.Add("to", "The end date cannot be before the start date.");
        }

        var steered = await SteerAsync(actor, id, TrajectoriesAuditActions.CareTeamChanged, v, ct);
        if (steered.Error is { } error)
        {
            return error;
        }

        var dossier = steered.Value;
        var t = dossier.Trajectory;
        if (t.IsClosed)
        {
            return DossierDoor.Closed;
        }

        if (t.CareTeam.Any(m => (m.To is null || m.To >= from) && m.EndedAt is null
                ? (request.ProfessionalId is not null && m.ProfessionalId == request.ProfessionalId)
                  || (request.OrganisationId is not null && m.OrganisationId == request.OrganisationId)
                : false))
        {
            return Error.Conflict("This professional or organisation is already a member of the care team.");
        }

        var membership = new CareTeamMembership
        {
            TrajectoryId = t.Id, ProfessionalId = request.ProfessionalId, OrganisationId = request.OrganisationId,
            Role = role, From = from, To = request.To, AddedById = actor.Id,
        };
        db.CareTeamMemberships.Add(membership);
        var name = await MemberNameAsync(request.ProfessionalId, request.OrganisationId, ct);
        timeline.Add(t.Id, actor, TrajectoriesTimelineKinds.MemberAdded, Link(t.Id), "{0} joined the care team as {1}", name, role);
        dossier.Audit(TrajectoriesAuditActions.CareTeamChanged, nameof(CareTeamMembership), membership.Id);
        await db.SaveChangesAsync(ct);
        return new Changed(membership.Id, membership.Version);
    }

    public async Task<Result<Changed>> EndMemberAsync(Actor actor, Guid id, Guid membershipId, EndCareTeamMembershipRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var version = v.Required("version", request.Version);
        // Ending her own membership is recording; ending someone else's is steering.
        var membershipObject = new AuditObject(nameof(CareTeamMembership), membershipId);
        var opened = await door.OpenAsync(actor, id, DossierOperation.Record, TrajectoriesAuditActions.CareTeamChanged, ct, tracked: true, about: membershipObject);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;
        await db.Entry(t).Collection(x => x.CareTeam).LoadAsync(ct);
        var membership = t.CareTeam.SingleOrDefault(m => m.Id == membershipId);
        if (membership is null)
        {
            await audit.RecordAsync(actor, TrajectoriesAuditActions.CareTeamChanged, nameof(CareTeamMembership), membershipId, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.NotFound();
        }

        if (membership.ProfessionalId != actor.Id && !AccessPolicy.CanManage(actor, t))
        {
            return await dossier.RefuseAsync(TrajectoriesAuditActions.CareTeamChanged,
                Error.Forbidden("Only the coordinator or the designated expert can end someone else's membership."), membershipObject, ct);
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (membership.Version != version)
        {
            return Error.Stale();
        }

        var today = time.Today();
        if (membership.End(request.EndDate ?? today, today, time.GetUtcNow()) is { } rule)
        {
            return rule;
        }

        var name = await MemberNameAsync(membership.ProfessionalId, membership.OrganisationId, ct);
        timeline.Add(t.Id, actor, TrajectoriesTimelineKinds.MemberEnded, Link(t.Id),
            "Care-team membership of {0} ends on {1}", name, membership.To!.Value.ToString("yyyy-MM-dd", null));
        dossier.Audit(TrajectoriesAuditActions.CareTeamChanged, nameof(CareTeamMembership), membership.Id);
        db.Entry(membership).Property(m => m.Version).OriginalValue = version;
        return await SaveAsync(membership.Id, membership, version, ct);
    }

    /// <summary>The trajectory to steer, tracked with its care team and coordinators; input errors only once she may steer.</summary>
    /// <summary>The dossier, steered, with a proposed early close at the version the request saw; otherwise the error.</summary>
    private async Task<Result<Dossier>> ProposedEarlyCloseAsync(Actor actor, Guid id, string action, VersionRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var version = v.Required("version", request.Version);
        var steered = await SteerAsync(actor, id, action, v, ct);
        if (steered.Error is { } error)
        {
            return error;
        }

        var t = steered.Value.Trajectory;
        return t.IsClosed ? DossierDoor.Closed
            : t.EarlyCloseProposedById is null || t.EarlyCloseReason is null ? Error.Conflict("No early close is proposed.")
            : t.Version != version ? Error.Stale()
            : steered;
    }

    private async Task<Result<Dossier>> SteerAsync(Actor actor, Guid id, string action, Validator v, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, id, DossierOperation.Steer, action, ct, tracked: true);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        var t = opened.Value.Trajectory;
        await db.Entry(t).Collection(x => x.CareTeam).LoadAsync(ct);
        await db.Entry(t).Collection(x => x.CoordinatorHistory).LoadAsync(ct);
        return opened.Value;
    }

    private Task<string> MemberNameAsync(Guid? professionalId, Guid? organisationId, CancellationToken ct) =>
        PersonRefs.MemberNameAsync(db, professionalId, organisationId, ct);

    private async Task<Result<Changed>> SaveAsync(Guid id, IVersioned entity, long expected, CancellationToken ct)
    {
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = expected;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        return new Changed(id, entity.Version);
    }
}
