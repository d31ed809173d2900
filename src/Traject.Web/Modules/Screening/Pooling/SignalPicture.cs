using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Modules.Screening.Pooling;

/// <summary>A signal as observed: its code and the date it was observed on.</summary>
internal sealed record ObservedSignal(string Code, DateOnly ObservedOn);

/// <summary>All signals known for a young person, and the classification the screening engine suggests for them.</summary>
internal static class SignalPicture
{
    /// <summary>Every signal known for her, from every source that records signals.</summary>
    public static async Task<IReadOnlyList<ObservedSignal>> KnownAsync(TrajectDb db, Guid youngPersonId, CancellationToken ct) =>
    [
        .. await db.PooledSignals.AsNoTracking().Where(s => s.YoungPersonId == youngPersonId)
            .Select(s => new ObservedSignal(s.Code, s.ObservedOn)).ToListAsync(ct),
        .. await (from s in db.ScreeningSignals.AsNoTracking()
                  join sc in db.Screenings.AsNoTracking() on s.ScreeningId equals sc.Id
                  join t in db.Trajectories.AsNoTracking() on sc.TrajectoryId equals t.Id
                  where t.YoungPersonId == youngPersonId
                  select new ObservedSignal(s.Code, s.ObservedOn)).ToListAsync(ct),
    ];

    /// <summary>
    /// The engine's suggestion for her date of birth and the latest observation date. Codes the instrument no longer
    /// knows (recorded with an older version) are left out; no signals at all suggest nothing.
    /// </summary>
    public static Classification Suggest(Instrument instrument, DateOnly dateOfBirth, IEnumerable<ObservedSignal> signals)
    {
        var usable = signals.Where(s => instrument.Find(s.Code) is not null).ToList();
        if (usable.Count == 0)
        {
            return Classification.None;
        }

        var outcome = ScreeningEngine.Evaluate(instrument, dateOfBirth, usable.Max(s => s.ObservedOn), usable.Select(s => s.Code), out _);
        return outcome?.Classification ?? Classification.None;
    }
}
