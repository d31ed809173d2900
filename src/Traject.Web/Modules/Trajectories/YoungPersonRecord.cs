using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories.Access;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Trajectories;

internal sealed record YoungPersonResponse(
    Guid Id,
    string Pseudonym,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    int Age,
    Gender Gender,
    Nationality Nationality,
    string? NationalityCountry,
    string Municipality,
    long Version,
    IReadOnlyList<YoungPersonTrajectory> Trajectories);

internal sealed record YoungPersonTrajectory(Guid Id, TrajectoryStatus Status, DateOnly StartedOn, DateTimeOffset? ClosedAt);

internal sealed record UpdateYoungPersonRequest(
    string? GivenName,
    string? FamilyName,
    DateOnly? DateOfBirth,
    Gender? Gender,
    Nationality? Nationality,
    string? NationalityCountry,
    string? Municipality,
    long? Version);

/// <summary>Reads and corrects a young person's personal details, within the access policy.</summary>
internal sealed class YoungPersonRecord(TrajectDb db, TimeProvider time, AccessPolicy access, AuditLog audit, TimelineWriter timeline,
    IOptions<YoungPeopleOptions> options)
{
    public async Task<Result<YoungPersonResponse>> GetAsync(Actor actor, string key, CancellationToken ct) =>
        await GetAsync(actor, await YoungPersonKey.ResolveAsync(db, key, ct), ct);

    public async Task<Result<YoungPersonResponse>> UpdateAsync(Actor actor, string key, UpdateYoungPersonRequest request, CancellationToken ct) =>
        await UpdateAsync(actor, await YoungPersonKey.ResolveAsync(db, key, ct), request, ct);

    public async Task<Result<YoungPersonResponse>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var basis = await access.BasisForYoungPersonAsync(actor, id, ct);
        var person = basis is null ? null : await db.YoungPeople.AsNoTracking().SingleOrDefaultAsync(y => y.Id == id, ct);
        if (person is null)
        {
            await audit.RecordAsync(actor, TrajectoriesAuditActions.YoungPersonRead, nameof(YoungPerson), id, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.NotFound();
        }

        var trajectories = await access.VisibleTrajectories(actor).Where(t => t.YoungPersonId == id)
            .OrderByDescending(t => t.StartedOn)
            .Select(t => new YoungPersonTrajectory(t.Id, t.Status, t.StartedOn, t.ClosedAt)).ToListAsync(ct);
        await audit.RecordAsync(actor, TrajectoriesAuditActions.YoungPersonRead, nameof(YoungPerson), id, person.PseudonymCode, basis, ct: ct);
        return new YoungPersonResponse(person.Id, person.PseudonymCode, person.GivenName, person.FamilyName,
            person.DateOfBirth, person.AgeOn(time.Today()), person.Gender, person.Nationality, person.NationalityCountry,
            person.Municipality, person.Version, trajectories);
    }

    public async Task<Result<YoungPersonResponse>> UpdateAsync(Actor actor, Guid id, UpdateYoungPersonRequest request, CancellationToken ct)
    {
        var basis = await access.BasisForYoungPersonAsync(actor, id, ct);
        var person = basis is null ? null : await db.YoungPeople.SingleOrDefaultAsync(y => y.Id == id, ct);
        if (person is null)
        {
            await audit.RecordAsync(actor, TrajectoriesAuditActions.YoungPersonUpdated, nameof(YoungPerson), id, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.NotFound();
        }

        // A changed date of birth must fit the target group on the day she was registered; an unchanged one stays as registered.
        var v = new Validator();
        var details = PersonalDetails.Validate(new PersonalDetailsInput(request.GivenName, request.FamilyName,
            request.DateOfBirth, request.Gender, request.Nationality, request.NationalityCountry, request.Municipality), v, time.Today(),
            DateOnly.FromDateTime(person.RegisteredAt.ToLocal().DateTime), options.Value.TargetAges, person.DateOfBirth);
        var version = v.Required("version", request.Version);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (version != person.Version)
        {
            return Error.Stale();
        }

        db.Entry(person).Property(p => p.Version).OriginalValue = version;
        details.ApplyTo(person);
        audit.Add(actor, TrajectoriesAuditActions.YoungPersonUpdated, nameof(YoungPerson), id, person.PseudonymCode, basis);
        var openIds = await access.VisibleTrajectories(actor).Where(t => t.YoungPersonId == id && t.Status != TrajectoryStatus.Closed)
            .Select(t => t.Id).ToListAsync(ct);
        foreach (var trajectoryId in openIds)
        {
            timeline.Add(trajectoryId, actor, TrajectoriesTimelineKinds.YoungPersonUpdated, $"/young-people/{person.PseudonymCode}/edit", "Personal details updated");
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        return await GetAsync(actor, id, ct);
    }
}
