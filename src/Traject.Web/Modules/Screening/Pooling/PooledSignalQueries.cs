using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Screening.Pooling;

internal sealed record PooledSignalView(
    Guid Id,
    string Receipt,
    string Code,
    string Label,
    DateOnly ObservedOn,
    SignalSource Source,
    string? Note,
    PersonRef SignalledBy,
    DateTimeOffset ReceivedAt,
    string InstrumentVersion);

/// <summary>The pooled signals filed to one trajectory, and what the engine suggests over all signals known for her.</summary>
internal sealed record PooledSignalsView(string Pseudonym, Classification Suggestion, IReadOnlyList<PooledSignalView> Signals);

/// <summary>
/// Reads pooled signals: only those who steer the trajectory, its coordinator and the designated experts of its lead
/// organisation. Other team members and emergency access get 403 (they know the dossier exists), everyone else 404.
/// Audited as a read of the dossier, on the basis she reads it on.
/// </summary>
internal sealed class PooledSignalQueries(TrajectDb db, DossierDoor door, IInstrumentStore instruments)
{
    public async Task<Result<PooledSignalsView>> ListAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        // The door refuses (and audits the refusal of) anyone who does not steer; the read itself is audited by the second opening.
        if ((await door.OpenAsync(actor, trajectoryId, DossierOperation.Steer, ScreeningAuditActions.PooledSignalsRead, ct)).Error is { } refused)
        {
            return refused.Kind == ErrorKind.Forbidden
                ? Error.Forbidden("Pooled signals are for the coordinator and the designated experts of the lead organisation.")
                : refused;
        }

        var read = await door.ReadAsync(actor, trajectoryId, ScreeningAuditActions.PooledSignalsRead, ct);
        if (read.Error is { } gone)
        {
            return gone;
        }

        var t = read.Value.Trajectory;
        var pseudonym = read.Value.Pseudonym;

        var rows = await db.PooledSignals.AsNoTracking().Where(s => s.TrajectoryId == trajectoryId)
            .OrderByDescending(s => s.ReceivedAt).ThenByDescending(s => s.ObservedOn).ThenBy(s => s.Id).ToListAsync(ct);
        var people = await PersonRefs.LoadAsync(db, rows.Select(r => r.SignalledById), ct);
        var orgIds = rows.Select(r => r.SignalledByOrganisationId).Distinct().ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var versions = new Dictionary<string, Instrument?>(StringComparer.Ordinal);
        foreach (var version in rows.Select(r => r.InstrumentVersion).Distinct())
        {
            versions[version] = await instruments.FindAsync(version, ct);
        }

        var dutch = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "nl";
        string Label(PooledSignal s) => versions[s.InstrumentVersion]?.Find(s.Code) is { } d ? (dutch ? d.LabelNl : d.LabelEn) : s.Code;

        var suggestion = SignalPicture.Suggest(await instruments.CurrentAsync(ct), t.YoungPerson!.DateOfBirth,
            await SignalPicture.KnownAsync(db, t.YoungPersonId, ct));
        return new PooledSignalsView(pseudonym, suggestion, rows.Select(s => new PooledSignalView(s.Id, s.Receipt, s.Code, Label(s),
            s.ObservedOn, s.Source, s.Note, people[s.SignalledById] with { Organisation = orgs[s.SignalledByOrganisationId] },
            s.ReceivedAt, s.InstrumentVersion)).ToList());
    }
}
