using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Registration;

/// <summary>
/// Creates the national notification of a notifying decision and keeps <see cref="NationalNotification.CountedInYear"/>
/// right: per young person and year, only the latest notification not cancelled is counted. Works in the caller's
/// unit of work; the caller saves.
/// </summary>
internal sealed class NationalNotifications(TrajectDb db, TimeProvider time, IOptions<RegistrationOptions> options)
{
    public async Task AddAsync(RegistrationDecision decision, YoungPerson person, CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().Where(o => o.Id == decision.OrganisationId)
            .Select(o => new { o.RegionId, o.Kind }).SingleAsync(ct);
        var byName = decision.Outcome == RegistrationOutcome.NotifyByName;
        var age = Common.Clock.AgeOn(person.DateOfBirth, decision.DecidedOn);
        var secret = options.Value.DeduplicationSecret!;
        var notification = new NationalNotification
        {
            DecisionId = decision.Id, TrajectoryId = decision.TrajectoryId, YoungPersonId = person.Id, OrganisationId = decision.OrganisationId,
            Kind = byName ? NotificationKind.ByName : NotificationKind.DateOfBirthOnly,
            DeduplicationKey = DeduplicationKey.Compute(secret, byName
                ? DeduplicationKey.ByNameInput(person.FamilyName, person.GivenName, person.DateOfBirth)
                : DeduplicationKey.DateOfBirthOnlyInput(person.DateOfBirth, person.Gender, person.Municipality)),
            DecidedOn = decision.DecidedOn, Year = decision.DecidedOn.Year, CreatedAt = time.GetUtcNow(),
            FamilyName = byName ? person.FamilyName : null, GivenName = byName ? person.GivenName : null,
            DateOfBirth = person.DateOfBirth, Gender = person.Gender, Municipality = byName ? null : person.Municipality,
            Nationality = person.Nationality switch
            {
                Nationality.Dutch => NotifiedNationality.Dutch,
                Nationality.Other => NotifiedNationality.Foreign,
                _ => NotifiedNationality.Unknown,
            },
            AgeOnDecision = age, Minor = age < 18, VictimStatus = decision.VictimStatus, Forms = decision.Forms,
            RegionId = org.RegionId, OrganisationKind = org.Kind, ConsentId = decision.ConsentId, CountedInYear = true,
        };
        var earlier = await db.NationalNotifications
            .Where(n => n.YoungPersonId == person.Id && n.Year == notification.Year && n.CountedInYear).ToListAsync(ct);
        foreach (var n in earlier)
        {
            n.CountedInYear = false;
        }

        db.NationalNotifications.Add(notification);
    }

    /// <summary>Cancels the not yet exported notifications by name that rest on this consent; answers how many.</summary>
    public async Task<int> CancelByNameAsync(Guid consentId, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.NationalNotifications
            .Where(n => n.ConsentId == consentId && n.Kind == NotificationKind.ByName && n.ExportBatchId == null && n.CancelledAt == null)
            .ToListAsync(ct);
        foreach (var n in open)
        {
            n.CancelledAt = now;
            n.CountedInYear = false;
        }

        foreach (var (person, year) in open.Select(n => (n.YoungPersonId, n.Year)).Distinct())
        {
            var cancelled = open.Select(n => n.Id).ToList();
            var latest = await db.NationalNotifications
                .Where(n => n.YoungPersonId == person && n.Year == year && n.CancelledAt == null && !cancelled.Contains(n.Id))
                .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).FirstOrDefaultAsync(ct);
            latest?.CountedInYear = true;
        }

        return open.Count;
    }
}
