using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Notifications;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Handovers;

internal sealed record HandoverNoteRequest(HandoverItem? Item, string? Note);

internal sealed record ProposeHandoverRequest(Guid? ToProfessionalId, HandoverDestination? Destination, CareTeamRole? Role,
    IReadOnlyList<HandoverNoteRequest?>? Notes, Guid? FromPlacementId = null);

internal sealed record ConfirmHandoverItemRequest(HandoverItem? Item, long? Version);

internal sealed record HandoverMeetingRequest(DateOnly? HeldOn, string? Participants, long? Version);

internal sealed record AcceptHandoverRequest(long? Version);

internal sealed record RefuseHandoverRequest(string? Reason, long? Version);

internal sealed record WithdrawHandoverRequest(long? Version);

internal sealed record HandoverItemView(HandoverItem Item, string? Note, DateTimeOffset? ConfirmedAt, PersonRef? ConfirmedBy);

internal sealed record HandoverView(
    Guid Id,
    Guid? FromPlacementId,
    HandoverDestination Destination,
    string FromOrganisation,
    string ToOrganisation,
    PersonRef ToProfessional,
    CareTeamRole ReceivingRole,
    HandoverStatus Status,
    DateTimeOffset ProposedAt,
    PersonRef ProposedBy,
    DateOnly? MeetingOn,
    string? MeetingParticipants,
    DateTimeOffset? DecidedAt,
    PersonRef? DecidedBy,
    string? RefusalReason,
    DateOnly? LeavingAccessUntil,
    IReadOnlyList<HandoverItemView> Checklist,
    bool IsReadyToAccept,
    long Version,
    bool CanWithdraw,
    bool CanRecordMeeting,
    bool IsReceiving);

/// <summary>
/// Warm hand-overs of a trajectory. The coordinator or the lead organisation's designated expert proposes one to a
/// receiving professional and may withdraw it; the receiving professional confirms the checklist item by item, and
/// accepts or refuses; either side records the joint meeting with the young person. Everyone who may open the dossier
/// reads them, the receiving professional included while the hand-over is proposed.
/// </summary>
internal sealed class WarmHandovers(TrajectDb db, TimeProvider time, DossierDoor door, AuditLog audit, TimelineWriter timeline,
    Notifier notifier, IOptions<HandoverOptions> options)
{
    public const string NotificationKind = "handover";

    private static string Link(Guid trajectoryId) => $"/trajectories/{trajectoryId}/handovers";

    public async Task<Result<IReadOnlyList<HandoverView>>> ListAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, HandoversAuditActions.HandoverRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var rows = await db.Handovers.AsNoTracking().Include(h => h.Checklist).Where(h => h.TrajectoryId == trajectoryId)
            .OrderByDescending(h => h.ProposedAt).ThenByDescending(h => h.Id).ToListAsync(ct);
        var people = await PersonRefs.LoadAsync(db, rows.SelectMany(h => new[] { h.ToProfessionalId, h.ProposedById }
            .Concat(h.DecidedById is { } d ? [d] : [])
            .Concat(h.Checklist.Where(c => c.ConfirmedById is not null).Select(c => c.ConfirmedById!.Value))), ct);
        var orgIds = rows.SelectMany(h => new[] { h.FromOrganisationId, h.ToOrganisationId }).Distinct().ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        // The lead organisation's designated expert who is also in the team reads as a member and still withdraws.
        var manages = AccessPolicy.CanManage(actor, opened.Value.Trajectory);
        return rows.Select(h => new HandoverView(h.Id, h.FromPlacementId, h.Destination, orgs[h.FromOrganisationId], orgs[h.ToOrganisationId],
            people[h.ToProfessionalId], h.ReceivingRole, h.Status, h.ProposedAt, people[h.ProposedById], h.MeetingOn, h.MeetingParticipants,
            h.DecidedAt, h.DecidedById is { } by ? people[by] : null, h.RefusalReason, h.LeavingAccessUntil,
            h.Checklist.OrderBy(c => c.Item).Select(c => new HandoverItemView(c.Item, c.Note, c.ConfirmedAt,
                c.ConfirmedById is { } cb ? people[cb] : null)).ToList(),
            h.IsReadyToAccept, h.Version, h.IsOpen && manages, h.IsOpen && (manages || h.ToProfessionalId == actor.Id),
            h.IsOpen && h.ToProfessionalId == actor.Id)).ToList();
    }

    public async Task<Result<Changed>> ProposeAsync(Actor actor, Guid trajectoryId, ProposeHandoverRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var to = v.Id("toProfessionalId", request.ToProfessionalId);
        var destination = v.Enum("destination", request.Destination);
        if (request.Role is { } r && !Enum.IsDefined(r))
        {
            v.Add("role", "Unknown value.");
        }

        var notes = new Dictionary<HandoverItem, string?>();
        var given = request.Notes ?? [];
        if (given.Count > Enum.GetValues<HandoverItem>().Length)
        {
            v.Add("notes", "At most {0} notes.", Enum.GetValues<HandoverItem>().Length);
        }
        else
        {
            for (var i = 0; i < given.Count; i++)
            {
                if (given[i] is not { } note)
                {
                    v.Add($"notes[{i}]", "This field is required.");
                    continue;
                }

                var item = v.Enum($"notes[{i}].item", note.Item);
                var text = v.OptionalText($"notes[{i}].note", note.Note, Handover.NoteMaxLength);
                if (note.Item is not null && Enum.IsDefined(item) && !notes.TryAdd(item, text))
                {
                    v.Add($"notes[{i}].item", "Each item once.");
                }
            }
        }

        var receiver = to == Guid.Empty ? null : await CareProfessionals.Query(db).Where(u => u.Id == to)
            .Select(u => new { u.Id, u.OrganisationId, u.Organisation!.Kind, u.DisplayName, Organisation = u.Organisation.Name }).SingleOrDefaultAsync(ct);
        if (to != Guid.Empty && receiver is null)
        {
            v.Add("toProfessionalId", "The receiving professional must be an active professional of a care organisation.");
        }

        var opened = await door.OpenForChangeAsync(actor, trajectoryId, DossierOperation.Steer, HandoversAuditActions.HandoverProposed, v, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        if (await db.Handovers.AnyAsync(h => h.TrajectoryId == t.Id && h.Status == HandoverStatus.Proposed, ct))
        {
            return Error.Conflict("This trajectory already has a proposed hand-over. Withdraw it before proposing another.");
        }

        if (receiver!.Id == actor.Id)
        {
            return Error.Invalid("toProfessionalId", "Hand the trajectory over to someone else.");
        }

        if (request.FromPlacementId is { } placementId && !await db.Placements.AnyAsync(p => p.Id == placementId && p.TrajectoryId == t.Id, ct))
        {
            return Error.Invalid("fromPlacementId", "Choose a placement of this trajectory.");
        }

        var now = time.GetUtcNow();
        var handover = new Handover
        {
            TrajectoryId = t.Id, FromPlacementId = request.FromPlacementId, Destination = destination, FromOrganisationId = t.LeadOrganisationId, ToOrganisationId = receiver.OrganisationId,
            ToProfessionalId = receiver.Id,
            ReceivingRole = request.Role ?? (receiver.Kind == OrganisationKind.MunicipalTeam ? CareTeamRole.NeighbourhoodTeam : CareTeamRole.Mentor),
            Status = HandoverStatus.Proposed, ProposedAt = now, ProposedById = actor.Id, ChangedAt = now,
        };
        handover.Checklist.AddRange(Enum.GetValues<HandoverItem>().Select(item => new HandoverChecklistItem
        {
            HandoverId = handover.Id, Item = item, Note = notes.GetValueOrDefault(item),
        }));
        db.Handovers.Add(handover);
        notifier.Notify([receiver.Id], NotificationKind, Link(t.Id),
            "Hand-over of {0} proposed to you by {1}: you may read the dossier until you accept or refuse", dossier.Pseudonym, actor.DisplayName);
        timeline.Add(t.Id, actor, HandoversTimelineKinds.HandoverProposed, Link(t.Id), "Hand-over ({0}) proposed to {1} ({2})",
            destination, receiver.DisplayName, receiver.Organisation);
        dossier.Audit(HandoversAuditActions.HandoverProposed, nameof(Handover), handover.Id);
        await db.SaveChangesAsync(ct);
        return new Changed(handover.Id, handover.Version);
    }

    public async Task<Result<Changed>> ConfirmAsync(Actor actor, Guid trajectoryId, Guid handoverId, ConfirmHandoverItemRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var item = v.Enum("item", request.Item);
        var version = v.Required("version", request.Version);
        var (dossier, h, error) = await LoadAsync(actor, trajectoryId, handoverId, HandoversAuditActions.HandoverChanged, Side.Receiving, v, ct);
        if (error is not null)
        {
            return error;
        }

        if (h!.Version != version)
        {
            return Error.Stale();
        }

        if (h.Confirm(item, actor.Id, time.GetUtcNow()) is { } rule)
        {
            return rule;
        }

        timeline.Add(dossier!.Id, actor, HandoversTimelineKinds.HandoverChanged, Link(dossier.Id), "Hand-over: {0} confirmed by the receiving side", item);
        dossier.Audit(HandoversAuditActions.HandoverChanged, nameof(Handover), h.Id);
        return await SaveAsync(h, version, ct);
    }

    public async Task<Result<Changed>> RecordMeetingAsync(Actor actor, Guid trajectoryId, Guid handoverId, HandoverMeetingRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var heldOn = v.Required("heldOn", request.HeldOn);
        var participants = v.Text("participants", request.Participants, Handover.ParticipantsMaxLength);
        var version = v.Required("version", request.Version);
        var (dossier, h, error) = await LoadAsync(actor, trajectoryId, handoverId, HandoversAuditActions.HandoverChanged, Side.Either, v, ct);
        if (error is not null)
        {
            return error;
        }

        if (h!.Version != version)
        {
            return Error.Stale();
        }

        if (h.RecordMeeting(heldOn, participants, time.Today(), time.GetUtcNow()) is { } rule)
        {
            return rule;
        }

        timeline.Add(dossier!.Id, actor, HandoversTimelineKinds.HandoverChanged, Link(dossier.Id), "Hand-over: joint meeting with the young person on {0}",
            heldOn.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture));
        dossier.Audit(HandoversAuditActions.HandoverChanged, nameof(Handover), h.Id);
        return await SaveAsync(h, version, ct);
    }

    public async Task<Result<Changed>> AcceptAsync(Actor actor, Guid trajectoryId, Guid handoverId, AcceptHandoverRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var version = v.Required("version", request.Version);
        var (dossier, h, error) = await LoadAsync(actor, trajectoryId, handoverId, HandoversAuditActions.HandoverAccepted, Side.Receiving, v, ct, tracked: true);
        if (error is not null)
        {
            return error;
        }

        if (h!.Version != version)
        {
            return Error.Stale();
        }

        if (dossier!.IsClosed)
        {
            return DossierDoor.Closed;
        }

        var today = time.Today();
        var now = time.GetUtcNow();
        if (h.Accept(actor.Id, today, now, options.Value.LeavingAccessDays) is { } rule)
        {
            return rule;
        }

        var trajectory = dossier.Trajectory;
        await db.Entry(trajectory).Collection(x => x.CareTeam).LoadAsync(ct);
        var memberIds = trajectory.CareTeam.Where(m => m.ProfessionalId is not null).Select(m => m.ProfessionalId!.Value).Distinct().ToList();
        var organisationOf = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.OrganisationId, ct);
        var applied = HandoverWindows.Apply(trajectory, h, organisationOf, actor, today, now);
        var toOrganisation = await db.Organisations.Where(o => o.Id == h.ToOrganisationId).Select(o => o.Name).SingleAsync(ct);
        timeline.Add(trajectory.Id, actor, HandoversTimelineKinds.HandoverDecided, Link(trajectory.Id), "Hand-over accepted by {0} ({1})", actor.DisplayName, toOrganisation);
        if (applied.Joined is { } joined)
        {
            CareTeamWrites.AddJoined(db, joined);
            timeline.Add(trajectory.Id, actor, TrajectoriesTimelineKinds.MemberAdded, $"/trajectories/{trajectory.Id}", "{0} joined the care team as {1}",
                actor.DisplayName, joined.Role);
            dossier.Audit(TrajectoriesAuditActions.CareTeamChanged, nameof(CareTeamMembership), joined.Id);
        }

        if (applied.LeadMoved)
        {
            timeline.Add(trajectory.Id, actor, HandoversTimelineKinds.LeadOrganisationChanged, $"/trajectories/{trajectory.Id}", "Lead organisation is now {0}", toOrganisation);
            dossier.Audit(TrajectoriesAuditActions.TrajectoryUpdated);
        }

        foreach (var leaving in applied.Leaving)
        {
            dossier.Audit(TrajectoriesAuditActions.CareTeamChanged, nameof(CareTeamMembership), leaving.Id);
        }

        if (applied.Leaving.Count > 0)
        {
            timeline.Add(trajectory.Id, actor, TrajectoriesTimelineKinds.MemberEnded, $"/trajectories/{trajectory.Id}",
                "The leaving team keeps access until {0}", h.LeavingAccessUntil!.Value.ToString("yyyy-MM-dd", null));
        }

        notifier.Notify([trajectory.CoordinatorId], NotificationKind, Link(trajectory.Id), "Hand-over of {0} accepted by {1}", dossier.Pseudonym, actor.DisplayName);
        dossier.Audit(HandoversAuditActions.HandoverAccepted, nameof(Handover), h.Id);
        return await SaveAsync(h, version, ct);
    }

    public async Task<Result<Changed>> RefuseAsync(Actor actor, Guid trajectoryId, Guid handoverId, RefuseHandoverRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var reason = v.Text("reason", request.Reason, Handover.ReasonMaxLength, minLength: 10);
        var version = v.Required("version", request.Version);
        var (dossier, h, error) = await LoadAsync(actor, trajectoryId, handoverId, HandoversAuditActions.HandoverRefused, Side.Receiving, v, ct);
        if (error is not null)
        {
            return error;
        }

        if (h!.Version != version)
        {
            return Error.Stale();
        }

        var now = time.GetUtcNow();
        if (h.Refuse(actor.Id, reason, now) is { } rule)
        {
            return rule;
        }

        timeline.Add(dossier!.Id, actor, HandoversTimelineKinds.HandoverDecided, Link(dossier.Id), "Hand-over refused by {0}", actor.DisplayName);
        notifier.Notify([dossier.Trajectory.CoordinatorId], NotificationKind, Link(dossier.Id), "Hand-over of {0} refused by {1}", dossier.Pseudonym, actor.DisplayName);
        dossier.Audit(HandoversAuditActions.HandoverRefused, nameof(Handover), h.Id);
        return await SaveAsync(h, version, ct);
    }

    public async Task<Result<Changed>> WithdrawAsync(Actor actor, Guid trajectoryId, Guid handoverId, WithdrawHandoverRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var version = v.Required("version", request.Version);
        var (dossier, h, error) = await LoadAsync(actor, trajectoryId, handoverId, HandoversAuditActions.HandoverWithdrawn, Side.Leaving, v, ct);
        if (error is not null)
        {
            return error;
        }

        if (h!.Version != version)
        {
            return Error.Stale();
        }

        if (h.Withdraw(actor.Id, time.GetUtcNow()) is { } rule)
        {
            return rule;
        }

        timeline.Add(dossier!.Id, actor, HandoversTimelineKinds.HandoverDecided, Link(dossier.Id), "Hand-over withdrawn by {0}", actor.DisplayName);
        dossier.Audit(HandoversAuditActions.HandoverWithdrawn, nameof(Handover), h.Id);
        return await SaveAsync(h, version, ct);
    }

    private enum Side
    {
        Leaving,
        Receiving,
        Either,
    }

    /// <summary>
    /// Opens the dossier for a step of one hand-over and finds the hand-over: not found, not this side (403), invalid
    /// input — in that order. Withdrawing steers the trajectory, so the door decides it (its refusal names the
    /// hand-over). The receiving professional's steps are the hand-over's own rule, not an operation of the access
    /// policy's table (until she accepts she only reads): the door opens the dossier in scope and the hand-over decides.
    /// </summary>
    private async Task<(Dossier? Dossier, Handover? Handover, Error? Error)> LoadAsync(
        Actor actor, Guid trajectoryId, Guid handoverId, string action, Side side, Validator v, CancellationToken ct, bool tracked = false)
    {
        var opened = side == Side.Leaving
            ? await door.OpenAsync(actor, trajectoryId, DossierOperation.Steer, action, ct, tracked, new AuditObject(nameof(Handover), handoverId))
            : await door.OpenAsync(actor, trajectoryId, DossierOperation.None, action, ct, tracked);
        if (opened.Error is { } refused)
        {
            return (null, null, refused);
        }

        var dossier = opened.Value;
        var h = await db.Handovers.Include(x => x.Checklist).SingleOrDefaultAsync(x => x.Id == handoverId && x.TrajectoryId == trajectoryId, ct);
        if (h is null)
        {
            await audit.RecordAsync(actor, action, nameof(Handover), handoverId, dossier.Pseudonym, dossier.Basis, AuditOutcomes.Denied, ct);
            return (null, null, Error.NotFound());
        }

        var receiving = h.ToProfessionalId == actor.Id;
        var allowed = side switch
        {
            Side.Receiving => receiving,
            Side.Leaving => true,
            _ => receiving || AccessPolicy.CanManage(actor, dossier.Trajectory),
        };
        if (!allowed)
        {
            await audit.RecordAsync(actor, action, nameof(Handover), h.Id, dossier.Pseudonym, dossier.Basis, AuditOutcomes.Denied, ct);
            return (null, null, side == Side.Receiving
                ? Error.Forbidden("Only the receiving professional confirms the checklist and accepts or refuses the hand-over.")
                : DossierDoor.NotSteering);
        }

        return v.IsValid ? (dossier, h, null) : (null, null, v.ToError());
    }

    private async Task<Result<Changed>> SaveAsync(Handover h, long expected, CancellationToken ct)
    {
        db.Entry(h).Property(x => x.Version).OriginalValue = expected;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        return new Changed(h.Id, h.Version);
    }
}
