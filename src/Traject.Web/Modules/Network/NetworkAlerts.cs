using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Network;

internal sealed record ContactPerson(string Name, string? Email);

/// <summary>The other organisation in an overlap: its name and its designated experts, to be contacted.</summary>
internal sealed record OrganisationContact(string Organisation, IReadOnlyList<ContactPerson> DesignatedExperts);

/// <summary>
/// An overlap alert as the designated expert sees it: her own young person (pseudonym, trajectory, the matching entry),
/// the kind of identifier that matched and whom to contact. Nothing about the other young person.
/// </summary>
internal sealed record NetworkAlertView(
    Guid Id,
    Guid TrajectoryId,
    string Pseudonym,
    Guid? EntryId,
    IdentifierKind Matched,
    DateTimeOffset CreatedAt,
    OrganisationContact Contact,
    DateTimeOffset? DismissedAt,
    PersonRef? DismissedBy,
    string? DismissalReason,
    long Version);

internal sealed record DismissAlertRequest(string? Reason, long? Version);

/// <summary>
/// Overlap alerts for the designated experts of the organisations that lead the trajectories concerned. Reading the
/// list and dismissing an alert (a false positive, with a reason) are audited.
/// </summary>
internal sealed class NetworkAlerts(TrajectDb db, TimeProvider time, AuditLog audit, NetworkProtection protection)
{
    public const int MaxListed = 500;

    public async Task<Result<IReadOnlyList<NetworkAlertView>>> ListAsync(Actor actor, CancellationToken ct)
    {
        if (!IsExpert(actor))
        {
            await audit.RecordAsync(actor, NetworkAuditActions.NetworkAlertsRead, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.Forbidden("Only designated experts receive network overlap alerts.");
        }

        var views = await ViewsAsync(actor, null, ct);
        await audit.RecordAsync(actor, NetworkAuditActions.NetworkAlertsRead, ct: ct);
        return views;
    }

    public async Task<Result<NetworkAlertView>> DismissAsync(Actor actor, Guid alertId, DismissAlertRequest request, CancellationToken ct)
    {
        if (!IsExpert(actor))
        {
            await audit.RecordAsync(actor, NetworkAuditActions.NetworkAlertDismissed, nameof(NetworkOverlapAlert), alertId, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.Forbidden("Only designated experts receive network overlap alerts.");
        }

        var row = await (from a in db.Set<NetworkOverlapAlert>()
                         join t in db.Trajectories on a.TrajectoryId equals t.Id
                         where a.Id == alertId && t.LeadOrganisationId == actor.OrganisationId
                         select new { Alert = a, t.YoungPerson!.PseudonymCode }).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            await audit.RecordAsync(actor, NetworkAuditActions.NetworkAlertDismissed, nameof(NetworkOverlapAlert), alertId, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.NotFound();
        }

        var v = new Validator();
        var reason = v.Text("reason", request.Reason, NetworkOverlapAlert.ReasonMaxLength, minLength: NetworkOverlapAlert.ReasonMinLength);
        var version = v.Required("version", request.Version);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        var alert = row.Alert;
        if (alert.Version != version)
        {
            return Error.Stale();
        }

        if (alert.DismissedAt is not null)
        {
            return Error.Conflict("This alert has already been dismissed.");
        }

        alert.DismissedAt = time.GetUtcNow();
        alert.DismissedById = actor.Id;
        alert.DismissalReason = protection.Protect(reason);
        db.Entry(alert).Property(a => a.Version).OriginalValue = version;
        audit.Add(actor, NetworkAuditActions.NetworkAlertDismissed, nameof(NetworkOverlapAlert), alert.Id, row.PseudonymCode, AccessBasis.DesignatedExpert);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        return (await ViewsAsync(actor, alert.Id, ct)).Single();
    }

    private static bool IsExpert(Actor actor) => actor.HasCareRole && actor.IsInRole(Roles.DesignatedExpert);

    private async Task<List<NetworkAlertView>> ViewsAsync(Actor actor, Guid? only, CancellationToken ct)
    {
        var rows = await (from a in db.Set<NetworkOverlapAlert>().AsNoTracking()
                          join t in db.Trajectories on a.TrajectoryId equals t.Id
                          join o in db.Trajectories on a.OtherTrajectoryId equals o.Id
                          where t.LeadOrganisationId == actor.OrganisationId && (only == null || a.Id == only)
                          orderby a.DismissedAt == null descending, a.CreatedAt descending, a.Id
                          select new { Alert = a, t.YoungPerson!.PseudonymCode, OtherOrganisationId = o.LeadOrganisationId })
            .Take(MaxListed).ToListAsync(ct);
        var orgIds = rows.Select(r => r.OtherOrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var contacts = new Dictionary<Guid, OrganisationContact>();
        foreach (var org in orgIds)
        {
            var experts = await CareProfessionals.DesignatedExpertsAsync(db, org, ct);
            var people = await db.Users.AsNoTracking().Where(u => experts.Contains(u.Id)).OrderBy(u => u.DisplayName)
                .Select(u => new ContactPerson(u.DisplayName, u.Email)).ToListAsync(ct);
            contacts[org] = new OrganisationContact(names[org], people);
        }

        var dismissers = await PersonRefs.LoadAsync(db, rows.Where(r => r.Alert.DismissedById is not null).Select(r => r.Alert.DismissedById!.Value), ct);
        return rows.Select(r => new NetworkAlertView(r.Alert.Id, r.Alert.TrajectoryId, r.PseudonymCode, r.Alert.EntryId, r.Alert.Kind, r.Alert.CreatedAt,
            contacts[r.OtherOrganisationId], r.Alert.DismissedAt, r.Alert.DismissedById is { } by ? dismissers[by] : null,
            r.Alert.DismissalReason is { } reason ? protection.Unprotect(reason) : null, r.Alert.Version)).ToList();
    }
}
