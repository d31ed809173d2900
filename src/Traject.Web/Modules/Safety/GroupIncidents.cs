using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Safety;

internal sealed record IncidentLinkRequest(Guid? TrajectoryId, IncidentRole? Role);

internal sealed record RecordIncidentRequest(
    GroupIncidentKind? Kind,
    DateOnly? OccurredOn,
    string? Group,
    string? Description,
    string? ActionsTaken,
    IReadOnlyList<IncidentLinkRequest?>? Links);

internal sealed record IncidentActionsRequest(string? ActionsTaken, long? Version);

internal sealed record IncidentLinkView(Guid TrajectoryId, string Pseudonym, IncidentRole Role);

internal sealed record GroupIncidentView(
    Guid Id,
    GroupIncidentKind Kind,
    DateOnly OccurredOn,
    string Group,
    string Description,
    string ActionsTaken,
    DateTimeOffset RecordedAt,
    PersonRef RecordedBy,
    DateTimeOffset? ActionsUpdatedAt,
    IReadOnlyList<IncidentLinkView> Links,
    int HiddenLinks,
    long Version);

/// <summary>
/// Incidents in living groups for the organisation's quality system. Care professionals of a care organisation record
/// them, linking the young people concerned only when they may open their trajectories; the quality officers and
/// designated experts of the organisation read the list and record the actions taken. A reader sees a linked young
/// person (by pseudonym) only when the access policy lets her open that trajectory; the others are only counted.
/// </summary>
internal sealed class GroupIncidents(TrajectDb db, TimeProvider time, AccessPolicy access, DossierDoor door, AuditLog audit, TimelineWriter timeline)
{
    private const string Link = "/incidents";

    public static bool MayRecord(Actor actor) => actor.HasCareRole && Organisation.IsCareKind(actor.OrganisationKind);

    public static bool MayReview(Actor actor) => actor.IsInRole(Roles.QualityOfficer) || actor.IsInRole(Roles.DesignatedExpert);

    public async Task<Result<IReadOnlyList<GroupIncidentView>>> ListAsync(Actor actor, CancellationToken ct)
    {
        if (!MayReview(actor))
        {
            await audit.RecordAsync(actor, SafetyAuditActions.IncidentsRead, nameof(GroupIncident), outcome: AuditOutcomes.Denied, ct: ct);
            return Error.Forbidden("Only quality officers and designated experts read the incidents of their organisation.");
        }

        var rows = await db.GroupIncidents.AsNoTracking().Include(i => i.Links).Where(i => i.OrganisationId == actor.OrganisationId)
            .OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.RecordedAt).Take(200).ToListAsync(ct);
        var linked = rows.SelectMany(i => i.Links.Select(x => x.TrajectoryId)).Distinct().ToList();
        var visible = await access.VisibleTrajectories(actor).Where(t => linked.Contains(t.Id))
            .Select(t => new { t.Id, t.YoungPerson!.PseudonymCode }).ToDictionaryAsync(t => t.Id, t => t.PseudonymCode, ct);
        var people = await PersonRefs.LoadAsync(db, rows.Select(i => i.RecordedById), ct);
        await audit.RecordAsync(actor, SafetyAuditActions.IncidentsRead, nameof(GroupIncident), ct: ct);
        return rows.Select(i => View(i, people, visible)).ToList();
    }

    public async Task<Result<GroupIncidentView>> RecordAsync(Actor actor, RecordIncidentRequest request, CancellationToken ct)
    {
        if (!MayRecord(actor))
        {
            await audit.RecordAsync(actor, SafetyAuditActions.IncidentRecorded, nameof(GroupIncident), outcome: AuditOutcomes.Denied, ct: ct);
            return Error.Forbidden("Only care professionals of a care organisation record incidents in a group.");
        }

        var today = time.Today();
        var v = new Validator();
        var kind = v.Enum("kind", request.Kind);
        var occurredOn = v.Required("occurredOn", request.OccurredOn);
        if (request.OccurredOn is not null && occurredOn > today)
        {
            v.Add("occurredOn", "The date cannot be in the future.");
        }

        var group = v.Text("group", request.Group, GroupIncident.GroupMaxLength);
        var description = v.Text("description", request.Description, GroupIncident.TextMaxLength);
        var actions = v.Text("actionsTaken", request.ActionsTaken, GroupIncident.TextMaxLength);
        var links = new List<(Guid TrajectoryId, IncidentRole Role)>();
        if (request.Links is { Count: > GroupIncident.MaxLinks })
        {
            v.Add("links", "At most {0} young people.", GroupIncident.MaxLinks);
        }
        else if (request.Links is not null)
        {
            for (var i = 0; i < request.Links.Count; i++)
            {
                if (request.Links[i] is not { } link)
                {
                    v.Add($"links[{i}]", "This field is required.");
                    continue;
                }

                var id = v.Id($"links[{i}].trajectoryId", link.TrajectoryId);
                var role = v.Enum($"links[{i}].role", link.Role);
                if (links.Any(x => x.TrajectoryId == id) && id != Guid.Empty)
                {
                    v.Add($"links[{i}].trajectoryId", "Each young person once.");
                }

                links.Add((id, role));
            }
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        var now = time.GetUtcNow();
        var incident = new GroupIncident
        {
            OrganisationId = actor.OrganisationId, Kind = kind, OccurredOn = occurredOn, Group = group, Description = description,
            ActionsTaken = actions, RecordedAt = now, RecordedById = actor.Id,
        };
        // Every linked trajectory is opened before anything is written: a refusal leaves no partial record.
        var opened = new List<(Dossier Dossier, IncidentRole Role)>();
        foreach (var (trajectoryId, role) in links)
        {
            var dossier = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, SafetyAuditActions.IncidentRecorded, ct);
            if (dossier.Error is { } refused)
            {
                return refused;
            }

            opened.Add((dossier.Value, role));
        }

        foreach (var (dossier, role) in opened)
        {
            incident.Links.Add(new GroupIncidentLink { IncidentId = incident.Id, TrajectoryId = dossier.Id, Role = role });
            timeline.Add(dossier.Id, actor, SafetyTimelineKinds.GroupIncident, Link, "Incident in the group recorded: {0} ({1})", kind, role);
            dossier.Audit(SafetyAuditActions.IncidentRecorded, nameof(GroupIncident), incident.Id);
        }

        if (links.Count == 0)
        {
            audit.Add(actor, SafetyAuditActions.IncidentRecorded, nameof(GroupIncident), incident.Id);
        }

        db.GroupIncidents.Add(incident);
        await db.SaveChangesAsync(ct);
        var people = await PersonRefs.LoadAsync(db, [actor.Id], ct);
        var visible = await access.VisibleTrajectories(actor).Where(t => incident.Links.Select(x => x.TrajectoryId).Contains(t.Id))
            .Select(t => new { t.Id, t.YoungPerson!.PseudonymCode }).ToDictionaryAsync(t => t.Id, t => t.PseudonymCode, ct);
        return View(incident, people, visible);
    }

    public async Task<Result<GroupIncidentView>> UpdateActionsAsync(Actor actor, Guid incidentId, IncidentActionsRequest request, CancellationToken ct)
    {
        if (!MayReview(actor))
        {
            await audit.RecordAsync(actor, SafetyAuditActions.IncidentActions, nameof(GroupIncident), incidentId, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.Forbidden("Only quality officers and designated experts record the actions taken.");
        }

        var incident = await db.GroupIncidents.Include(i => i.Links).SingleOrDefaultAsync(i => i.Id == incidentId && i.OrganisationId == actor.OrganisationId, ct);
        if (incident is null)
        {
            await audit.RecordAsync(actor, SafetyAuditActions.IncidentActions, nameof(GroupIncident), incidentId, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.NotFound();
        }

        var v = new Validator();
        var actions = v.Text("actionsTaken", request.ActionsTaken, GroupIncident.TextMaxLength);
        var version = v.Required("version", request.Version);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (incident.Version != version)
        {
            return Error.Stale();
        }

        incident.ActionsTaken = actions;
        incident.ActionsUpdatedAt = time.GetUtcNow();
        incident.ActionsUpdatedById = actor.Id;
        db.Entry(incident).Property(i => i.Version).OriginalValue = version;
        audit.Add(actor, SafetyAuditActions.IncidentActions, nameof(GroupIncident), incident.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        var linked = incident.Links.Select(x => x.TrajectoryId).ToList();
        var visible = await access.VisibleTrajectories(actor).Where(t => linked.Contains(t.Id))
            .Select(t => new { t.Id, t.YoungPerson!.PseudonymCode }).ToDictionaryAsync(t => t.Id, t => t.PseudonymCode, ct);
        return View(incident, await PersonRefs.LoadAsync(db, [incident.RecordedById], ct), visible);
    }

    private static GroupIncidentView View(GroupIncident i, Dictionary<Guid, PersonRef> people, Dictionary<Guid, string> visible) =>
        new(i.Id, i.Kind, i.OccurredOn, i.Group, i.Description, i.ActionsTaken, i.RecordedAt, people[i.RecordedById], i.ActionsUpdatedAt,
            i.Links.Where(x => visible.ContainsKey(x.TrajectoryId)).Select(x => new IncidentLinkView(x.TrajectoryId, visible[x.TrajectoryId], x.Role)).ToList(),
            i.Links.Count(x => !visible.ContainsKey(x.TrajectoryId)), i.Version);
}
