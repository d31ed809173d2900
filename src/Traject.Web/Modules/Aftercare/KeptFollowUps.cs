using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Aftercare;

/// <summary>The next follow-up contact of a young person whose follow-ups this professional keeps as the aftercare's trusted professional.</summary>
internal sealed record KeptFollowUp(Guid TrajectoryId, string Pseudonym, string YoungPersonName, TrajectoryStatus Status, int Months, DateOnly DueOn,
    DateOnly OpensOn, bool IsOverdue, bool CanRecordNow);

internal sealed record KeptFollowUpsView(IReadOnlyList<KeptFollowUp> Items);

/// <summary>
/// "Follow-ups I keep": for the trusted professional, every young person whose follow-up contacts she keeps (also after
/// the trajectory closed and her team membership ended), with the next contact and when it can be recorded. Exactly the
/// trajectories the aftercare-trusted basis opens; the list is audited as one search.
/// </summary>
internal sealed class KeptFollowUps(TrajectDb db, TimeProvider time, AuditLog audit)
{
    public async Task<KeptFollowUpsView> ListAsync(Actor actor, CancellationToken ct)
    {
        var ids = AftercareTrustedGrant.Kept(db, actor.Id);
        var rows = await db.FollowUpContacts.AsNoTracking()
            .Where(f => ids.Contains(f.TrajectoryId) && f.RecordedAt == null)
            .Join(db.Trajectories, f => f.TrajectoryId, t => t.Id, (f, t) => new
            {
                f.TrajectoryId, t.Status, t.YoungPerson!.PseudonymCode, t.YoungPerson.GivenName, t.YoungPerson.FamilyName, f.Months, f.DueOn,
            })
            .ToListAsync(ct);
        var today = time.Today();
        var items = rows.GroupBy(r => r.TrajectoryId)
            .Select(g => g.OrderBy(r => r.Months).First())
            .Select(r =>
            {
                var opens = r.DueOn.AddDays(-FollowUpContact.WindowDaysBefore);
                return new KeptFollowUp(r.TrajectoryId, r.PseudonymCode, $"{r.GivenName} {r.FamilyName}", r.Status, r.Months, r.DueOn, opens,
                    r.DueOn < today, today >= opens);
            })
            .OrderBy(k => k.DueOn).ThenBy(k => k.Pseudonym, StringComparer.Ordinal).ToList();
        await audit.RecordAsync(actor, AftercareAuditActions.KeptFollowUpsListed, nameof(FollowUpContact), ct: ct);
        return new KeptFollowUpsView(items);
    }
}
