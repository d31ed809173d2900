using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.FuturePlans;

internal sealed record StepView(
    Guid Id,
    string Description,
    StepOwnerKind OwnerKind,
    PersonRef? OwnerProfessional,
    string? OwnerName,
    DateOnly DueOn,
    StepStatus Status,
    bool IsOverdue,
    long Version);

internal sealed record GoalView(Guid Id, string InHerWords, long Version, IReadOnlyList<StepView> Steps);

internal sealed record DomainView(LifeDomain Domain, PlanProgress Progress, IReadOnlyList<GoalView> Goals);

internal sealed record FuturePlanView(Guid TrajectoryId, bool CanEdit, PlanProgress Progress, IReadOnlyList<DomainView> Domains);

internal sealed record PlanChangeView(DateTimeOffset ChangedAt, PersonRef ChangedBy, LifeDomain Domain, Guid ItemId, string Summary, string? Before, string? After);

/// <summary>A step as she reads it: who takes it is "me", a professional by name, or "someone close to me" (never a name).</summary>
internal sealed record MyStepView(string Description, StepOwnerKind Who, string? Professional, DateOnly DueOn, StepStatus Status);

internal sealed record MyDomainView(LifeDomain Domain, IReadOnlyList<string> Goals, IReadOnlyList<MyStepView> Steps);

internal sealed record MyPlanView(string GivenName, DateOnly PrintedOn, IReadOnlyList<MyDomainView> Domains);

internal sealed record AddGoalRequest(LifeDomain? Domain, string? InHerWords);

internal sealed record ChangeGoalRequest(string? InHerWords, long? Version);

internal sealed record AddStepRequest(Guid? GoalId, string? Description, StepOwnerKind? OwnerKind, Guid? OwnerProfessionalId, string? OwnerName, DateOnly? DueOn);

internal sealed record ChangeStepRequest(
    string? Description, StepOwnerKind? OwnerKind, Guid? OwnerProfessionalId, string? OwnerName, DateOnly? DueOn, StepStatus? Status, long? Version);

/// <summary>
/// The future plan of a trajectory: one plan, shared by everyone who may open the dossier and made with the young
/// person, with her goals per life domain in her own words and small steps towards them. Every change is kept as
/// history. Emergency access reads the plan but does not change it; a closed trajectory's plan is kept as it was.
/// </summary>
internal sealed class FuturePlans(TrajectDb db, TimeProvider time, DossierDoor door, TimelineWriter timeline,
    IStringLocalizer<SharedResource> l)
{
    private static string Link(Guid id) => $"/trajectories/{id}/future-plan";

    public async Task<Result<FuturePlanView>> GetAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, FuturePlansAuditActions.FuturePlanRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var goals = await db.FuturePlanGoals.AsNoTracking().Where(g => g.TrajectoryId == trajectoryId).OrderBy(g => g.CreatedAt).ThenBy(g => g.Id).ToListAsync(ct);
        var steps = await db.FuturePlanSteps.AsNoTracking().Where(s => s.TrajectoryId == trajectoryId).OrderBy(s => s.DueOn).ThenBy(s => s.CreatedAt).ToListAsync(ct);
        var people = await PersonRefs.LoadAsync(db, steps.Where(s => s.OwnerProfessionalId is not null).Select(s => s.OwnerProfessionalId!.Value), ct);
        var today = time.Today();
        var domains = Enum.GetValues<LifeDomain>().Select(d =>
        {
            var inDomain = goals.Where(g => g.Domain == d).Select(g => new GoalView(g.Id, g.InHerWords, g.Version, steps.Where(s => s.GoalId == g.Id)
                .Select(s => new StepView(s.Id, s.Description, s.OwnerKind, s.OwnerProfessionalId is { } p ? people.GetValueOrDefault(p) : null,
                    s.OwnerName, s.DueOn, s.Status, s.Status is StepStatus.Planned or StepStatus.Doing && s.DueOn < today, s.Version))
                .ToList())).ToList();
            return new DomainView(d, PlanProgress.Of(inDomain.SelectMany(g => g.Steps).Select(s => s.Status)), inDomain);
        }).ToList();
        return new FuturePlanView(dossier.Id, !dossier.IsClosed && dossier.Basis != AccessBasis.Emergency, PlanProgress.Of(steps.Select(s => s.Status)), domains);
    }

    /// <summary>How far the plan is, for the trajectory overview; the caller has opened the trajectory already.</summary>
    public async Task<PlanProgress> ProgressAsync(Guid trajectoryId, CancellationToken ct) =>
        PlanProgress.Of(await db.FuturePlanSteps.Where(s => s.TrajectoryId == trajectoryId).Select(s => s.Status).ToListAsync(ct));

    public async Task<Result<IReadOnlyList<PlanChangeView>>> HistoryAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, FuturePlansAuditActions.FuturePlanRead, ct, about: new AuditObject(nameof(FuturePlanChange), trajectoryId));
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var changes = await db.FuturePlanChanges.AsNoTracking().Where(c => c.TrajectoryId == trajectoryId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).ToListAsync(ct);
        var people = await PersonRefs.LoadAsync(db, changes.Select(c => c.ChangedById), ct);
        return changes.Select(c => new PlanChangeView(c.ChangedAt, people[c.ChangedById], c.Domain, c.ItemId, l.Render(c.Summary), c.Before, c.After)).ToList();
    }

    /// <summary>
    /// Her own plan to take home: her goals in her words and the steps, without anything about the people in her
    /// network (a step someone close to her takes says only that), without dropped steps and without professional notes.
    /// </summary>
    public async Task<Result<MyPlanView>> MyPlanAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, FuturePlansAuditActions.MyPlanRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var goals = await db.FuturePlanGoals.AsNoTracking().Where(g => g.TrajectoryId == trajectoryId).OrderBy(g => g.CreatedAt).ThenBy(g => g.Id).ToListAsync(ct);
        var steps = await db.FuturePlanSteps.AsNoTracking().Where(s => s.TrajectoryId == trajectoryId && s.Status != StepStatus.Dropped)
            .OrderBy(s => s.DueOn).ThenBy(s => s.CreatedAt).ToListAsync(ct);
        var names = await db.Users.AsNoTracking().Where(u => steps.Select(s => s.OwnerProfessionalId).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var domains = Enum.GetValues<LifeDomain>()
            .Select(d => new MyDomainView(d, goals.Where(g => g.Domain == d).Select(g => g.InHerWords).ToList(),
                steps.Where(s => goals.Any(g => g.Id == s.GoalId && g.Domain == d))
                    .Select(s => new MyStepView(s.Description, s.OwnerKind,
                        s.OwnerKind == StepOwnerKind.Professional && s.OwnerProfessionalId is { } p ? names.GetValueOrDefault(p) : null,
                        s.DueOn, s.Status))
                    .ToList()))
            .Where(d => d.Goals.Count > 0)
            .ToList();
        return new MyPlanView(opened.Value.Trajectory.YoungPerson!.GivenName, time.Today(), domains);
    }

    public async Task<Result<Changed>> AddGoalAsync(Actor actor, Guid trajectoryId, AddGoalRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var domain = v.Enum("domain", request.Domain);
        var words = v.Text("inHerWords", request.InHerWords, FuturePlanGoal.WordsMaxLength);
        var (dossier, error) = await OpenForChangeAsync(actor, trajectoryId, v, ct);
        if (error is not null)
        {
            return error;
        }

        var t = dossier!.Trajectory;
        var now = time.GetUtcNow();
        var goal = new FuturePlanGoal { TrajectoryId = t.Id, Domain = domain, InHerWords = words, CreatedAt = now, CreatedById = actor.Id };
        db.FuturePlanGoals.Add(goal);
        Record(actor, t.Id, domain, goal.Id, Text.Encode("Goal added in {0}", domain), null, words);
        timeline.Add(t.Id, actor, FuturePlansTimelineKinds.FuturePlan, Link(t.Id), "Future plan: goal added in {0}", domain);
        dossier.Audit(FuturePlansAuditActions.FuturePlanChanged, nameof(FuturePlanGoal), goal.Id);
        await db.SaveChangesAsync(ct);
        return new Changed(goal.Id, goal.Version);
    }

    public async Task<Result<Changed>> ChangeGoalAsync(Actor actor, Guid trajectoryId, Guid goalId, ChangeGoalRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var words = v.Text("inHerWords", request.InHerWords, FuturePlanGoal.WordsMaxLength);
        var version = v.Required("version", request.Version);
        var (dossier, error) = await OpenForChangeAsync(actor, trajectoryId, v, ct);
        if (error is not null)
        {
            return error;
        }

        var goal = await db.FuturePlanGoals.SingleOrDefaultAsync(g => g.Id == goalId && g.TrajectoryId == trajectoryId, ct);
        if (goal is null)
        {
            return Error.NotFound();
        }

        if (goal.Version != version)
        {
            return Error.Stale();
        }

        if (goal.InHerWords == words)
        {
            return new Changed(goal.Id, goal.Version);
        }

        Record(actor, dossier!.Id, goal.Domain, goal.Id, Text.Encode("Goal changed in {0}", goal.Domain), goal.InHerWords, words);
        goal.InHerWords = words;
        dossier.Audit(FuturePlansAuditActions.FuturePlanChanged, nameof(FuturePlanGoal), goal.Id);
        return await SaveAsync(goal.Id, goal, version, ct);
    }

    public async Task<Result<Changed>> AddStepAsync(Actor actor, Guid trajectoryId, AddStepRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var goalId = v.Id("goalId", request.GoalId);
        var fields = await ValidateStepAsync(v, trajectoryId, request.Description, request.OwnerKind, request.OwnerProfessionalId,
            request.OwnerName, request.DueOn, null, ct);
        var (dossier, error) = await OpenForChangeAsync(actor, trajectoryId, v, ct);
        if (error is not null)
        {
            return error;
        }

        var goal = await db.FuturePlanGoals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId && g.TrajectoryId == trajectoryId, ct);
        if (goal is null)
        {
            return Error.Invalid("goalId", "Choose a goal of this plan.");
        }

        var step = new FuturePlanStep
        {
            TrajectoryId = dossier!.Id, GoalId = goal.Id, Description = fields.Description, OwnerKind = fields.OwnerKind,
            OwnerProfessionalId = fields.ProfessionalId, OwnerName = fields.Name, DueOn = fields.DueOn, Status = StepStatus.Planned,
            CreatedAt = time.GetUtcNow(), CreatedById = actor.Id,
        };
        db.FuturePlanSteps.Add(step);
        Record(actor, dossier.Id, goal.Domain, step.Id, Text.Encode("Step added in {0}, due {1}", goal.Domain, fields.DueOn.ToString("yyyy-MM-dd", null)),
            null, fields.Description);
        dossier.Audit(FuturePlansAuditActions.FuturePlanChanged, nameof(FuturePlanStep), step.Id);
        await db.SaveChangesAsync(ct);
        return new Changed(step.Id, step.Version);
    }

    public async Task<Result<Changed>> ChangeStepAsync(Actor actor, Guid trajectoryId, Guid stepId, ChangeStepRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var status = v.Enum("status", request.Status);
        var version = v.Required("version", request.Version);
        var step = await db.FuturePlanSteps.SingleOrDefaultAsync(s => s.Id == stepId && s.TrajectoryId == trajectoryId, ct);
        var fields = await ValidateStepAsync(v, trajectoryId, request.Description, request.OwnerKind, request.OwnerProfessionalId,
            request.OwnerName, request.DueOn, step?.DueOn, ct);
        var (dossier, error) = await OpenForChangeAsync(actor, trajectoryId, v, ct);
        if (error is not null)
        {
            return error;
        }

        if (step is null)
        {
            return Error.NotFound();
        }

        if (step.Version != version)
        {
            return Error.Stale();
        }

        var domain = await db.FuturePlanGoals.Where(g => g.Id == step.GoalId).Select(g => g.Domain).SingleAsync(ct);
        var before = step.Description;
        step.Description = fields.Description;
        step.OwnerKind = fields.OwnerKind;
        step.OwnerProfessionalId = fields.ProfessionalId;
        step.OwnerName = fields.Name;
        step.DueOn = fields.DueOn;
        step.Status = status;
        if (db.Entry(step).Properties.Any(p => p.IsModified))
        {
            Record(actor, dossier!.Id, domain, step.Id, Text.Encode("Step in {0}: {1}, due {2}", domain, status, fields.DueOn.ToString("yyyy-MM-dd", null)),
                before, fields.Description);
            dossier.Audit(FuturePlansAuditActions.FuturePlanChanged, nameof(FuturePlanStep), step.Id);
        }

        return await SaveAsync(step.Id, step, version, ct);
    }

    private sealed record StepFields(string Description, StepOwnerKind OwnerKind, Guid? ProfessionalId, string? Name, DateOnly DueOn);

    private async Task<StepFields> ValidateStepAsync(Validator v, Guid trajectoryId, string? description, StepOwnerKind? ownerKind,
        Guid? professionalId, string? name, DateOnly? dueOn, DateOnly? currentDueOn, CancellationToken ct)
    {
        var text = v.Text("description", description, FuturePlanStep.DescriptionMaxLength);
        var kind = v.Enum("ownerKind", ownerKind);
        var due = v.Required("dueOn", dueOn);
        var today = time.Today();
        if (dueOn is not null && due < today && due != currentDueOn)
        {
            v.Add("dueOn", "A new due date cannot be in the past.");
        }

        Guid? professional = null;
        string? owner = null;
        if (kind == StepOwnerKind.Professional)
        {
            professional = v.Id("ownerProfessionalId", professionalId);
            if (professional != Guid.Empty && !await IsInTeamAsync(trajectoryId, professional.Value, today, ct))
            {
                v.Add("ownerProfessionalId", "A step goes to the coordinator or a professional in the care team.");
            }
        }
        else if (kind == StepOwnerKind.Network)
        {
            owner = v.Text("ownerName", name, FuturePlanStep.OwnerNameMaxLength);
        }

        return new StepFields(text, kind, professional, owner, due);
    }

    private async Task<bool> IsInTeamAsync(Guid trajectoryId, Guid professionalId, DateOnly today, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await db.Trajectories.AnyAsync(t => t.Id == trajectoryId && t.CoordinatorId == professionalId, ct)
            || await db.CareTeamMemberships.AnyAsync(m => m.TrajectoryId == trajectoryId && m.ProfessionalId == professionalId
                && m.From <= today && (m.To == null || m.To >= today) && (m.EndedAt == null || m.EndedAt > now), ct);
    }

    /// <summary>Opens the dossier to record in the plan: not found, read only (403), invalid input, closed — in that order.</summary>
    private async Task<(Dossier? Dossier, Error? Error)> OpenForChangeAsync(Actor actor, Guid trajectoryId, Validator v, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, FuturePlansAuditActions.FuturePlanChanged, ct);
        if (opened.Error is { } refused)
        {
            return (null, refused);
        }

        if (!v.IsValid)
        {
            return (null, v.ToError());
        }

        return opened.Value.IsClosed ? (null, DossierDoor.Closed) : (opened.Value, null);
    }

    private void Record(Actor actor, Guid trajectoryId, LifeDomain domain, Guid itemId, string summary, string? before, string? after) =>
        db.FuturePlanChanges.Add(new FuturePlanChange
        {
            TrajectoryId = trajectoryId, ChangedAt = time.GetUtcNow(), ChangedById = actor.Id, Domain = domain, ItemId = itemId,
            Summary = summary, Before = before, After = after,
        });

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
