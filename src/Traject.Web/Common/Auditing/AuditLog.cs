
namespace Traject.Web.Common.Auditing;

/// <summary>
/// Writes audit entries. Changes are audited in the same transaction as the change itself; an entry that stands alone
/// (a read or a refusal) is committed through the <see cref="AuditWriter"/> before any answer is sent.
/// <see cref="RecordAsync(Actor?, string, string?, Guid?, string?, string?, string, string?, CancellationToken)"/> is
/// virtual for one reason: the load benchmark (<c>bench/</c>) replaces this service to measure what the audit write costs. Nothing in the app overrides it and no setting switches auditing off.
/// </summary>
internal class AuditLog(TrajectDb db, TimeProvider time, IHttpContextAccessor http, AccessReasons reasons, AuditWriter writer)
{
    /// <summary>The basis whose reason goes with the entry (the access policy's emergency access).</summary>
    public const string EmergencyBasis = "emergency";

    private List<Task>? _pending; // this request's entries the response waits for

    /// <summary>Adds an entry to the unit of work; it is saved with the change it describes.</summary>
    public AuditEntry Add(Actor? actor, string action, string? entityType = null, Guid? entityId = null,
        string? pseudonym = null, string? basis = null, string outcome = AuditOutcomes.Allowed) =>
        db.AuditEntries.Add(Create(actor, action, entityType, entityId, pseudonym, basis, outcome)).Entity;

    /// <summary>
    /// Records an entry on its own, for reads and refusals that change nothing else. The entry goes to the
    /// <see cref="AuditWriter"/>; during a request whose response has not started, this returns at once and the response
    /// waits for the commit (nothing of it, not even its headers, leaves before), so the rest of the request's work and
    /// its other entries overlap with the write. Elsewhere it returns once the entry is committed. When the unit of
    /// work holds changes (or a transaction is open), the entry is saved with them instead.
    /// </summary>
    public Task RecordAsync(Actor? actor, string action, string? entityType = null, Guid? entityId = null,
        string? pseudonym = null, string? basis = null, string outcome = AuditOutcomes.Allowed,
        CancellationToken ct = default) =>
        RecordAsync(actor, action, entityType, entityId, pseudonym, basis, outcome, detail: null, ct);

    /// <summary>As <see cref="RecordAsync(Actor?, string, string?, Guid?, string?, string?, string, CancellationToken)"/>, naming what else the entry covers.</summary>
    public virtual async Task RecordAsync(Actor? actor, string action, string? entityType, Guid? entityId,
        string? pseudonym, string? basis, string outcome, string? detail, CancellationToken ct)
    {
        var entry = Create(actor, action, entityType, entityId, pseudonym, basis, outcome);
        entry.Detail = detail;
        if (db.Database.CurrentTransaction is not null || db.ChangeTracker.HasChanges())
        {
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(ct);
            return;
        }

        // Not cancellable on purpose: whoever read something is answered only once the entry saying so is committed.
        var committed = writer.AppendAsync(entry);
        if (http.HttpContext?.Response is { HasStarted: false } response)
        {
            if (_pending is null)
            {
                _pending = [];
                var pending = _pending;
                response.OnStarting(() => Task.WhenAll(pending));
            }

            _pending.Add(committed);
            return;
        }

        await committed;
    }

    private AuditEntry Create(Actor? actor, string action, string? entityType, Guid? entityId, string? pseudonym,
        string? basis, string outcome)
    {
        var ctx = http.HttpContext;
        return new AuditEntry
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
            BasisReason = basis == EmergencyBasis ? reasons.Emergency : null,
            Outcome = outcome,
            Channel = ctx is null ? "cli" : ctx.Request.Path.StartsWithSegments("/api") ? "api" : "web",
            ClientAddress = ctx?.Connection.RemoteIpAddress?.ToString(),
        };
    }
}
