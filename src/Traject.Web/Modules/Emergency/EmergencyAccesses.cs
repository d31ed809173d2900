using Microsoft.EntityFrameworkCore;
using Traject.Web.Common.Telemetry;
using Traject.Web.Modules.Notifications;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Emergency;

internal sealed record EmergencyAccessRequest(string? Reason);

internal sealed record EmergencyAccessGranted(Guid TrajectoryId, DateTimeOffset ExpiresAt);

internal sealed record EmergencyAccessReport(
    Guid Id, string Pseudonym, Guid TrajectoryId, string Professional, string Organisation, string Reason,
    DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ReviewedAt, long Version);

internal sealed record ReviewRequest(long? Version);

/// <summary>Find a young person for emergency access by name and date of birth (sent in the body, never in the address).</summary>
internal sealed record EmergencySearchRequest(string? Name, DateOnly? DateOfBirth);

/// <summary>Just enough to pick the right young person: her pseudonym (to break the glass with), names, municipality and lead organisation.</summary>
internal sealed record EmergencyCandidate(string Pseudonym, string GivenName, string FamilyName, string Municipality, string LeadOrganisation);

/// <summary>At most <see cref="EmergencyAccesses.MaxCandidates"/> candidates; <c>More</c> says there were more than that.</summary>
internal sealed record EmergencyCandidates(IReadOnlyList<EmergencyCandidate> Items, bool More);


/// <summary>Break the glass, the designated experts' review of it, and the in-app notifications that tell them.</summary>
internal sealed class EmergencyAccesses(
    TrajectDb db, TimeProvider time, AccessPolicy access, AuditLog audit, TimelineWriter timeline, Notifier notifier, EmergencyMetrics metrics)
{
    public const string NotificationKind = "emergency-access";

    /// <summary>How many candidates a search by name and date of birth shows at most.</summary>
    public const int MaxCandidates = 5;

    /// <summary>
    /// Finds the young people the actor could break the glass for, by name and date of birth: both required, the date
    /// exact, the name (what she types, spaces collapsed) equal to her given name, her family name or both, whatever the
    /// case. Only young people with an open trajectory that the actor cannot already open are found, as the grant
    /// itself requires. The search is audited as such, with the number found; the name and date stay out of the trail.
    /// </summary>
    public async Task<Result<EmergencyCandidates>> SearchAsync(Actor actor, EmergencySearchRequest request, CancellationToken ct)
    {
        if (!AccessPolicy.MayUseEmergencyAccess(actor))
        {
            await audit.RecordAsync(actor, EmergencyAuditActions.EmergencySearchByNameAndBirth, outcome: AuditOutcomes.Denied, ct: ct);
            metrics.Refused();
            return Error.Forbidden("Emergency access is only for care professionals of youth-care, child-protection and municipal organisations.");
        }

        var v = new Validator();
        var name = string.Join(' ', v.Text("name", request.Name, 201)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();
        var born = v.Required("dateOfBirth", request.DateOfBirth);
        if (request.DateOfBirth is { } date && date > time.Today())
        {
            v.Add("dateOfBirth", "The date of birth cannot lie in the future.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        // Translated to SQL (lower() on both engines): a StringComparison has no translation.
#pragma warning disable CA1862
        var found = await (from t in db.Trajectories.AsNoTracking()
                           join y in db.YoungPeople on t.YoungPersonId equals y.Id
                           join o in db.Organisations on t.LeadOrganisationId equals o.Id
                           where y.DateOfBirth == born && t.Status != TrajectoryStatus.Closed
                                 && (y.GivenName.ToLower() == name || y.FamilyName.ToLower() == name || (y.GivenName + " " + y.FamilyName).ToLower() == name)
                           orderby t.OpenedAt descending
                           select new { TrajectoryId = t.Id, y.Id, Candidate = new EmergencyCandidate(y.PseudonymCode, y.GivenName, y.FamilyName, y.Municipality, o.Name) })
            .Take(50).ToListAsync(ct);
#pragma warning restore CA1862

        // The grant opens her newest open trajectory; one she can already open needs no emergency access.
        var candidates = new List<EmergencyCandidate>();
        foreach (var person in found.DistinctBy(c => c.Id))
        {
            if (await access.BasisForTrajectoryAsync(actor, person.TrajectoryId, ct) is null)
            {
                candidates.Add(person.Candidate);
            }
        }

        await audit.RecordAsync(actor, EmergencyAuditActions.EmergencySearchByNameAndBirth, null, null, null, null, AuditOutcomes.Allowed,
            FormattableString.Invariant($"by=name+dateOfBirth;found={candidates.Count}"), ct);
        return new EmergencyCandidates(candidates.Take(MaxCandidates).ToList(), candidates.Count > MaxCandidates);
    }

    public async Task<Result<EmergencyAccessGranted>> GrantAsync(Actor actor, string key, EmergencyAccessRequest request, CancellationToken ct)
    {
        // Eligibility first, so a refusal says nothing about whether the young person exists.
        if (!AccessPolicy.MayUseEmergencyAccess(actor))
        {
            await audit.RecordAsync(actor, EmergencyAuditActions.EmergencyAccessGranted, outcome: AuditOutcomes.Denied, ct: ct);
            metrics.Refused();
            return Error.Forbidden("Emergency access is only for care professionals of youth-care, child-protection and municipal organisations.");
        }

        var v = new Validator();
        var reason = v.Text("reason", request.Reason, 1000, minLength: EmergencyAccess.MinReasonLength);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        var personId = await YoungPersonKey.ResolveAsync(db, key, ct);
        var trajectory = await db.Trajectories.Include(t => t.YoungPerson)
            .Where(t => t.YoungPersonId == personId && t.Status != TrajectoryStatus.Closed)
            .OrderByDescending(t => t.OpenedAt).FirstOrDefaultAsync(ct);
        if (trajectory is null)
        {
            await audit.RecordAsync(actor, EmergencyAuditActions.EmergencyAccessGranted, nameof(YoungPerson), personId == Guid.Empty ? null : personId, outcome: AuditOutcomes.Denied, ct: ct);
            metrics.Refused();
            return Error.NotFound();
        }

        var existing = await access.BasisForTrajectoryAsync(actor, trajectory.Id, ct);
        if (existing is not null)
        {
            return Error.Conflict("You already have access to this dossier.");
        }

        var now = time.GetUtcNow();
        var grant = new EmergencyAccess
        {
            TrajectoryId = trajectory.Id, ProfessionalId = actor.Id, OrganisationId = actor.OrganisationId, Reason = reason,
            GrantedAt = now, ExpiresAt = now + EmergencyAccess.Duration,
        };
        db.EmergencyAccesses.Add(grant);
        var pseudonym = trajectory.YoungPerson!.PseudonymCode;
        var organisation = await db.Organisations.Where(o => o.Id == actor.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var experts = await CareProfessionals.DesignatedExpertsAsync(db, trajectory.LeadOrganisationId, ct);
        notifier.Notify(experts, NotificationKind, "/emergency-accesses", "Emergency access to {0} by {1} ({2}), until {3}", pseudonym,
            actor.DisplayName, organisation, grant.ExpiresAt.ToLocal().ToString("dd-MM-yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture));

        timeline.Add(trajectory.Id, actor, EmergencyTimelineKinds.EmergencyAccess, $"/trajectories/{trajectory.Id}",
            "Emergency access by {0} ({1}) for 8 hours", actor.DisplayName, organisation);
        audit.Add(actor, EmergencyAuditActions.EmergencyAccessGranted, nameof(Trajectory), trajectory.Id, pseudonym, AccessBasis.Emergency)
            .BasisReason = reason;
        await db.SaveChangesAsync(ct);
        metrics.Granted();
        return new EmergencyAccessGranted(trajectory.Id, grant.ExpiresAt);
    }

    /// <summary>Emergency accesses to trajectories led by the designated expert's organisation, newest first.</summary>
    public async Task<Result<List<EmergencyAccessReport>>> ReportAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.DesignatedExpert))
        {
            return Error.Forbidden("Only designated experts review emergency access.");
        }

        var rows = await (from e in db.EmergencyAccesses.AsNoTracking()
                          join t in db.Trajectories on e.TrajectoryId equals t.Id
                          join y in db.YoungPeople on t.YoungPersonId equals y.Id
                          join u in db.Users on e.ProfessionalId equals u.Id
                          join o in db.Organisations on e.OrganisationId equals o.Id
                          where t.LeadOrganisationId == actor.OrganisationId
                          orderby e.GrantedAt descending
                          select new EmergencyAccessReport(e.Id, y.PseudonymCode, t.Id, u.DisplayName, o.Name, e.Reason, e.GrantedAt, e.ExpiresAt, e.ReviewedAt, e.Version))
            .Take(500).ToListAsync(ct);
        await audit.RecordAsync(actor, EmergencyAuditActions.EmergencyAccessList, ct: ct);
        return rows;
    }

    public async Task<Result<EmergencyAccessReport>> ReviewAsync(Actor actor, Guid id, ReviewRequest request, CancellationToken ct)
    {
        var grant = actor.IsInRole(Roles.DesignatedExpert)
            ? await (from e in db.EmergencyAccesses
                     join t in db.Trajectories on e.TrajectoryId equals t.Id
                     where e.Id == id && t.LeadOrganisationId == actor.OrganisationId
                     select e).SingleOrDefaultAsync(ct)
            : null;
        if (grant is null)
        {
            return Error.NotFound();
        }

        if (request.Version is not { } version)
        {
            return Error.Invalid("version", "This field is required.");
        }

        if (grant.Version != version)
        {
            return Error.Stale();
        }

        if (grant.ReviewedAt is not null)
        {
            return Error.Conflict("This emergency access has already been reviewed.");
        }

        grant.ReviewedAt = time.GetUtcNow();
        grant.ReviewedById = actor.Id;
        audit.Add(actor, EmergencyAuditActions.EmergencyAccessReviewed, nameof(EmergencyAccess), grant.Id);
        db.Entry(grant).Property(g => g.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        var report = await ReportAsync(actor, ct);
        return report.Value.Single(r => r.Id == id);
    }
}

internal static class EmergencyModule
{
    public static IServiceCollection AddEmergency(this IServiceCollection services) =>
        services.AddScoped<EmergencyAccesses>().AddScoped<IAccessGrant, EmergencyGrant>().AddMetricsSource<EmergencyMetrics>();

    public static RouteGroupBuilder MapEmergency(this RouteGroupBuilder api)
    {
        api.MapPost("/young-people/{key}/emergency-access", async (string key, EmergencyAccessRequest body, CurrentActor current, EmergencyAccesses service, CancellationToken ct) =>
            (await service.GrantAsync(await current.RequireAsync(ct), key, body, ct)).ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{r.TrajectoryId}", r)))
            .WithTags("Emergency access").WithName("GrantEmergencyAccess").WithSummary("Break the glass: open this young person's dossier for 8 hours, with a reason of at least 20 characters");
        api.MapPost("/emergency-access/search", async (EmergencySearchRequest body, CurrentActor current, EmergencyAccesses service, CancellationToken ct) =>
            (await service.SearchAsync(await current.RequireAsync(ct), body, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Emergency access").WithName("SearchEmergencyAccess")
            .WithSummary("Find young people to break the glass for by name and exact date of birth (both required; at most 5, only those with an open trajectory you cannot open yet)");
        api.MapGet("/emergency-accesses", async (CurrentActor current, EmergencyAccesses service, CancellationToken ct) =>
            (await service.ReportAsync(await current.RequireAsync(ct), ct)).ToHttp(TypedResults.Ok))
            .WithTags("Emergency access").WithName("ListEmergencyAccesses").WithSummary("Emergency accesses to my organisation's trajectories, for designated experts to review");
        api.MapPost("/emergency-accesses/{id:guid}/review", async (Guid id, ReviewRequest body, CurrentActor current, EmergencyAccesses service, CancellationToken ct) =>
            (await service.ReviewAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Emergency access")
            .WithName("ReviewEmergencyAccess").WithSummary("Mark an emergency access to a trajectory of my organisation as reviewed (designated experts; send the version you read)");
        return api;
    }
}
