using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Modules.Screening;

internal sealed record InstrumentVersionView(
    string Version,
    DateTimeOffset PublishedAt,
    string? PublishedBy,
    int Signals,
    bool Used,
    DateTimeOffset? FirstUsedAt,
    bool Current);

/// <summary>
/// Lists the instrument versions and lets administrators publish a new one. A published version is never changed or
/// replaced: a change to the signal list is a new version, which becomes the current one. Publishing is audited.
/// </summary>
internal sealed class InstrumentPublishing(TrajectDb db, TimeProvider time, AuditLog audit)
{
    public const string PublishAction = OrganisationsAuditActions.AdminAction + ".instrument.publish";

    /// <summary>Newest first; the first is the current version.</summary>
    public async Task<IReadOnlyList<InstrumentVersionView>> ListAsync(CancellationToken ct)
    {
        var rows = await (from v in db.InstrumentVersions.AsNoTracking()
                          join u in db.Users on v.PublishedById equals u.Id into publishers
                          from u in publishers.DefaultIfEmpty()
                          orderby v.Sequence descending
                          select new { v.Version, v.PublishedAt, PublishedBy = u == null ? null : u.DisplayName, v.SignalCount, v.Used, v.FirstUsedAt })
            .ToListAsync(ct);
        return rows.Select((r, i) => new InstrumentVersionView(r.Version, r.PublishedAt, r.PublishedBy, r.SignalCount, r.Used, r.FirstUsedAt, i == 0)).ToList();
    }

    public async Task<Result<InstrumentVersionView>> PublishAsync(Actor actor, InstrumentDocument? document, CancellationToken ct)
    {
        if (!actor.IsAdministrator)
        {
            return Error.Forbidden("Only administrators can do this.");
        }

        if (document is null)
        {
            return Error.Invalid("body", "Send the instrument as JSON: a version and its signals.");
        }

        var checkedDocument = InstrumentJson.Validate(document);
        if (!checkedDocument.IsSuccess)
        {
            return checkedDocument.Error!;
        }

        var instrument = checkedDocument.Value;
        if (await db.InstrumentVersions.AnyAsync(v => v.Version == instrument.Version, ct))
        {
            return VersionExists(instrument.Version);
        }

        var row = NewRow(instrument, await NextSequenceAsync(db, ct), actor.Id, time.GetUtcNow());
        db.InstrumentVersions.Add(row);
        audit.Add(actor, PublishAction, nameof(InstrumentVersion), row.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator published at the same moment: the same name, or the same place in the order.
            db.ChangeTracker.Clear();
            return await db.InstrumentVersions.AnyAsync(v => v.Version == instrument.Version, ct)
                ? VersionExists(instrument.Version)
                : Error.Conflict("Another version was published at the same moment. Publish again.");
        }

        return new InstrumentVersionView(row.Version, row.PublishedAt, actor.DisplayName, row.SignalCount, false, null, true);
    }

    /// <summary>
    /// Stores the built-in versions this installation does not have yet, oldest first (reference-data seeding, every
    /// environment). A newly shipped built-in version thereby becomes the current one; stored versions never change.
    /// </summary>
    public static async Task<bool> StoreBuiltInAsync(TrajectDb db, TimeProvider time, CancellationToken ct = default)
    {
        var stored = false;
        foreach (var builtIn in BuiltInInstrument.All)
        {
            stored |= await StoreAsync(db, builtIn, time, ct);
        }

        return stored;
    }

    private static async Task<bool> StoreAsync(TrajectDb db, Instrument builtIn, TimeProvider time, CancellationToken ct)
    {
        if (await db.InstrumentVersions.AnyAsync(v => v.Version == builtIn.Version, ct))
        {
            return false;
        }

        var row = db.InstrumentVersions.Add(NewRow(builtIn, await NextSequenceAsync(db, ct), null, time.GetUtcNow())).Entity;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node stored it at the same moment.
            db.Entry(row).State = EntityState.Detached;
            if (await db.InstrumentVersions.AnyAsync(v => v.Version == builtIn.Version, ct))
            {
                return false;
            }

            throw;
        }
    }

    private static Error VersionExists(string version) => Error.Conflict(Text.Encode(
        "Version {0} already exists. A published version never changes: publish the changes under a new version name.", version));

    private static async Task<long> NextSequenceAsync(TrajectDb db, CancellationToken ct) =>
        (await db.InstrumentVersions.MaxAsync(v => (long?)v.Sequence, ct) ?? 0) + 1;

    private static InstrumentVersion NewRow(Instrument instrument, long sequence, Guid? publishedBy, DateTimeOffset at) => new()
    {
        Version = instrument.Version,
        Sequence = sequence,
        PublishedAt = at,
        PublishedById = publishedBy,
        Content = InstrumentJson.Serialize(instrument),
        SignalCount = instrument.Signals.Count,
    };
}
