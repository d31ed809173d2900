using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Placements;

internal sealed record StartPlacementRequest(
    Guid? ProgrammeId,
    Guid? OrganisationId,
    PlacementSetting? Setting,
    DateOnly? StartedOn,
    DateOnly? PlannedEndOn,
    GroupComposition? GroupComposition,
    string? MixedGroupArgument,
    bool? IndicationConfirmed,
    string? GenderArgument = null);

internal sealed record ChangePhaseRequest(int? Phase, DateOnly? StartedOn, string? Note, long? Version);

internal sealed record NextStepRequest(string? NextPlace, Guid? NextOrganisationId, Guid? NextProgrammeId, long? Version);

/// <summary>A closed time-out; without <c>endsOn</c> it lasts two weeks (<c>Placements:TimeOutDefaultDays</c>, the first day included).</summary>
internal sealed record TimeOutRequest(DateOnly? StartsOn, DateOnly? EndsOn, string? Place, string? Reason, long? Version);

internal sealed record EndPlacementRequest(DateOnly? EndedOn, PlacementEndReason? Reason, string? Note, long? Version);

internal sealed record ProgrammeRef(
    Guid Id, string Code, Guid VersionId, int VersionNumber, string Name, string Provider, int? MaxDurationWeeks,
    RequiredIndication RequiredIndication, GroupComposition GroupComposition, TargetGender TargetGender, int? MinAge, int? MaxAge,
    int? IndicativeDurationWeeks);

internal sealed record PhaseStepView(int Phase, string Name, DateOnly StartedOn, PersonRef DecidedBy, DateTimeOffset DecidedAt, string? Note);

internal sealed record NextStepView(
    string NextPlace, Guid NextOrganisationId, string NextOrganisation, Guid? NextProgrammeId, DateTimeOffset RecordedAt, PersonRef RecordedBy);

internal sealed record TimeOutView(Guid Id, DateOnly StartsOn, DateOnly EndsOn, string? Place, string Reason, PersonRef RecordedBy,
    DateTimeOffset RecordedAt, bool IsCurrent);

internal sealed record PlacementView(
    Guid Id,
    Guid TrajectoryId,
    ProgrammeRef Programme,
    Guid OrganisationId,
    string Organisation,
    PlacementSetting Setting,
    bool IsResidential,
    GroupComposition GroupComposition,
    string? MixedGroupArgument,
    string? GenderArgument,
    bool IndicationConfirmed,
    DateOnly StartedOn,
    DateOnly? PlannedEndOn,
    DateOnly? MaximumEndOn,
    DateOnly? IndicativeEndOn,
    DateOnly? EndedOn,
    PlacementEndReason? EndReason,
    string? EndNote,
    bool IsCurrent,
    PhaseView CurrentPhase,
    IReadOnlyList<PhaseView> Phases,
    IReadOnlyList<PhaseStepView> PhaseHistory,
    DateOnly? NextStepDueOn,
    NextStepView? NextStep,
    IReadOnlyList<TimeOutView> TimeOuts,
    TimeOutView? CurrentTimeOut,
    IReadOnlyList<PlacementWarning> Warnings,
    long Version,
    bool CanSteer);

/// <summary>
/// Placements (sub-trajectories) in a trajectory. Everyone who may open the dossier reads them; starting, moving to
/// another phase, naming the next step, recording a time-out and ending are steering actions for the coordinator and the
/// designated expert of the lead organisation (others in the team get 403). Every change is audited and on the timeline.
/// </summary>
internal sealed class PlacementRecords(TrajectDb db, TimeProvider time, DossierDoor door, TimelineWriter timeline, TaskList tasks,
    IOptions<PlacementOptions> options)
{
    /// <summary>How far back a placement may be recorded, and how far ahead it may be planned.</summary>
    public const int DaysBack = 365;
    public const int DaysAhead = 90;

    private static string Link(Guid trajectoryId, Guid placementId) => $"/trajectories/{trajectoryId}/placements/{placementId}";

    public async Task<Result<IReadOnlyList<PlacementView>>> ListAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, PlacementsAuditActions.PlacementRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var placements = await Query().Where(p => p.TrajectoryId == trajectoryId).ToListAsync(ct);
        var views = await ViewsAsync(actor, opened.Value.Trajectory, placements, ct);
        return views.OrderByDescending(p => p.IsCurrent).ThenByDescending(p => p.StartedOn).ToList();
    }

    public async Task<Result<PlacementView>> GetAsync(Actor actor, Guid trajectoryId, Guid placementId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, PlacementsAuditActions.PlacementRead, ct, new AuditObject(nameof(Placement), placementId));
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var placement = await Query().SingleOrDefaultAsync(p => p.Id == placementId && p.TrajectoryId == trajectoryId, ct);
        if (placement is null)
        {
            return Error.NotFound();
        }

        return (await ViewsAsync(actor, opened.Value.Trajectory, [placement], ct))[0];
    }

    public async Task<Result<Changed>> StartAsync(Actor actor, Guid trajectoryId, StartPlacementRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var programmeId = v.Id("programmeId", request.ProgrammeId);
        var startedOn = v.Required("startedOn", request.StartedOn);
        var argument = v.OptionalText("mixedGroupArgument", request.MixedGroupArgument, Placement.ArgumentMaxLength);
        var genderArgument = v.OptionalText("genderArgument", request.GenderArgument, Placement.ArgumentMaxLength);
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Steer, PlacementsAuditActions.PlacementChanged, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        var today = time.Today();
        var programme = programmeId == Guid.Empty ? null : await db.CareProgrammes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programmeId, ct);
        var version = programme is null ? null : await db.CareProgrammeVersions.AsNoTracking().Include(x => x.Phases)
            .SingleAsync(x => x.ProgrammeId == programme.Id && x.Number == programme.CurrentNumber, ct);
        if (programmeId != Guid.Empty && programme is null)
        {
            v.Add("programmeId", "Unknown programme.");
        }
        else if (programme is { IsActive: false })
        {
            v.Add("programmeId", "This programme takes no new placements.");
        }

        var setting = request.Setting ?? (version?.SettingList is [var only] ? only : null);
        if (setting is null)
        {
            v.Add("setting", "This field is required.");
        }
        else if (!Enum.IsDefined(setting.Value))
        {
            v.Add("setting", "Unknown value.");
        }
        else if (version is not null && !version.SettingList.Contains(setting.Value))
        {
            v.Add("setting", "The programme is not offered in this setting.");
        }

        var organisationId = request.OrganisationId ?? programme?.OrganisationId;
        if (organisationId is null)
        {
            v.Add("organisationId", "This field is required.");
        }
        else if (!await db.Organisations.AnyAsync(o => o.Id == organisationId && o.IsActive, ct))
        {
            v.Add("organisationId", "Unknown organisation.");
        }

        if (request.StartedOn is not null && startedOn < today.AddDays(-DaysBack))
        {
            v.Add("startedOn", "A placement can be recorded up to {0} days back.", DaysBack);
        }
        else if (request.StartedOn is not null && startedOn > today.AddDays(DaysAhead))
        {
            v.Add("startedOn", "A placement can be planned up to {0} days ahead.", DaysAhead);
        }

        if (request.PlannedEndOn is { } planned && request.StartedOn is not null && planned <= startedOn)
        {
            v.Add("plannedEndOn", "The planned end must be after the start.");
        }

        var group = request.GroupComposition ?? version?.GroupComposition ?? GroupComposition.NoGroup;
        if (!Enum.IsDefined(group))
        {
            v.Add("groupComposition", "Unknown value.");
        }
        else if (group == GroupComposition.Mixed && (argument?.Length ?? 0) < Placement.ArgumentMinLength)
        {
            v.Add("mixedGroupArgument", "Homogeneous group unless: argue in at least {0} characters why a mixed group is right for her.",
                Placement.ArgumentMinLength);
        }

        var needsIndication = setting is { } chosen && PlacementRules.NeedsIndication(version?.RequiredIndication ?? RequiredIndication.None, chosen);
        if (needsIndication && request.IndicationConfirmed != true)
        {
            v.Add("indicationConfirmed", "Confirm that the required indication (such as JeugdzorgPlus) is there.");
        }

        // A programme that does not serve her gender takes her only as an argued exception.
        var gender = t.YoungPerson!.Gender;
        var genderException = version is not null && PlacementRules.Serves(version.TargetGender, gender) != GenderFit.Serves;
        if (genderException && (genderArgument?.Length ?? 0) < Placement.ArgumentMinLength)
        {
            v.Add("genderArgument", "The programme serves {0} and the recorded gender is {1}: argue in at least {2} characters why it is right for this young person.",
                version!.TargetGender, gender, Placement.ArgumentMinLength);
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (dossier.IsClosed)
        {
            return DossierDoor.Closed;
        }

        if (PlacementRules.IsResidential(setting!.Value) && await db.Placements.AnyAsync(p => p.TrajectoryId == t.Id
                && p.Setting != PlacementSetting.Outpatient && (p.EndedOn == null || p.EndedOn > startedOn), ct))
        {
            return Error.Conflict("She is still in another residential placement: end it before starting the next one.");
        }

        var now = time.GetUtcNow();
        var placement = new Placement
        {
            TrajectoryId = t.Id, ProgrammeVersionId = version!.Id, OrganisationId = organisationId!.Value, Setting = setting.Value,
            GroupComposition = group, MixedGroupArgument = group == GroupComposition.Mixed ? argument : null,
            GenderArgument = genderException ? genderArgument : null,
            IndicationConfirmed = request.IndicationConfirmed == true, StartedOn = startedOn, PlannedEndOn = request.PlannedEndOn,
            CurrentPhase = 1, NextStepDueOn = PlacementRules.NextStepDue(setting.Value, startedOn, options.Value.NextStepDays),
            CreatedAt = now, CreatedById = actor.Id, UpdatedAt = now,
        };
        placement.PhaseChanges.Add(new PlacementPhaseChange
        {
            PlacementId = placement.Id, Phase = 1, StartedOn = startedOn, DecidedById = actor.Id, DecidedAt = now,
        });
        db.Placements.Add(placement);
        timeline.Add(t.Id, actor, PlacementsTimelineKinds.PlacementStarted, Link(t.Id, placement.Id), "Placement in {0} ({1}) from {2}",
            version.Name, setting.Value, startedOn.ToString("yyyy-MM-dd", null));
        placement.Raise(new PlacementStarted(placement, t, actor, dossier.Basis));
        if (placement.NextStepDueOn is { } due)
        {
            // Plan the next step from day one: the coordinator names the next place and the receiving organisation.
            tasks.Add(t.Id, PlacementsTaskKinds.NameNextPlace, t.CoordinatorId, due, actor);
        }

        dossier.Audit(PlacementsAuditActions.PlacementChanged, nameof(Placement), placement.Id);
        await db.SaveChangesAsync(ct);
        return new Changed(placement.Id, placement.Version);
    }

    public async Task<Result<Changed>> ChangePhaseAsync(Actor actor, Guid trajectoryId, Guid placementId, ChangePhaseRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var phase = v.Required("phase", request.Phase);
        var note = v.OptionalText("note", request.Note, Placement.NoteMaxLength);
        var expected = v.Required("version", request.Version);
        var (dossier, placement, refused) = await SteerAsync(actor, trajectoryId, placementId, v, ct);
        if (refused is not null)
        {
            return refused;
        }

        var t = dossier!.Trajectory;

        var today = time.Today();
        var on = request.StartedOn ?? today;
        var phases = await db.CareProgrammePhases.AsNoTracking().Where(x => x.ProgrammeVersionId == placement!.ProgrammeVersionId)
            .OrderBy(x => x.Order).ToListAsync(ct);
        var since = placement!.PhaseChanges.OrderBy(c => c.StartedOn).ThenBy(c => c.DecidedAt).Last().StartedOn;
        if ((Ended(placement, expected) ?? PlacementRules.CheckPhaseMove(placement.CurrentPhase, since, phase, phases.Count, on, note, today)) is { } rule)
        {
            return rule;
        }

        var now = time.GetUtcNow();
        var change = new PlacementPhaseChange { PlacementId = placement.Id, Phase = phase, StartedOn = on, DecidedById = actor.Id, DecidedAt = now, Note = note };
        db.PlacementPhaseChanges.Add(change);
        placement.CurrentPhase = phase;
        placement.UpdatedAt = now;
        timeline.Add(t.Id, actor, PlacementsTimelineKinds.PlacementPhase, Link(t.Id, placement.Id), "Phase {0} ({1}) from {2}",
            phase, phases[phase - 1].Name, on.ToString("yyyy-MM-dd", null));
        placement.Raise(new PlacementPhaseChanged(placement, t, actor, dossier.Basis));
        dossier.Audit(PlacementsAuditActions.PlacementChanged, nameof(Placement), placement.Id);
        return await SaveAsync(placement, expected, ct);
    }

    public async Task<Result<Changed>> NameNextStepAsync(Actor actor, Guid trajectoryId, Guid placementId, NextStepRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var nextPlace = v.Text("nextPlace", request.NextPlace, Placement.NextPlaceMaxLength);
        var organisationId = v.Id("nextOrganisationId", request.NextOrganisationId);
        var expected = v.Required("version", request.Version);
        if (organisationId != Guid.Empty && !await db.Organisations.AnyAsync(o => o.Id == organisationId && o.IsActive, ct))
        {
            v.Add("nextOrganisationId", "Unknown organisation.");
        }

        if (request.NextProgrammeId is { } next && !await db.CareProgrammes.AnyAsync(p => p.Id == next, ct))
        {
            v.Add("nextProgrammeId", "Unknown programme.");
        }

        var (dossier, placement, refused) = await SteerAsync(actor, trajectoryId, placementId, v, ct);
        if (refused is not null)
        {
            return refused;
        }

        var t = dossier!.Trajectory;

        if (Ended(placement!, expected) is { } rule)
        {
            return rule;
        }

        var now = time.GetUtcNow();
        placement!.NextPlace = nextPlace;
        placement.NextOrganisationId = organisationId;
        placement.NextProgrammeId = request.NextProgrammeId;
        placement.NextStepRecordedAt = now;
        placement.NextStepRecordedById = actor.Id;
        placement.UpdatedAt = now;
        var organisation = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);
        timeline.Add(t.Id, actor, PlacementsTimelineKinds.PlacementNextStep, Link(t.Id, placement.Id), "Next step named: {0}", organisation);
        await tasks.FinishAllAsync(actor, t.Id, PlacementsTaskKinds.NameNextPlace, ct);

        dossier.Audit(PlacementsAuditActions.PlacementChanged, nameof(Placement), placement.Id);
        return await SaveAsync(placement, expected, ct);
    }

    public async Task<Result<Changed>> AddTimeOutAsync(Actor actor, Guid trajectoryId, Guid placementId, TimeOutRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var startsOn = v.Required("startsOn", request.StartsOn);
        var endsOn = PlacementRules.TimeOutEnd(startsOn, request.EndsOn, options.Value.TimeOutDefaultDays); // two weeks unless told otherwise
        var place = v.OptionalText("place", request.Place, PlacementTimeOut.PlaceMaxLength);
        var reason = v.Text("reason", request.Reason, PlacementTimeOut.ReasonMaxLength, minLength: PlacementTimeOut.ReasonMinLength);
        var expected = v.Required("version", request.Version);
        var (dossier, placement, refused) = await SteerAsync(actor, trajectoryId, placementId, v, ct);
        if (refused is not null)
        {
            return refused;
        }

        var t = dossier!.Trajectory;

        if ((Ended(placement!, expected) ?? PlacementRules.CheckTimeOut(placement!.Setting, placement.StartedOn, startsOn, endsOn,
                placement.TimeOuts.Select(x => (x.StartsOn, x.EndsOn)), options.Value.TimeOutMaxDays)) is { } rule)
        {
            return rule;
        }

        var now = time.GetUtcNow();
        db.PlacementTimeOuts.Add(new PlacementTimeOut
        {
            PlacementId = placement!.Id, StartsOn = startsOn, EndsOn = endsOn, Place = place, Reason = reason, RecordedById = actor.Id, RecordedAt = now,
        });
        placement.UpdatedAt = now;
        timeline.Add(t.Id, actor, PlacementsTimelineKinds.PlacementTimeOut, Link(t.Id, placement.Id), "Time-out in closed care from {0} to {1}",
            startsOn.ToString("yyyy-MM-dd", null), endsOn.ToString("yyyy-MM-dd", null));
        dossier.Audit(PlacementsAuditActions.PlacementChanged, nameof(Placement), placement.Id);
        return await SaveAsync(placement, expected, ct);
    }

    public async Task<Result<Changed>> EndAsync(Actor actor, Guid trajectoryId, Guid placementId, EndPlacementRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var reason = v.Enum("reason", request.Reason);
        var note = v.OptionalText("note", request.Note, Placement.NoteMaxLength);
        var expected = v.Required("version", request.Version);
        if (request.Reason == PlacementEndReason.Other && note is null)
        {
            v.Add("note", "Describe the reason.");
        }

        var (dossier, placement, refused) = await SteerAsync(actor, trajectoryId, placementId, v, ct);
        if (refused is not null)
        {
            return refused;
        }

        var t = dossier!.Trajectory;

        var endedOn = request.EndedOn ?? time.Today();
        if ((Ended(placement!, expected) ?? PlacementRules.CheckEnd(placement!.StartedOn, endedOn, time.Today())) is { } rule)
        {
            return rule;
        }

        placement!.EndedOn = endedOn;
        placement.EndReason = reason;
        placement.EndNote = note;
        placement.UpdatedAt = time.GetUtcNow();
        var name = await db.CareProgrammeVersions.Where(x => x.Id == placement.ProgrammeVersionId).Select(x => x.Name).SingleAsync(ct);
        placement.Raise(new PlacementEnded(placement, t, actor, dossier.Basis));
        timeline.Add(t.Id, actor, PlacementsTimelineKinds.PlacementEnded, Link(t.Id, placement.Id), "Placement in {0} ended on {1}: {2}",
            name, endedOn.ToString("yyyy-MM-dd", null), reason);
        dossier.Audit(PlacementsAuditActions.PlacementChanged, nameof(Placement), placement.Id);
        return await SaveAsync(placement, expected, ct);
    }

    /// <summary>A change to an ended placement is refused; so is one based on an older version.</summary>
    private static Error? Ended(Placement placement, long expected) =>
        placement.Version != expected ? Error.Stale() : placement.IsEnded ? Error.Conflict("The placement has ended.") : null;

    private IQueryable<Placement> Query() => db.Placements.AsNoTracking()
        .Include(p => p.ProgrammeVersion!).ThenInclude(v => v.Phases)
        .Include(p => p.ProgrammeVersion!).ThenInclude(v => v.Programme)
        .Include(p => p.PhaseChanges).Include(p => p.TimeOuts).AsSplitQuery();

    /// <summary>
    /// Opens the dossier to steer one of its placements: out of scope 404, not steering 403 (both audited by the door),
    /// then the placement (404 when it is not hers), then the request's validation errors.
    /// </summary>
    private async Task<(Dossier? Dossier, Placement? Placement, Error? Refused)> SteerAsync(
        Actor actor, Guid trajectoryId, Guid placementId, Validator v, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Steer, PlacementsAuditActions.PlacementChanged, ct);
        if (opened.Error is { } refused)
        {
            return (null, null, refused);
        }

        var placement = await db.Placements.Include(p => p.PhaseChanges).Include(p => p.TimeOuts).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == placementId && p.TrajectoryId == trajectoryId, ct);
        if (placement is null)
        {
            return (null, null, Error.NotFound());
        }

        return v.IsValid ? (opened.Value, placement, null) : (null, null, v.ToError());
    }

    private async Task<Result<Changed>> SaveAsync(Placement placement, long expected, CancellationToken ct)
    {
        db.Entry(placement).Property(x => x.Version).OriginalValue = expected;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        return new Changed(placement.Id, placement.Version);
    }

    private async Task<List<PlacementView>> ViewsAsync(Actor actor, Trajectory t, IReadOnlyList<Placement> placements, CancellationToken ct)
    {
        var people = await PersonRefs.LoadAsync(db, placements.SelectMany(p => p.PhaseChanges.Select(c => c.DecidedById)
            .Concat(p.TimeOuts.Select(x => x.RecordedById))
            .Concat(p.NextStepRecordedById is { } by ? [by] : [])), ct);
        var orgIds = placements.Select(p => p.OrganisationId).Concat(placements.Where(p => p.NextOrganisationId is not null).Select(p => p.NextOrganisationId!.Value)).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var today = time.Today();
        var steer = AccessPolicy.CanManage(actor, t);
        return placements.Select(p => View(p, t, today, steer, people, organisations)).ToList();
    }

    private static PlacementView View(Placement p, Trajectory t, DateOnly today, bool steer, Dictionary<Guid, PersonRef> people,
        Dictionary<Guid, string> organisations)
    {
        var version = p.ProgrammeVersion!;
        var phases = version.Phases.OrderBy(x => x.Order).Select(CareProgrammes.PhaseOf).ToList();
        var timeOuts = p.TimeOuts.OrderBy(x => x.StartsOn)
            .Select(x => new TimeOutView(x.Id, x.StartsOn, x.EndsOn, x.Place, x.Reason, people[x.RecordedById], x.RecordedAt,
                p.EndedOn is null && x.StartsOn <= today && today <= x.EndsOn))
            .ToList();
        var warnings = PlacementRules.Warnings(new PlacementFacts(p.StartedOn, p.PlannedEndOn, p.EndedOn, version.MaxDurationWeeks,
            p.NextStepDueOn, p.NextOrganisationId is not null, t.YoungPerson!.DateOfBirth, version.MinAge, version.MaxAge,
            version.IndicativeDurationWeeks), today);
        var nextStep = p.NextOrganisationId is { } next
            ? new NextStepView(p.NextPlace!, next, organisations[next], p.NextProgrammeId, p.NextStepRecordedAt!.Value, people[p.NextStepRecordedById!.Value])
            : null;
        return new PlacementView(
            p.Id, p.TrajectoryId,
            new ProgrammeRef(version.ProgrammeId, version.Programme!.Code, version.Id, version.Number, version.Name, version.Provider,
                version.MaxDurationWeeks, version.RequiredIndication, version.GroupComposition, version.TargetGender, version.MinAge, version.MaxAge,
                version.IndicativeDurationWeeks),
            p.OrganisationId, organisations[p.OrganisationId], p.Setting, p.IsResidential, p.GroupComposition, p.MixedGroupArgument, p.GenderArgument,
            p.IndicationConfirmed, p.StartedOn, p.PlannedEndOn, PlacementRules.MaximumEnd(p.StartedOn, version.MaxDurationWeeks),
            PlacementRules.IndicativeEnd(p.StartedOn, version.IndicativeDurationWeeks), p.EndedOn,
            p.EndReason, p.EndNote, p.EndedOn is null && p.StartedOn <= today,
            phases[p.CurrentPhase - 1], phases,
            p.PhaseChanges.OrderBy(c => c.StartedOn).ThenBy(c => c.DecidedAt)
                .Select(c => new PhaseStepView(c.Phase, phases[c.Phase - 1].Name, c.StartedOn, people[c.DecidedById], c.DecidedAt, c.Note)).ToList(),
            p.NextStepDueOn, nextStep, timeOuts, timeOuts.FirstOrDefault(x => x.IsCurrent), warnings, p.Version, steer && p.EndedOn is null);
    }
}
