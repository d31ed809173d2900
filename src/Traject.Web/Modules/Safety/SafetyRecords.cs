using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Safety;

internal sealed record SafetyItemRequest(SafetyItem? Item, Concern? Concern, string? Note);

internal sealed record RecordAssessmentRequest(IReadOnlyList<SafetyItemRequest?>? Items, SafetyLevel? Level, string? DeviationReason, Guid? TreatmentCoordinatorId);

internal sealed record SafetyMeasureRequest(SafetyMeasureKind? Kind, string? Description, Guid? OwnerId);

internal sealed record SafetyPlanRequest(IReadOnlyList<SafetyMeasureRequest?>? Measures, DateOnly? ReviewOn, long? Version);

internal sealed record SafetyContextRequest(bool? ParentMayBeInvolved, string? Note, Guid? HomeRegionId, long? Version);

internal sealed record AcuteMedicalRequest(AcuteMedicalCareKind? Kind, string? Where, DateTimeOffset? OccurredAt, string? Note, Guid? MissingEpisodeId);

internal sealed record SafetyItemView(SafetyItem Item, Concern Concern, string? Note);

internal sealed record SafetyAssessmentView(
    Guid Id,
    DateTimeOffset AssessedAt,
    PersonRef AssessedBy,
    PersonRef TreatmentCoordinator,
    SafetyLevel SuggestedLevel,
    IReadOnlyList<string> SuggestionReasons,
    SafetyLevel Level,
    string? DeviationReason,
    int RecentMissingEpisodes,
    IReadOnlyList<SafetyItemView> Items);

internal sealed record SafetyAssessmentSummary(Guid Id, DateTimeOffset AssessedAt, PersonRef AssessedBy, SafetyLevel SuggestedLevel, SafetyLevel Level);

internal sealed record ReassessmentView(DateOnly DueOn, ReassessmentState State, DateOnly? LastAssessedOn, DateOnly? LastPhaseChangeOn);

internal sealed record SafetyMeasureView(SafetyMeasureKind Kind, string Description, PersonRef Owner);

internal sealed record SafetyPlanView(
    Guid Id,
    Guid? BasedOnAssessmentId,
    DateOnly ReviewOn,
    bool ReviewOverdue,
    DateTimeOffset UpdatedAt,
    PersonRef UpdatedBy,
    long Version,
    IReadOnlyList<SafetyMeasureView> Measures);

internal sealed record SafetyContextView(
    bool ParentMayBeInvolved,
    string? ParentInvolvementNote,
    Guid? HomeRegionId,
    string? HomeRegion,
    Guid CurrentRegionId,
    string CurrentRegion,
    long Version);

internal sealed record AcuteMedicalView(Guid Id, AcuteMedicalCareKind Kind, string Where, DateTimeOffset OccurredAt, string? Note,
    Guid? MissingEpisodeId, PersonRef RecordedBy);

internal sealed record MissingEpisodeSummary(Guid Id, DateTimeOffset LastSeenAt, SafetyLevel RiskLevel, bool IsOpen, DateTimeOffset? FoundAt, int NotYetInformed);

internal sealed record SafetyOverview(
    Guid TrajectoryId,
    SafetyAssessmentView? Latest,
    IReadOnlyList<SafetyAssessmentSummary> Assessments,
    ReassessmentView Reassessment,
    SafetyPlanView? Plan,
    SafetyContextView Context,
    IReadOnlyList<AcuteMedicalView> MedicalEvents,
    IReadOnlyList<MissingEpisodeSummary> MissingEpisodes,
    int RecentMissingEpisodes,
    bool CanRecord);

/// <summary>
/// The safety assessment, plan and facts of a trajectory. Everyone who may open the dossier reads them; the coordinator,
/// the care team and the designated expert record them; emergency access reads only. The level is suggested by
/// <see cref="SafetyLevelRule"/> and set by the professional, a different level with a reason.
/// </summary>
internal sealed class SafetyRecords(TrajectDb db, TimeProvider time, DossierDoor door, TimelineWriter timeline, TaskList tasks,
    IStringLocalizer<SharedResource> l)
{
    private static string Link(Guid id) => $"/trajectories/{id}/safety";

    public async Task<Result<SafetyOverview>> OverviewAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, SafetyAuditActions.SafetyRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;
        var today = time.Today();
        var now = time.GetUtcNow();
        var assessments = await db.SafetyAssessments.AsNoTracking().Where(a => a.TrajectoryId == t.Id)
            .OrderByDescending(a => a.AssessedAt).ThenByDescending(a => a.Id).ToListAsync(ct);
        var latest = assessments.Count == 0 ? null
            : await db.SafetyAssessments.AsNoTracking().Include(a => a.Items).SingleAsync(a => a.Id == assessments[0].Id, ct);
        var plan = await db.SafetyPlans.AsNoTracking().Include(p => p.Measures).SingleOrDefaultAsync(p => p.TrajectoryId == t.Id, ct);
        var context = await db.SafetyContexts.AsNoTracking().SingleOrDefaultAsync(c => c.TrajectoryId == t.Id, ct);
        var medical = await db.AcuteMedicalEvents.AsNoTracking().Where(m => m.TrajectoryId == t.Id).OrderByDescending(m => m.OccurredAt).ToListAsync(ct);
        var episodes = await db.MissingEpisodes.AsNoTracking().Where(e => e.TrajectoryId == t.Id).OrderByDescending(e => e.LastSeenAt)
            .Select(e => new MissingEpisodeSummary(e.Id, e.LastSeenAt, e.RiskLevel, e.ClosedAt == null, e.FoundAt,
                e.Notices.Count(n => n.InformedAt == null)))
            .ToListAsync(ct);
        var recent = await SafetyFacts.RecentMissingEpisodesAsync(db, t.Id, now, ct);
        var schedule = await SafetyFacts.ReassessmentAsync(db, t, today, ct);
        var currentRegion = await SafetyFacts.CurrentRegionIdAsync(db, t, today, ct);
        var homeRegion = context?.HomeRegionId;
        var regions = await db.Regions.AsNoTracking().Where(r => r.Id == currentRegion || r.Id == homeRegion).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var people = await PersonRefs.LoadAsync(db, assessments.SelectMany(a => new[] { a.AssessedById, a.TreatmentCoordinatorId })
            .Concat(plan is null ? [] : plan.Measures.Select(m => m.OwnerId).Append(plan.UpdatedById))
            .Concat(medical.Select(m => m.RecordedById)), ct);

        return new SafetyOverview(
            t.Id,
            latest is null ? null : View(latest, people),
            assessments.Select(a => new SafetyAssessmentSummary(a.Id, a.AssessedAt, people[a.AssessedById], a.SuggestedLevel, a.Level)).ToList(),
            new ReassessmentView(schedule.DueOn, schedule.State, schedule.LastAssessedOn, schedule.LastPhaseChangeOn),
            plan is null ? null : new SafetyPlanView(plan.Id, plan.BasedOnAssessmentId, plan.ReviewOn, plan.ReviewOn < today, plan.UpdatedAt,
                people[plan.UpdatedById], plan.Version,
                plan.Measures.OrderBy(m => m.Position).Select(m => new SafetyMeasureView(m.Kind, m.Description, people[m.OwnerId])).ToList()),
            new SafetyContextView(context?.ParentMayBeInvolved ?? false, context?.ParentInvolvementNote, context?.HomeRegionId,
                context?.HomeRegionId is { } home ? regions[home] : null, currentRegion, regions[currentRegion], context?.Version ?? 0),
            medical.Select(m => new AcuteMedicalView(m.Id, m.Kind, m.Where, m.OccurredAt, m.Note, m.MissingEpisodeId, people[m.RecordedById])).ToList(),
            episodes,
            recent,
            dossier.Basis != AccessBasis.Emergency && !dossier.IsClosed);
    }

    public async Task<Result<SafetyAssessmentView>> GetAssessmentAsync(Actor actor, Guid trajectoryId, Guid assessmentId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, SafetyAuditActions.SafetyRead, ct, new AuditObject(nameof(SafetyAssessment), assessmentId));
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var a = await db.SafetyAssessments.AsNoTracking().Include(x => x.Items)
            .SingleOrDefaultAsync(x => x.Id == assessmentId && x.TrajectoryId == trajectoryId, ct);
        if (a is null)
        {
            return Error.NotFound();
        }

        return View(a, await PersonRefs.LoadAsync(db, [a.AssessedById, a.TreatmentCoordinatorId], ct));
    }

    public async Task<Result<SafetyAssessmentView>> AssessAsync(Actor actor, Guid trajectoryId, RecordAssessmentRequest request, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, SafetyAuditActions.SafetyAssessed, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        var v = new Validator();
        var items = new Dictionary<SafetyItem, SafetyAssessmentItem>();
        if (request.Items is null)
        {
            v.Add("items", "This field is required.");
        }
        else
        {
            for (var i = 0; i < request.Items.Count; i++)
            {
                var field = $"items[{i}]";
                if (request.Items[i] is not { } item)
                {
                    v.Add(field, "This field is required.");
                    continue;
                }

                var which = v.Enum($"{field}.item", item.Item);
                var concern = v.Enum($"{field}.concern", item.Concern);
                var note = v.OptionalText($"{field}.note", item.Note, SafetyAssessment.NoteMaxLength);
                if (item.Item is not null && !items.TryAdd(which, new SafetyAssessmentItem { Item = which, Concern = concern, Note = note }))
                {
                    v.Add($"{field}.item", "Each item once.");
                }
            }

            if (v.IsValid && items.Count != Enum.GetValues<SafetyItem>().Length)
            {
                v.Add("items", "Rate every item of the assessment.");
            }
        }

        var coordinatorId = v.Id("treatmentCoordinatorId", request.TreatmentCoordinatorId);
        if (coordinatorId != Guid.Empty && !await IsTreatmentCoordinatorAsync(t, coordinatorId, ct))
        {
            v.Add("treatmentCoordinatorId", "The treatment coordinator is the trajectory's coordinator or a behavioural scientist in the care team.");
        }

        if (request.Level is { } asked && !Enum.IsDefined(asked))
        {
            v.Add("level", "Unknown value.");
        }

        var now = time.GetUtcNow();
        var recent = await SafetyFacts.RecentMissingEpisodesAsync(db, t.Id, now, ct);
        var suggestion = SafetyLevelRule.Suggest(items.ToDictionary(x => x.Key, x => x.Value.Concern), recent);
        var level = request.Level ?? suggestion.Level;
        var deviates = v.IsValid && SafetyLevelRule.NeedsReason(suggestion.Level, level);
        var reason = v.Text("deviationReason", request.DeviationReason, SafetyAssessment.ReasonMaxLength, required: deviates,
            minLength: deviates ? SafetyLevelRule.DeviationReasonMinLength : 0);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (t.IsClosed)
        {
            return DossierDoor.Closed;
        }

        var assessment = new SafetyAssessment
        {
            TrajectoryId = t.Id, AssessedAt = now, AssessedById = actor.Id, TreatmentCoordinatorId = coordinatorId,
            SuggestedLevel = suggestion.Level, Level = level, DeviationReason = reason.Length == 0 ? null : reason,
            RecentMissingEpisodes = recent, Items = items.Values.OrderBy(x => x.Item).ToList(),
        };
        db.SafetyAssessments.Add(assessment);
        timeline.Add(t.Id, actor, SafetyTimelineKinds.SafetyAssessed, Link(t.Id), "Safety assessed: level {0} (suggested {1})", level, suggestion.Level);
        dossier.Audit(SafetyAuditActions.SafetyAssessed, nameof(SafetyAssessment), assessment.Id);

        // The assessment finishes the open assessment tasks; the next one is due in three months.
        var today = time.Today();
        await tasks.FinishAllAsync(actor, t.Id, SafetyTaskKinds.SafetyAssessment, ct);
        await tasks.FinishAllAsync(actor, t.Id, SafetyTaskKinds.SafetyReassessment, ct);
        tasks.Add(t.Id, SafetyTaskKinds.SafetyReassessment, t.CoordinatorId, ReassessmentSchedule.DueOn(today, t.StartedOn, null), actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        return View(assessment, await PersonRefs.LoadAsync(db, [assessment.AssessedById, assessment.TreatmentCoordinatorId], ct));
    }

    public async Task<Result<Changed>> SetPlanAsync(Actor actor, Guid trajectoryId, SafetyPlanRequest request, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, SafetyAuditActions.SafetyPlanChanged, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        var today = time.Today();
        var v = new Validator();
        var reviewOn = v.Required("reviewOn", request.ReviewOn);
        if (request.ReviewOn is not null && reviewOn < today)
        {
            v.Add("reviewOn", "The review date cannot be in the past.");
        }

        var measures = new List<SafetyMeasure>();
        if (request.Measures is not { Count: > 0 and <= SafetyPlan.MaxMeasures })
        {
            v.Add("measures", "Give at least one measure and at most {0}.", SafetyPlan.MaxMeasures);
        }
        else
        {
            var team = await TeamAsync(t, ct);
            for (var i = 0; i < request.Measures.Count; i++)
            {
                var field = $"measures[{i}]";
                if (request.Measures[i] is not { } m)
                {
                    v.Add(field, "This field is required.");
                    continue;
                }

                var kind = v.Enum($"{field}.kind", m.Kind);
                var description = v.Text($"{field}.description", m.Description, SafetyMeasure.DescriptionMaxLength);
                var owner = v.Id($"{field}.ownerId", m.OwnerId);
                if (owner != Guid.Empty && !team.Contains(owner))
                {
                    v.Add($"{field}.ownerId", "A measure goes to the coordinator or a professional in the care team.");
                }

                measures.Add(new SafetyMeasure { Position = i, Kind = kind, Description = description, OwnerId = owner });
            }
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (t.IsClosed)
        {
            return DossierDoor.Closed;
        }

        var now = time.GetUtcNow();
        var latest = await db.SafetyAssessments.Where(a => a.TrajectoryId == t.Id).OrderByDescending(a => a.AssessedAt)
            .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        var plan = await db.SafetyPlans.Include(p => p.Measures).SingleOrDefaultAsync(p => p.TrajectoryId == t.Id, ct);
        var expected = request.Version ?? 0;
        if ((plan?.Version ?? 0) != expected)
        {
            return Error.Stale();
        }

        if (plan is null)
        {
            plan = new SafetyPlan { TrajectoryId = t.Id };
            db.SafetyPlans.Add(plan);
        }
        else
        {
            db.SafetyMeasures.RemoveRange(plan.Measures);
            plan.Measures.Clear();
            db.Entry(plan).Property(p => p.Version).OriginalValue = expected;
        }

        plan.ReviewOn = reviewOn;
        plan.BasedOnAssessmentId = latest;
        plan.UpdatedAt = now;
        plan.UpdatedById = actor.Id;
        foreach (var m in measures)
        {
            m.PlanId = plan.Id;
            db.SafetyMeasures.Add(m); // added explicitly: found through the navigation, a measure with its id set would count as existing
        }

        timeline.Add(t.Id, actor, SafetyTimelineKinds.SafetyPlan, Link(t.Id), "Safety plan set: {0} measures, review on {1}", measures.Count, reviewOn.ToString("yyyy-MM-dd", null));
        dossier.Audit(SafetyAuditActions.SafetyPlanChanged, nameof(SafetyPlan), plan.Id);
        return await SaveAsync(plan.Id, () => plan.Version, ct);
    }

    public async Task<Result<Changed>> SetContextAsync(Actor actor, Guid trajectoryId, SafetyContextRequest request, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, SafetyAuditActions.SafetyContextChanged, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        var v = new Validator();
        var involved = v.Required("parentMayBeInvolved", request.ParentMayBeInvolved);
        var note = v.OptionalText("note", request.Note, SafetyContext.NoteMaxLength);
        if (request.HomeRegionId is { } region && !await db.Regions.AnyAsync(r => r.Id == region && r.IsActive, ct))
        {
            v.Add("homeRegionId", "Unknown region.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (t.IsClosed)
        {
            return DossierDoor.Closed;
        }

        var context = await db.SafetyContexts.SingleOrDefaultAsync(c => c.TrajectoryId == t.Id, ct);
        var expected = request.Version ?? 0;
        if ((context?.Version ?? 0) != expected)
        {
            return Error.Stale();
        }

        if (context is null)
        {
            context = new SafetyContext { TrajectoryId = t.Id };
            db.SafetyContexts.Add(context);
        }
        else
        {
            db.Entry(context).Property(c => c.Version).OriginalValue = expected;
        }

        var changedFlag = context.ParentMayBeInvolved != involved;
        context.ParentMayBeInvolved = involved;
        context.ParentInvolvementNote = note;
        context.HomeRegionId = request.HomeRegionId;
        context.UpdatedAt = time.GetUtcNow();
        context.UpdatedById = actor.Id;
        if (changedFlag && involved)
        {
            timeline.Add(t.Id, actor, SafetyTimelineKinds.SafetyContext, Link(t.Id), "Marked: a parent may be involved in the exploitation");
        }
        else if (changedFlag)
        {
            timeline.Add(t.Id, actor, SafetyTimelineKinds.SafetyContext, Link(t.Id), "No longer marked: a parent may be involved in the exploitation");
        }
        else
        {
            timeline.Add(t.Id, actor, SafetyTimelineKinds.SafetyContext, Link(t.Id), "Safety facts updated");
        }

        dossier.Audit(SafetyAuditActions.SafetyContextChanged, nameof(SafetyContext), t.Id);
        return await SaveAsync(t.Id, () => context.Version, ct);
    }

    public async Task<Result<AcuteMedicalView>> RecordMedicalAsync(Actor actor, Guid trajectoryId, AcuteMedicalRequest request, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, SafetyAuditActions.AcuteMedicalRecorded, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        var now = time.GetUtcNow();
        var v = new Validator();
        var kind = v.Enum("kind", request.Kind);
        var where = v.Text("where", request.Where, AcuteMedicalEvent.WhereMaxLength);
        var at = v.Required("occurredAt", request.OccurredAt);
        if (request.OccurredAt is not null && at > now.AddMinutes(5))
        {
            v.Add("occurredAt", "The time cannot be in the future.");
        }

        var note = v.OptionalText("note", request.Note, AcuteMedicalEvent.NoteMaxLength);
        if (request.MissingEpisodeId is { } episode && !await db.MissingEpisodes.AnyAsync(e => e.Id == episode && e.TrajectoryId == t.Id, ct))
        {
            v.Add("missingEpisodeId", "Unknown missing episode of this trajectory.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        var medical = new AcuteMedicalEvent
        {
            TrajectoryId = t.Id, Kind = kind, Where = where, OccurredAt = at.ToUniversalTime(), Note = note, MissingEpisodeId = request.MissingEpisodeId,
            RecordedAt = now, RecordedById = actor.Id,
        };
        db.AcuteMedicalEvents.Add(medical);
        await tasks.FinishFirstAsync(actor, t.Id, SafetyTaskKinds.AcuteMedicalCare, ct);

        timeline.Add(t.Id, actor, SafetyTimelineKinds.AcuteMedical, Link(t.Id), "Acute medical care recorded: {0}", kind);
        dossier.Audit(SafetyAuditActions.AcuteMedicalRecorded, nameof(AcuteMedicalEvent), medical.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        var people = await PersonRefs.LoadAsync(db, [actor.Id], ct);
        return new AcuteMedicalView(medical.Id, medical.Kind, medical.Where, medical.OccurredAt, medical.Note, medical.MissingEpisodeId, people[actor.Id]);
    }

    /// <summary>The coordinator and the professionals active in the care team today: who may own a measure or a task.</summary>
    public async Task<HashSet<Guid>> TeamAsync(Trajectory t, CancellationToken ct)
    {
        var today = time.Today();
        var now = time.GetUtcNow();
        var members = await db.CareTeamMemberships.Where(m => m.TrajectoryId == t.Id && m.ProfessionalId != null && m.From <= today
                && (m.To == null || m.To >= today) && (m.EndedAt == null || m.EndedAt > now))
            .Select(m => m.ProfessionalId!.Value).ToListAsync(ct);
        return [.. members, t.CoordinatorId];
    }

    /// <summary>The professionals who may carry responsibility for the assessment: the coordinator and the team's behavioural scientists.</summary>
    public async Task<List<PersonRef>> TreatmentCoordinatorsAsync(Trajectory t, CancellationToken ct)
    {
        var today = time.Today();
        var now = time.GetUtcNow();
        var scientists = await (from m in db.CareTeamMemberships
                                join ur in db.UserRoles on m.ProfessionalId equals (Guid?)ur.UserId
                                join r in db.Roles on ur.RoleId equals r.Id
                                where m.TrajectoryId == t.Id && r.Name == Roles.BehaviouralScientist && m.From <= today
                                    && (m.To == null || m.To >= today) && (m.EndedAt == null || m.EndedAt > now)
                                select m.ProfessionalId!.Value).ToListAsync(ct);
        var people = await PersonRefs.LoadAsync(db, scientists.Append(t.CoordinatorId), ct);
        return scientists.Append(t.CoordinatorId).Distinct().Select(id => people[id]).ToList();
    }

    /// <summary>
    /// Sets or clears "a parent may be involved" on behalf of another module that decides it (the analyses), with the
    /// note given; false when the flag already stood so. Part of the caller's unit of work; the caller tells the timeline.
    /// </summary>
    public async Task<bool> MarkParentInvolvementAsync(Guid trajectoryId, bool involved, string? note, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var context = await db.SafetyContexts.SingleOrDefaultAsync(c => c.TrajectoryId == trajectoryId, ct);
        if (context is null)
        {
            context = new SafetyContext { TrajectoryId = trajectoryId };
            db.SafetyContexts.Add(context);
        }

        if (context.ParentMayBeInvolved == involved)
        {
            return false;
        }

        context.ParentMayBeInvolved = involved;
        context.ParentInvolvementNote = note;
        context.UpdatedAt = now;
        context.UpdatedById = actor.Id;
        return true;
    }

    private async Task<bool> IsTreatmentCoordinatorAsync(Trajectory t, Guid id, CancellationToken ct) =>
        (await TreatmentCoordinatorsAsync(t, ct)).Any(p => p.Id == id);

    private SafetyAssessmentView View(SafetyAssessment a, Dictionary<Guid, PersonRef> people)
    {
        var suggestion = SafetyLevelRule.Suggest(a.Items.ToDictionary(i => i.Item, i => i.Concern), a.RecentMissingEpisodes);
        return new SafetyAssessmentView(a.Id, a.AssessedAt, people[a.AssessedById], people[a.TreatmentCoordinatorId], a.SuggestedLevel,
            suggestion.Reasons.Select(l.Render).ToList(), a.Level, a.DeviationReason, a.RecentMissingEpisodes,
            a.Items.OrderBy(i => i.Item).Select(i => new SafetyItemView(i.Item, i.Concern, i.Note)).ToList());
    }

    private async Task<Result<Changed>> SaveAsync(Guid id, Func<long> version, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }
        catch (DbUpdateException)
        {
            return Error.Stale(); // created by someone else at the same moment (one plan or context per trajectory)
        }

        return new Changed(id, version());
    }
}
