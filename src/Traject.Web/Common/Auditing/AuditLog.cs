using Traject.Web.Common.Access;
using Traject.Web.Data;

namespace Traject.Web.Common.Auditing;

/// <summary>
/// Writes audit entries. Changes are audited in the same transaction as the change itself.
/// <see cref="RecordAsync"/> is virtual for one reason: the load benchmark (<c>bench/</c>) replaces this service to
/// measure what the audit write costs. Nothing in the app overrides it and no setting switches auditing off.
/// </summary>
internal class AuditLog(TrajectDb db, TimeProvider time, IHttpContextAccessor http, AccessPolicy policy)
{
    /// <summary>Adds an entry to the unit of work; it is saved with the change it describes.</summary>
    public AuditEntry Add(Actor? actor, string action, string? entityType = null, Guid? entityId = null,
        string? pseudonym = null, string? basis = null, string outcome = AuditOutcomes.Allowed)
    {
        var ctx = http.HttpContext;
        return db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorId = actor?.Id,
            ActorOrganisationId = actor?.OrganisationId,
            ActorRoles = actor is null ? null : string.Join(',', actor.Roles.Order(StringComparer.Ordinal)),
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Pseudonym = pseudonym,
            Basis = basis,
            BasisReason = basis == AccessBasis.Emergency ? policy.EmergencyReason : null,
            Outcome = outcome,
            Channel = ctx is null ? "cli" : ctx.Request.Path.StartsWithSegments("/api") ? "api" : "web",
            ClientAddress = ctx?.Connection.RemoteIpAddress?.ToString(),
        }).Entity;
    }

    /// <summary>Records an entry on its own, for reads and refusals that change nothing else.</summary>
    public virtual async Task RecordAsync(Actor? actor, string action, string? entityType = null, Guid? entityId = null,
        string? pseudonym = null, string? basis = null, string outcome = AuditOutcomes.Allowed,
        CancellationToken ct = default)
    {
        Add(actor, action, entityType, entityId, pseudonym, basis, outcome);
        await db.SaveChangesAsync(ct);
    }
}
