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

/// <summary>
/// Steering a trajectory: status, coordinator and care team. Only the coordinator and the designated expert of the
/// lead organisation steer; a member may end her own membership. A trajectory of someone turning 18 closes only
/// once her continuity checklist is complete.
/// </summary>
internal sealed class TrajectoryRecords(TrajectDb db, TimeProvider time, DossierDoor door, AuditLog audit, TimelineWriter timeline,
    IEnumerable<IClosingGuard> guards)
{
    private static string Link(Guid id) => $"/trajectories/{id}";

    public async Task<Result<Changed>> ChangeStatusAsync(Actor actor, Guid id, ChangeStatusRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var status = v.Enum("status", request.Status);
        var reason = v.OptionalText("reason", request.Reason, 1000);
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

        // The modules that keep a trajectory from closing (e.g. the 18-plus continuity checklist) are asked first.
        if (status == TrajectoryStatus.Closed && Trajectory.CanMove(t.Status, status))
        {
            foreach (var guard in guards)
            {
                if (await guard.RefuseClosingAsync(t, ct) is { } notYet)
                {
                    return notYet;
                }
            }
        }

        var from = t.Status;
        if (t.ChangeStatus(status, reason, time.GetUtcNow()) is { } rule)
        {
            return rule;
        }

        timeline.Add(t.Id, actor, TrajectoriesTimelineKinds.StatusChanged, Link(t.Id),
            "Status changed from {0} to {1}", from, status);
        // Subscribers act in the same transaction: closing ends a proposed hand-over and plans the follow-up contacts,
        // a phase change brings the safety re-assessment forward.
        t.Raise(new TrajectoryStatusChanged(t, actor, from, dossier.Basis));
        if (t.IsClosed)
        {
            t.Raise(new TrajectoryClosed(t, actor, from, dossier.Basis));
        }
        dossier.Audit(TrajectoriesAuditActions.TrajectoryUpdated, nameof(Trajectory), t.Id);
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

    /// <summary>The name a timeline shows for a professional or, when none is given, a whole organisation.</summary>
    private Task<string> MemberNameAsync(Guid? professionalId, Guid? organisationId, CancellationToken ct) => professionalId is { } p
        ? db.Users.Where(u => u.Id == p).Select(u => u.DisplayName).SingleAsync(ct)
        : db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);

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
