using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Notifications;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Aftercare;

internal sealed record SupportRequest(SupportKind? Kind, string? Note);

internal sealed record SaveAftercarePlanRequest(DateOnly? StartsOn, int? Months, ContactFrequency? ContactFrequency, Guid? TrustedProfessionalId,
    IReadOnlyList<SupportRequest?>? Support, long? Version, Guid? PlacementId = null);

internal sealed record RecordFollowUpRequest(FollowUpOutcome? Outcome, string? Note, long? Version);

internal sealed record SupportView(SupportKind Kind, string? Note);

internal sealed record AftercarePlanView(Guid Id, Guid? PlacementId, DateOnly StartsOn, int Months, DateOnly EndsOn, ContactFrequency ContactFrequency,
    PersonRef TrustedProfessional, IReadOnlyList<SupportView> Support, DateTimeOffset RecordedAt, PersonRef RecordedBy, long Version);

internal sealed record FollowUpView(Guid Id, int Months, DateOnly DueOn, bool IsOverdue, FollowUpOutcome? Outcome, string? Note,
    DateTimeOffset? RecordedAt, PersonRef? RecordedBy, long Version, bool CanRecord, DateOnly OpensOn);

internal sealed record AftercareView(AftercarePlanView? Plan, int MinimumMonths, bool CanEditPlan, IReadOnlyList<FollowUpView> FollowUps,
    string YoungPersonName = "", bool ReadsDossier = true);

/// <summary>
/// Aftercare: the plan made when residential care ends (the coordinator and the lead organisation's designated expert
/// record it) and the follow-up contacts after the end of care (3, 6, 12 and 24 months), planned as tasks for the plan's
/// trusted professional (or, without a plan, the coordinator) when the trajectory moves into aftercare or closes from
/// care. The task's owner, the coordinator and the designated expert record a follow-up's outcome; that finishes its task.
/// When the last placement has ended, the plan moves the trajectory into aftercare by itself.
/// </summary>
internal sealed class Aftercares(TrajectDb db, TimeProvider time, DossierDoor door, AuditLog audit, TimelineWriter timeline, TaskList tasks,
    TrajectoryLifecycle lifecycle, Notifier notifier, IOptions<AftercareOptions> options)
{
    private static string Link(Guid trajectoryId) => $"/trajectories/{trajectoryId}/aftercare";

    /// <summary>The kind of the message that tells the trusted professional her follow-up contacts are planned.</summary>
    public const string NotificationKind = "follow-ups";

    public async Task<Result<AftercareView>> GetAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.ReadFollowUps, AftercareAuditActions.AftercareRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;
        var plan = await db.AftercarePlans.AsNoTracking().Include(p => p.Support).SingleOrDefaultAsync(p => p.TrajectoryId == trajectoryId, ct);
        var followUps = await db.FollowUpContacts.AsNoTracking().Where(f => f.TrajectoryId == trajectoryId).OrderBy(f => f.Months).ToListAsync(ct);
        var taskIds = followUps.Select(f => f.TaskId).ToList();
        var owners = await tasks.OwnersAsync(taskIds, ct);
        var people = await PersonRefs.LoadAsync(db, (plan is null ? [] : new[] { plan.TrustedProfessionalId, plan.RecordedById })
            .Concat(followUps.Where(f => f.RecordedById is not null).Select(f => f.RecordedById!.Value)), ct);
        // The lead organisation's designated expert who is also in the team reads as a member and still manages.
        var manages = AccessPolicy.CanManage(actor, t);
        var today = time.Today();
        var planView = plan is null ? null : new AftercarePlanView(plan.Id, plan.PlacementId, plan.StartsOn, plan.Months, plan.EndsOn, plan.ContactFrequency,
            people[plan.TrustedProfessionalId], plan.Support.OrderBy(s => s.Kind).Select(s => new SupportView(s.Kind, s.Note)).ToList(),
            plan.RecordedAt, people[plan.RecordedById], plan.Version);
        return new AftercareView(planView, options.Value.MinimumMonths, manages && !t.IsClosed, followUps.Select(f => new FollowUpView(
            f.Id, f.Months, f.DueOn, f.Outcome is null && f.DueOn < today, f.Outcome, f.Note, f.RecordedAt,
            f.RecordedById is { } by ? people[by] : null, f.Version,
            f.Outcome is null && today >= f.WindowOpensOn && (manages || owners.GetValueOrDefault(f.TaskId) == actor.Id)
                && dossier.Basis != AccessBasis.Emergency, f.WindowOpensOn)).ToList(),
            $"{t.YoungPerson!.GivenName} {t.YoungPerson.FamilyName}", dossier.Allows(DossierOperation.Read));
    }

    public async Task<Result<Changed>> SavePlanAsync(Actor actor, Guid trajectoryId, SaveAftercarePlanRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var minimum = options.Value.MinimumMonths;
        var startsOn = v.Required("startsOn", request.StartsOn);
        var months = v.Required("months", request.Months);
        if (request.Months is not null && (months < minimum || months > AftercarePlan.MaxMonths))
        {
            v.Add("months", "Aftercare lasts at least {0} and at most {1} months.", minimum, AftercarePlan.MaxMonths);
        }

        var frequency = v.Enum("contactFrequency", request.ContactFrequency);
        var trusted = v.Id("trustedProfessionalId", request.TrustedProfessionalId);
        if (trusted != Guid.Empty && !await CareProfessionals.IsEligibleAsync(db, trusted, ct))
        {
            v.Add("trustedProfessionalId", "The trusted professional must be an active professional of a care organisation.");
        }

        var support = new Dictionary<SupportKind, string?>();
        var given = request.Support ?? [];
        if (given.Count > Enum.GetValues<SupportKind>().Length)
        {
            v.Add("support", "At most {0} support items.", Enum.GetValues<SupportKind>().Length);
        }
        else
        {
            for (var i = 0; i < given.Count; i++)
            {
                if (given[i] is not { } item)
                {
                    v.Add($"support[{i}]", "This field is required.");
                    continue;
                }

                var kind = v.Enum($"support[{i}].kind", item.Kind);
                var note = v.OptionalText($"support[{i}].note", item.Note, AftercarePlan.SupportNoteMaxLength);
                if (item.Kind is not null && Enum.IsDefined(kind) && !support.TryAdd(kind, note))
                {
                    v.Add($"support[{i}].kind", "Each item once.");
                }
            }
        }

        var opened = await door.OpenForChangeAsync(actor, trajectoryId, DossierOperation.Steer, AftercareAuditActions.AftercarePlanRecorded, v, ct,
            tracked: true);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        if (request.PlacementId is { } placementId)
        {
            var placement = await db.Placements.AsNoTracking().Where(p => p.Id == placementId && p.TrajectoryId == t.Id)
                .Select(p => new { p.Setting }).SingleOrDefaultAsync(ct);
            if (placement is null || !Placements.PlacementRules.IsResidential(placement.Setting))
            {
                return Error.Invalid("placementId", "Choose a residential placement of this trajectory.");
            }
        }

        var plan = await db.AftercarePlans.Include(p => p.Support).SingleOrDefaultAsync(p => p.TrajectoryId == t.Id, ct);
        if (plan is not null && plan.Version != request.Version)
        {
            return Error.Stale();
        }

        var now = time.GetUtcNow();
        var isNew = plan is null;
        if (plan is null)
        {
            plan = new AftercarePlan { TrajectoryId = t.Id };
            db.AftercarePlans.Add(plan);
        }
        else
        {
            db.AftercareSupport.RemoveRange(plan.Support);
            plan.Support.Clear();
            db.Entry(plan).Property(p => p.Version).OriginalValue = plan.Version;
        }

        plan.PlacementId = request.PlacementId;
        plan.StartsOn = startsOn;
        plan.Months = months;
        plan.ContactFrequency = frequency;
        plan.TrustedProfessionalId = trusted;
        plan.RecordedAt = now;
        plan.RecordedById = actor.Id;
        var items = support.Select(s => new AftercareSupport { PlanId = plan.Id, Kind = s.Key, Note = s.Value }).ToList();
        db.AftercareSupport.AddRange(items);
        var name = await db.Users.Where(u => u.Id == trusted).Select(u => u.DisplayName).SingleAsync(ct);
        timeline.Add(t.Id, actor, AftercareTimelineKinds.AftercarePlan, Link(t.Id), "Aftercare plan: {0} months from {1}, trusted professional {2}",
            months, startsOn.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), name);
        dossier.Audit(AftercareAuditActions.AftercarePlanRecorded, nameof(AftercarePlan), plan.Id);
        if (isNew && await CareEndedAsync(t.Id, null, ct))
        {
            lifecycle.Advance(t, TrajectoryStatus.Aftercare, LifecycleCause.CareEnded, actor, dossier.Basis);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }
        catch (DbUpdateException) when (isNew)
        {
            // Two first plans at once: the unique index on the trajectory lets one of them in.
            return Error.Stale();
        }

        return new Changed(plan.Id, plan.Version);
    }

    public async Task<Result<Changed>> RecordOutcomeAsync(Actor actor, Guid trajectoryId, Guid followUpId, RecordFollowUpRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var outcome = v.Enum("outcome", request.Outcome);
        var note = v.OptionalText("note", request.Note, FollowUpContact.NoteMaxLength);
        var version = v.Required("version", request.Version);
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.RecordFollowUps, AftercareAuditActions.FollowUpRecorded, ct,
            about: new AuditObject(nameof(FollowUpContact), followUpId));
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;
        var followUp = await db.FollowUpContacts.SingleOrDefaultAsync(f => f.Id == followUpId && f.TrajectoryId == trajectoryId, ct);
        if (followUp is null)
        {
            return Error.NotFound();
        }

        var owners = await tasks.OwnersAsync([followUp.TaskId], ct);
        if (owners.GetValueOrDefault(followUp.TaskId) != actor.Id && !AccessPolicy.CanManage(actor, t))
        {
            await audit.RecordAsync(actor, AftercareAuditActions.FollowUpRecorded, nameof(FollowUpContact), followUp.Id, dossier.Pseudonym, dossier.Basis, AuditOutcomes.Denied, ct);
            return Error.Forbidden("Only the owner of the task, the coordinator or the designated expert can record the outcome.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (followUp.Version != version)
        {
            return Error.Stale();
        }

        var now = time.GetUtcNow();
        if (followUp.Record(outcome, note, actor.Id, now, time.Today()) is { } rule)
        {
            return rule;
        }

        await tasks.FinishAsync(actor, followUp.TaskId, null, ct);
        timeline.Add(t.Id, actor, AftercareTimelineKinds.FollowUpRecorded, Link(t.Id), "Follow-up after {0} months: {1}", followUp.Months, outcome);
        dossier.Audit(AftercareAuditActions.FollowUpRecorded, nameof(FollowUpContact), followUp.Id);
        db.Entry(followUp).Property(f => f.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        return new Changed(followUp.Id, followUp.Version);
    }

    /// <summary>
    /// Whether care has ended: at least one placement, and none running (or planned) but <paramref name="endingNow"/>,
    /// whose end is part of the change being made.
    /// </summary>
    public async Task<bool> CareEndedAsync(Guid trajectoryId, Guid? endingNow, CancellationToken ct)
    {
        var placements = await db.Placements.AsNoTracking().Where(p => p.TrajectoryId == trajectoryId)
            .Select(p => new { p.Id, p.EndedOn }).ToListAsync(ct);
        return placements.Count > 0 && placements.All(p => p.EndedOn is not null || p.Id == endingNow);
    }

    /// <summary>
    /// At the end of care (the trajectory moves into aftercare, or closes from care): the four follow-up contacts and their
    /// tasks for the aftercare plan's trusted professional (without a plan, the coordinator), from today, in the same
    /// unit of work. Planned once per trajectory.
    /// </summary>
    public async Task PlanFollowUpsAsync(Trajectory t, Actor actor, CancellationToken ct)
    {
        if (await db.FollowUpContacts.AnyAsync(f => f.TrajectoryId == t.Id, ct) || db.FollowUpContacts.Local.Any(f => f.TrajectoryId == t.Id))
        {
            return;
        }

        var owner = await db.AftercarePlans.Where(p => p.TrajectoryId == t.Id).Select(p => (Guid?)p.TrustedProfessionalId).SingleOrDefaultAsync(ct)
            ?? db.AftercarePlans.Local.Where(p => p.TrajectoryId == t.Id).Select(p => (Guid?)p.TrustedProfessionalId).SingleOrDefault()
            ?? t.CoordinatorId;
        foreach (var contact in FollowUpSchedule.Create(t.Id, time.Today()))
        {
            contact.TaskId = tasks.Add(t.Id, AftercareTaskKinds.FollowUpContact, owner, contact.DueOn, actor, onTimeline: false).Id;
            db.FollowUpContacts.Add(contact);
            timeline.Add(t.Id, actor, TasksTimelineKinds.TaskCreated, TaskList.Link(t.Id), "Follow-up contact planned after {0} months", contact.Months);
        }

        // Her way back to them after the team has gone: the message links the follow-up part she keeps.
        if (owner != actor.Id)
        {
            var pseudonym = t.YoungPerson?.PseudonymCode
                ?? await db.YoungPeople.Where(y => y.Id == t.YoungPersonId).Select(y => y.PseudonymCode).SingleAsync(ct);
            notifier.Notify([owner], NotificationKind, Link(t.Id) + "#follow-ups",
                "Follow-up contacts planned for {0}: you are the trusted professional of the aftercare", pseudonym);
        }
    }
}
