namespace Traject.Web.Common.Auditing;

/// <summary>
/// One line of the audit trail: who did what to which record, on what basis, with what outcome.
/// Holds ids and pseudonyms only, never names or free text about a young person.
/// </summary>
internal sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Position in the chain: 1, 2, 3 … without gaps, assigned when the entry is saved.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }
    public Guid? ActorId { get; set; }
    public Guid? ActorOrganisationId { get; set; }

    /// <summary>The actor's roles at the time, comma-separated.</summary>
    public string? ActorRoles { get; set; }

    /// <summary>On whose behalf the actor acted, when not her own.</summary>
    public Guid? OnBehalfOfId { get; set; }
    public string Action { get; set; } = string.Empty;
    public string? EntityType { get; set; }
    public Guid? EntityId { get; set; }
    public string? Pseudonym { get; set; }
    public string? Basis { get; set; }

    /// <summary>The reason given with the basis (emergency access); never dossier content.</summary>
    public string? BasisReason { get; set; }
    public string Outcome { get; set; } = AuditOutcomes.Allowed;
    public string? Channel { get; set; }

    /// <summary>What else the entry names: the parts of a dossier shown in one page view. Codes only, never content.</summary>
    public string? Detail { get; set; }
    public string? ClientAddress { get; set; }

    /// <summary>SHA-256 (hex) of the previous entry; empty for the first.</summary>
    public string PreviousHash { get; set; } = string.Empty;

    /// <summary>SHA-256 (hex) over this entry's canonical content and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; set; } = string.Empty;
}

/// <summary>The end of the audit chain: the last sequence number and hash. One row; its update serialises writers.</summary>
internal sealed class AuditChainHead
{
    public int Id { get; set; }
    public long Sequence { get; set; }
    public string Hash { get; set; } = string.Empty;
}

internal static class AuditOutcomes
{
    public const string Allowed = "allowed";
    public const string Denied = "denied";
    public const string Failed = "failed";
}

/// <summary>The audit trail's own actions; every module keeps the names of the actions it writes (<c>&lt;Module&gt;AuditActions</c>).</summary>
internal static class AuditActions
{
    public const string AuditVerified = "admin.audit.verify";
}
