using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Modules.Screening;

/// <summary>
/// Screening facts other modules read, without access checks of their own (the caller has opened the trajectory
/// through the door).
/// </summary>
internal static class ScreeningFacts
{
    /// <summary>
    /// The classification that the multidisciplinary weighing made final in the trajectory's most recently finalised
    /// screening, or null when no screening is final yet.
    /// </summary>
    public static Task<Classification?> LatestFinalClassificationAsync(TrajectDb db, Guid trajectoryId, CancellationToken ct) =>
        db.Screenings.AsNoTracking().Where(s => s.TrajectoryId == trajectoryId && s.FinalClassification != null)
            .OrderByDescending(s => s.FinalisedAt).ThenByDescending(s => s.Id).Select(s => s.FinalClassification).FirstOrDefaultAsync(ct);
}
