using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Common;
using Traject.Web.Common.Access;
using Traject.Web.Common.Auditing;
using Traject.Web.Data;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.YoungPeople;

internal sealed record AccessLogEntry(
    DateTimeOffset At,
    string Professional,
    string Organisation,
    string Roles,
    string Action,
    string? Basis,
    string Outcome);

internal sealed record AccessLog(string Pseudonym, IReadOnlyList<AccessLogEntry> Entries);

/// <summary>
/// Who opened or changed a young person's dossier, when, from which organisation and role, on what basis: the
/// overview a young person or her parent may ask for. Read from the audit trail; shown to her coordinator and the
/// designated expert of a lead organisation, and itself audited.
/// </summary>
internal sealed class AccessOverview(TrajectDb db, AccessPolicy access, AuditLog audit)
{
    public const int MaxEntries = 5000;

    public async Task<Result<AccessLog>> GetAsync(Actor actor, string key, bool export, CancellationToken ct)
    {
        var id = await YoungPersonKey.ResolveAsync(db, key, ct);
        var basis = await access.BasisForYoungPersonAsync(actor, id, ct);
        var pseudonym = basis is null ? null : await db.YoungPeople.Where(y => y.Id == id).Select(y => y.PseudonymCode).SingleOrDefaultAsync(ct);
        var action = export ? AuditActions.AccessOverviewExport : AuditActions.AccessOverviewRead;
        if (pseudonym is null)
        {
            await audit.RecordAsync(actor, action, nameof(YoungPerson), id == Guid.Empty ? null : id, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.NotFound();
        }

        var visible = await access.VisibleTrajectories(actor).Where(t => t.YoungPersonId == id).ToListAsync(ct);
        var allowed = visible.Exists(t => AccessPolicy.CanManage(actor, t));

        if (!allowed)
        {
            await audit.RecordAsync(actor, action, nameof(YoungPerson), id, pseudonym, basis, AuditOutcomes.Denied, ct);
            return Error.Forbidden("Only her coordinator or the designated expert of the lead organisation can see who accessed this dossier.");
        }

        var rows = await (from a in db.AuditEntries.AsNoTracking()
                          where a.Pseudonym == pseudonym && a.ActorId != null
                          join u in db.Users on a.ActorId equals u.Id
                          join o in db.Organisations on a.ActorOrganisationId equals o.Id
                          orderby a.Sequence descending
                          select new AccessLogEntry(a.At, u.DisplayName, o.Name, a.ActorRoles ?? string.Empty, a.Action, a.Basis, a.Outcome))
            .Take(MaxEntries).ToListAsync(ct);
        await audit.RecordAsync(actor, action, nameof(YoungPerson), id, pseudonym, basis, ct: ct);
        return new AccessLog(pseudonym, rows);
    }

    /// <summary>CSV (RFC 4180, UTF-8, comma-separated, times in UTC ISO 8601); cells that could start a formula are quoted with a leading apostrophe.</summary>
    public static string ToCsv(AccessLog log)
    {
        var sb = new StringBuilder("time_utc,professional,organisation,roles,action,basis,outcome\r\n");
        foreach (var e in log.Entries)
        {
            sb.AppendJoin(',', new[] { e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), e.Professional, e.Organisation, e.Roles, e.Action, e.Basis ?? string.Empty, e.Outcome }.Select(Cell));
            sb.Append("\r\n");
        }

        return sb.ToString();
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
