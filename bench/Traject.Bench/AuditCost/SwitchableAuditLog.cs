using Microsoft.AspNetCore.Http;
using Traject.Web.Common.Access;
using Traject.Web.Common.Auditing;
using Traject.Web.Data;

namespace Traject.Bench.AuditCost;

/// <summary>Whether the bench has switched the audit write of reads off. Exists only in the bench's own host.</summary>
internal sealed class AuditSwitch
{
    public volatile bool Off;
}

/// <summary>
/// The bench's replacement of the app's <see cref="AuditLog"/>: as in production, unless the bench has switched the
/// write off, in which case a read records nothing. Registered only by <see cref="BenchHost"/>.
/// </summary>
internal sealed class SwitchableAuditLog(TrajectDb db, TimeProvider time, IHttpContextAccessor http, AccessReasons reasons, AuditWriter writer, AuditSwitch audit)
    : AuditLog(db, time, http, reasons, writer)
{
    public override Task RecordAsync(Actor? actor, string action, string? entityType, Guid? entityId,
        string? pseudonym, string? basis, string outcome, string? detail, CancellationToken ct) =>
        audit.Off ? Task.CompletedTask : base.RecordAsync(actor, action, entityType, entityId, pseudonym, basis, outcome, detail, ct);
}
