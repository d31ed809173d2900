using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Modules.Registration;

internal sealed record CreateExportRequest(DateOnly? From, DateOnly? To);

internal sealed record ExportBatchView(Guid Id, int Sequence, DateOnly PeriodFrom, DateOnly PeriodTo, DateTimeOffset CreatedAt, int Count);

internal sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Exports an organisation's national notifications over a period, each notification once: a new batch takes every
/// notification of the period not exported or cancelled before. A batch's file is rebuilt from what was stored, so it
/// is the same, byte for byte, each time it is fetched (docs/registration-export.md). Only the organisation's
/// designated experts export, and every export and every fetch is audited.
/// </summary>
internal sealed class NotificationExports(TrajectDb db, TimeProvider time, AuditLog audit)
{
    public const string FormatName = "traject-national-notifications/1";
    public const int MaxPeriodDays = 366;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static bool MayExport(Actor actor) => actor.IsInRole(Roles.DesignatedExpert) && Organisation.IsCareKind(actor.OrganisationKind);

    public async Task<Result<IReadOnlyList<ExportBatchView>>> ListAsync(Actor actor, CancellationToken ct)
    {
        if (await RefuseAsync(actor, RegistrationAuditActions.NotificationExportRead, null, ct) is { } refused)
        {
            return refused;
        }

        return await db.NotificationExportBatches.AsNoTracking().Where(b => b.OrganisationId == actor.OrganisationId)
            .OrderByDescending(b => b.Sequence)
            .Select(b => new ExportBatchView(b.Id, b.Sequence, b.PeriodFrom, b.PeriodTo, b.CreatedAt, b.Count)).ToListAsync(ct);
    }

    public async Task<Result<ExportBatchView>> CreateAsync(Actor actor, CreateExportRequest request, CancellationToken ct)
    {
        if (await RefuseAsync(actor, RegistrationAuditActions.NotificationsExported, null, ct) is { } refused)
        {
            return refused;
        }

        var v = new Validator();
        var from = v.Required("from", request.From);
        var to = v.Required("to", request.To);
        if (request.From is not null && request.To is not null)
        {
            if (to < from)
            {
                v.Add("to", "The end date cannot be before the start date.");
            }
            else if (to.DayNumber - from.DayNumber >= MaxPeriodDays)
            {
                v.Add("to", "A period of at most {0} days.", MaxPeriodDays);
            }
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        var org = actor.OrganisationId;
        var pending = await db.NationalNotifications
            .Where(n => n.OrganisationId == org && n.ExportBatchId == null && n.CancelledAt == null && n.DecidedOn >= from && n.DecidedOn <= to)
            .ToListAsync(ct);
        if (pending.Count == 0)
        {
            return Error.Conflict("There are no notifications to export in this period.");
        }

        var sequence = (await db.NotificationExportBatches.Where(b => b.OrganisationId == org).MaxAsync(b => (int?)b.Sequence, ct) ?? 0) + 1;
        var batch = new NotificationExportBatch
        {
            OrganisationId = org,
            OrganisationName = await db.Organisations.Where(o => o.Id == org).Select(o => o.Name).SingleAsync(ct),
            Sequence = sequence, PeriodFrom = from, PeriodTo = to, CreatedAt = time.GetUtcNow(), CreatedById = actor.Id, Count = pending.Count,
        };
        db.NotificationExportBatches.Add(batch);
        foreach (var n in pending)
        {
            n.ExportBatchId = batch.Id;
        }

        audit.Add(actor, RegistrationAuditActions.NotificationsExported, nameof(NotificationExportBatch), batch.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Stale(); // another export took (some of) these notifications, or the same number, at the same moment
        }

        return new ExportBatchView(batch.Id, batch.Sequence, batch.PeriodFrom, batch.PeriodTo, batch.CreatedAt, batch.Count);
    }

    /// <summary>The batch as a file, <paramref name="format"/> <c>json</c> or <c>csv</c>; fetching it is audited.</summary>
    public async Task<Result<ExportFile>> FileAsync(Actor actor, Guid batchId, string? format, CancellationToken ct)
    {
        if (await RefuseAsync(actor, RegistrationAuditActions.NotificationExportRead, batchId, ct) is { } refused)
        {
            return refused;
        }

        if (format is not ("json" or "csv"))
        {
            return Error.Invalid("format", "Use json or csv.");
        }

        var batch = await db.NotificationExportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId && b.OrganisationId == actor.OrganisationId, ct);
        if (batch is null)
        {
            await audit.RecordAsync(actor, RegistrationAuditActions.NotificationExportRead, nameof(NotificationExportBatch), batchId, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.NotFound();
        }

        var rows = await db.NationalNotifications.AsNoTracking().Where(n => n.ExportBatchId == batch.Id).ToListAsync(ct);
        rows = rows.OrderBy(n => n.DecidedOn).ThenBy(n => n.Id).ToList();
        await audit.RecordAsync(actor, RegistrationAuditActions.NotificationExportRead, nameof(NotificationExportBatch), batch.Id, ct: ct);
        var name = string.Create(CultureInfo.InvariantCulture, $"notifications-{batch.Sequence:D4}-{batch.PeriodFrom:yyyyMMdd}-{batch.PeriodTo:yyyyMMdd}.{format}");
        return format == "json"
            ? new ExportFile(ToJson(batch, rows), "application/json", name)
            : new ExportFile(ToCsv(batch, rows), "text/csv; charset=utf-8", name);
    }

    private async Task<Error?> RefuseAsync(Actor actor, string action, Guid? batchId, CancellationToken ct)
    {
        if (MayExport(actor))
        {
            return null;
        }

        await audit.RecordAsync(actor, action, nameof(NotificationExportBatch), batchId, outcome: AuditOutcomes.Denied, ct: ct);
        return Error.Forbidden("Only the designated experts of a care organisation export its notifications.");
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    /// <summary>UTF-8 JSON without byte-order mark, no indentation, fields in the documented order.</summary>
    public static byte[] ToJson(NotificationExportBatch batch, IReadOnlyList<NationalNotification> rows)
    {
        var document = new
        {
            format = FormatName,
            batch = new
            {
                id = batch.Id, organisationId = batch.OrganisationId, organisation = batch.OrganisationName, sequence = batch.Sequence,
                periodFrom = Date(batch.PeriodFrom), periodTo = Date(batch.PeriodTo), createdAt = Instant(batch.CreatedAt), count = rows.Count,
            },
            notifications = rows.Select(n => new
            {
                id = n.Id,
                kind = n.Kind.ToString(),
                deduplicationKey = n.DeduplicationKey,
                decidedOn = Date(n.DecidedOn),
                year = n.Year,
                familyName = n.FamilyName,
                givenName = n.GivenName,
                dateOfBirth = Date(n.DateOfBirth),
                gender = DeduplicationKey.GenderCode(n.Gender),
                municipality = n.Municipality,
                nationality = n.Nationality.ToString(),
                minor = n.Minor,
                ageOnDecision = n.AgeOnDecision,
                victimStatus = n.VictimStatus.ToString(),
                forms = RegistrationRules.ParseForms(n.Forms).Select(f => f.ToString()).ToList(),
                regionId = n.RegionId,
                organisationKind = n.OrganisationKind.ToString(),
            }).ToList(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }

    public static readonly string[] CsvColumns =
    [
        "batch_id", "batch_sequence", "organisation_id", "organisation", "notification_id", "kind", "deduplication_key", "decided_on", "year",
        "family_name", "given_name", "date_of_birth", "gender", "municipality", "nationality", "minor", "age_on_decision", "victim_status",
        "forms", "region_id", "organisation_kind",
    ];

    /// <summary>RFC 4180 CSV, UTF-8 without byte-order mark, CRLF line ends, a header row; formula-like cells get a leading apostrophe.</summary>
    public static byte[] ToCsv(NotificationExportBatch batch, IReadOnlyList<NationalNotification> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', CsvColumns).Append("\r\n");
        foreach (var n in rows)
        {
            sb.AppendJoin(',', new[]
            {
                batch.Id.ToString(), batch.Sequence.ToString(CultureInfo.InvariantCulture), batch.OrganisationId.ToString(), batch.OrganisationName,
                n.Id.ToString(), n.Kind.ToString(), n.DeduplicationKey, Date(n.DecidedOn), n.Year.ToString(CultureInfo.InvariantCulture),
                n.FamilyName ?? string.Empty, n.GivenName ?? string.Empty, Date(n.DateOfBirth), DeduplicationKey.GenderCode(n.Gender),
                n.Municipality ?? string.Empty, n.Nationality.ToString(), n.Minor ? "true" : "false",
                n.AgeOnDecision.ToString(CultureInfo.InvariantCulture), n.VictimStatus.ToString(), n.Forms.Replace(',', ';'),
                n.RegionId.ToString(), n.OrganisationKind.ToString(),
            }.Select(Cell));
            sb.Append("\r\n");
        }

        return new UTF8Encoding(false).GetBytes(sb.ToString());
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
