using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Traject.Web.Modules.Trajectories.Access;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Trajectories;

/// <summary>
/// One line of the overview. <c>Action</c>, <c>Basis</c> and <c>Outcome</c> are the stable codes; the <c>…Text</c> fields
/// say the same in the request's language. <c>Parts</c> names what a page view showed.
/// </summary>
internal sealed record AccessLogEntry(
    DateTimeOffset At,
    string Professional,
    Guid OrganisationId,
    string Organisation,
    string Roles,
    string Action,
    string ActionText,
    string? Basis,
    string? BasisText,
    string Outcome,
    string OutcomeText,
    IReadOnlyList<string> Parts);

/// <summary>An organisation that appears in her trail, to filter by.</summary>
internal sealed record AccessLogOrganisation(Guid Id, string Name);

/// <summary>One page of the overview: <c>Total</c> entries match the filter; nothing is cut without saying so.</summary>
internal sealed record AccessLog(
    string Pseudonym,
    IReadOnlyList<AccessLogEntry> Entries,
    int Page,
    int PageSize,
    int Total,
    DateOnly? From,
    DateOnly? To,
    Guid? OrganisationId,
    IReadOnlyList<AccessLogOrganisation> Organisations);

/// <summary>The filter of the overview: a period (Amsterdam dates, inclusive), an organisation, and the page.</summary>
internal sealed record AccessLogQuery(DateOnly? From = null, DateOnly? To = null, Guid? OrganisationId = null, int Page = 1, int PageSize = 100);

/// <summary>
/// Who opened or changed a young person's dossier, when, from which organisation and role, on what basis: the
/// overview a young person or her parent may ask for. Read from the audit trail, paged and filtered by period and
/// organisation, in readable words; shown to her coordinator and the designated expert of a lead organisation, and
/// itself audited. The CSV export holds every entry of the filter, up to <see cref="MaxExport"/>; a larger selection is
/// refused with the advice to narrow the period, never cut.
/// </summary>
internal sealed class AccessOverview(TrajectDb db, AccessPolicy access, AuditLog audit, IStringLocalizer<SharedResource> l)
{
    public const int MaxPageSize = 500;
    public const int MaxExport = 50_000;

    public async Task<Result<AccessLog>> GetAsync(Actor actor, string key, AccessLogQuery query, bool export, CancellationToken ct)
    {
        var v = new Validator();
        v.Paging(query.Page, query.PageSize, MaxPageSize);

        if (query.From is { } from && query.To is { } to && to < from)
        {
            v.Add("to", "The end date cannot be before the start date.");
        }

        var id = await YoungPersonKey.ResolveAsync(db, key, ct);
        var basis = await access.BasisForYoungPersonAsync(actor, id, ct);
        var pseudonym = basis is null ? null : await db.YoungPeople.Where(y => y.Id == id).Select(y => y.PseudonymCode).SingleOrDefaultAsync(ct);
        var action = export ? TrajectoriesAuditActions.AccessOverviewExport : TrajectoriesAuditActions.AccessOverviewRead;
        if (pseudonym is null)
        {
            await audit.RecordAsync(actor, action, nameof(YoungPerson), id == Guid.Empty ? null : id, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.NotFound();
        }

        var visible = await access.VisibleTrajectories(actor).Where(t => t.YoungPersonId == id).ToListAsync(ct);
        if (!visible.Exists(t => AccessPolicy.CanManage(actor, t)))
        {
            await audit.RecordAsync(actor, action, nameof(YoungPerson), id, pseudonym, basis, AuditOutcomes.Denied, ct);
            return Error.Forbidden("Only her coordinator or the designated expert of the lead organisation can see who accessed this dossier.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        var trail = db.AuditEntries.AsNoTracking().Where(a => a.Pseudonym == pseudonym && a.ActorId != null);
        if (query.From is { } start)
        {
            var since = start.StartOfDayUtc();
            trail = trail.Where(a => a.At >= since);
        }

        if (query.To is { } end)
        {
            var before = end.AddDays(1).StartOfDayUtc();
            trail = trail.Where(a => a.At < before);
        }

        var organisations = await (from o in db.Organisations.AsNoTracking()
                                   where db.AuditEntries.Any(a => a.Pseudonym == pseudonym && a.ActorOrganisationId == o.Id)
                                   orderby o.Name
                                   select new AccessLogOrganisation(o.Id, o.Name)).ToListAsync(ct);
        if (query.OrganisationId is { } organisationId)
        {
            trail = trail.Where(a => a.ActorOrganisationId == organisationId);
        }

        var total = await trail.CountAsync(ct);
        if (export && total > MaxExport)
        {
            return Error.Invalid("to", Text.Encode("The selection holds {0} entries, more than {1} in one file: choose a shorter period.", total, MaxExport));
        }

        var rows = await (from a in trail
                          join u in db.Users on a.ActorId equals u.Id
                          join o in db.Organisations on a.ActorOrganisationId equals o.Id
                          orderby a.Sequence descending
                          select new { a.At, u.DisplayName, o.Id, o.Name, a.ActorRoles, a.Action, a.Basis, a.Outcome, a.Detail })
            .Skip(export ? 0 : (query.Page - 1) * query.PageSize).Take(export ? MaxExport : query.PageSize).ToListAsync(ct);
        await audit.RecordAsync(actor, action, nameof(YoungPerson), id, pseudonym, basis, ct: ct);
        var entries = rows.Select(r => new AccessLogEntry(r.At, r.DisplayName, r.Id, r.Name, r.ActorRoles ?? string.Empty,
            r.Action, l.Label("AuditAction." + r.Action), r.Basis, r.Basis is null ? null : l.Label("AccessBasis." + r.Basis),
            r.Outcome, l.Label("AuditOutcome." + r.Outcome),
            r.Detail is null ? [] : r.Detail.Split(',').Select(p => l.Label("AuditAction." + p)).ToList())).ToList();
        return new AccessLog(pseudonym, entries, export ? 1 : query.Page, export ? Math.Max(total, 1) : query.PageSize, total,
            query.From, query.To, query.OrganisationId, organisations);
    }

    /// <summary>CSV (RFC 4180, UTF-8, comma-separated, times in UTC ISO 8601); cells that could start a formula are quoted with a leading apostrophe.</summary>
    public static string ToCsv(AccessLog log)
    {
        var sb = new StringBuilder("time_utc,professional,organisation,roles,action,basis,outcome,action_text,parts\r\n");
        foreach (var e in log.Entries)
        {
            sb.AppendJoin(',', new[]
            {
                e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), e.Professional, e.Organisation, e.Roles, e.Action,
                e.Basis ?? string.Empty, e.Outcome, e.ActionText, string.Join("; ", e.Parts),
            }.Select(Cell));
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
