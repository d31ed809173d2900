using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Auth;

namespace Traject.Web.Modules.Organisations;

internal sealed record RegionRequest(string? Name, bool? IsActive, long? Version);

internal sealed record RegionResponse(Guid Id, string Name, bool IsActive, long Version);

internal sealed record OrganisationRequest(string? Name, OrganisationKind? Kind, Guid? RegionId, bool? IsActive, long? Version);

internal sealed record OrganisationResponse(Guid Id, string Name, OrganisationKind Kind, Guid RegionId, string Region, bool IsActive, long Version);

internal sealed record CreateProfessionalRequest(string? Email, string? DisplayName, Guid? OrganisationId, string[]? Roles, string? Password);

internal sealed record UpdateProfessionalRequest(string? DisplayName, Guid? OrganisationId, string[]? Roles, bool? IsActive, string? Version);

internal sealed record ProfessionalResponse(
    Guid Id, string Email, string DisplayName, Guid OrganisationId, string Organisation, IReadOnlyList<string> Roles,
    bool IsActive, string Version, bool SecondFactorEnabled);

internal sealed record DirectoryEntry(Guid Id, string DisplayName, Guid OrganisationId, string Organisation);

/// <summary>
/// Administration of regions, organisations and professionals. Administrators manage these and see no dossiers.
/// Every change is audited.
/// </summary>
internal sealed class OrganisationRecords(TrajectDb db, UserManager<Professional> users, AuditLog audit, TimeProvider time)
{
    private static Error AdminsOnly() => Error.Forbidden("Only administrators can do this.");

    public Task<List<RegionResponse>> RegionsAsync(CancellationToken ct) =>
        db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new RegionResponse(r.Id, r.Name, r.IsActive, r.Version)).ToListAsync(ct);

    public async Task<Result<RegionResponse>> SaveRegionAsync(Actor actor, Guid? id, RegionRequest request, CancellationToken ct)
    {
        if (!actor.IsAdministrator)
        {
            return AdminsOnly();
        }

        var v = new Validator();
        var name = v.Text("name", request.Name, 100);
        if (id is not null)
        {
            v.Required("version", request.Version);
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (await db.Regions.AnyAsync(r => r.Name == name && r.Id != id, ct))
        {
            return Error.Invalid("name", "A region with this name already exists.");
        }

        var region = id is null ? db.Regions.Add(new Region()).Entity : await db.Regions.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (region is null)
        {
            return Error.NotFound();
        }

        if (id is not null)
        {
            if (region.Version != request.Version)
            {
                return Error.Stale();
            }

            db.Entry(region).Property(r => r.Version).OriginalValue = request.Version!.Value;
        }

        region.Name = name;
        region.IsActive = request.IsActive ?? true;
        audit.Add(actor, OrganisationsAuditActions.AdminAction + (id is null ? ".region.create" : ".region.update"), nameof(Region), region.Id);
        return await SaveAsync(() => new RegionResponse(region.Id, region.Name, region.IsActive, region.Version), ct);
    }

    public Task<List<OrganisationResponse>> OrganisationsAsync(CancellationToken ct) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OrganisationResponse(o.Id, o.Name, o.Kind, o.RegionId, o.Region!.Name, o.IsActive, o.Version)).ToListAsync(ct);

    public async Task<Result<OrganisationResponse>> SaveOrganisationAsync(Actor actor, Guid? id, OrganisationRequest request, CancellationToken ct)
    {
        if (!actor.IsAdministrator)
        {
            return AdminsOnly();
        }

        var v = new Validator();
        var name = v.Text("name", request.Name, 200);
        var kind = v.Enum("kind", request.Kind);
        var regionId = v.Id("regionId", request.RegionId);
        if (id is not null)
        {
            v.Required("version", request.Version);
        }

        if (regionId != Guid.Empty && !await db.Regions.AnyAsync(r => r.Id == regionId, ct))
        {
            v.Add("regionId", "Unknown region.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (await db.Organisations.AnyAsync(o => o.Name == name && o.Id != id, ct))
        {
            return Error.Invalid("name", "An organisation with this name already exists.");
        }

        var org = id is null ? db.Organisations.Add(new Organisation()).Entity : await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (org is null)
        {
            return Error.NotFound();
        }

        if (id is not null)
        {
            if (org.Version != request.Version)
            {
                return Error.Stale();
            }

            db.Entry(org).Property(o => o.Version).OriginalValue = request.Version!.Value;
        }

        org.Name = name;
        org.Kind = kind;
        org.RegionId = regionId;
        org.IsActive = request.IsActive ?? true;
        audit.Add(actor, OrganisationsAuditActions.AdminAction + (id is null ? ".organisation.create" : ".organisation.update"), nameof(Organisation), org.Id);
        var regionName = await db.Regions.Where(r => r.Id == regionId).Select(r => r.Name).SingleAsync(ct);
        return await SaveAsync(() => new OrganisationResponse(org.Id, org.Name, org.Kind, org.RegionId, regionName, org.IsActive, org.Version), ct);
    }

    public async Task<Result<List<ProfessionalResponse>>> ProfessionalsAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.IsAdministrator)
        {
            return AdminsOnly();
        }

        var rows = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.OrganisationId, Org = u.Organisation!.Name, u.IsActive, u.ConcurrencyStamp, u.TwoFactorEnabled })
            .ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return rows.Select(u => new ProfessionalResponse(u.Id, u.Email!, u.DisplayName, u.OrganisationId, u.Org,
            byUser[u.Id].Order(StringComparer.Ordinal).ToList(), u.IsActive, u.ConcurrencyStamp!, u.TwoFactorEnabled)).ToList();
    }

    public async Task<Result<ProfessionalResponse>> ProfessionalAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var all = await ProfessionalsAsync(actor, ct);
        if (!all.IsSuccess)
        {
            return all.Error!;
        }

        return all.Value.SingleOrDefault(p => p.Id == id) is { } found ? found : Error.NotFound();
    }

    /// <summary>Active professionals of care organisations, for choosing team members and coordinators.</summary>
    public Task<List<DirectoryEntry>> DirectoryAsync(CancellationToken ct) =>
        CareProfessionals.Query(db).AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new DirectoryEntry(u.Id, u.DisplayName, u.OrganisationId, u.Organisation!.Name)).ToListAsync(ct);

    public async Task<Result<ProfessionalResponse>> CreateProfessionalAsync(Actor actor, CreateProfessionalRequest request, CancellationToken ct)
    {
        if (!actor.IsAdministrator)
        {
            return AdminsOnly();
        }

        var v = new Validator();
        var email = v.Text("email", request.Email, 256);
        if (email.Length > 0 && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            v.Add("email", "Not an e-mail address.");
        }

        var name = v.Text("displayName", request.DisplayName, 200);
        var orgId = await ValidateOrganisationAndRolesAsync(v, request.OrganisationId, request.Roles, ct);
        var password = request.Password ?? string.Empty;
        if (password.Length == 0)
        {
            v.Add("password", "This field is required.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        var user = new Professional
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganisationId = orgId,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return IdentityErrors(created);
        }

        var added = await users.AddToRolesAsync(user, request.Roles!.Distinct(StringComparer.Ordinal));
        if (!added.Succeeded)
        {
            return IdentityErrors(added);
        }

        await audit.RecordAsync(actor, OrganisationsAuditActions.AdminAction + ".professional.create", nameof(Professional), user.Id, ct: ct);
        return await ProfessionalAsync(actor, user.Id, ct);
    }

    public async Task<Result<ProfessionalResponse>> UpdateProfessionalAsync(Actor actor, Guid id, UpdateProfessionalRequest request, CancellationToken ct)
    {
        if (!actor.IsAdministrator)
        {
            return AdminsOnly();
        }

        var v = new Validator();
        var name = v.Text("displayName", request.DisplayName, 200);
        var orgId = await ValidateOrganisationAndRolesAsync(v, request.OrganisationId, request.Roles, ct);
        var version = v.Text("version", request.Version, 100);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Error.NotFound();
        }

        if (user.ConcurrencyStamp != version)
        {
            return Error.Stale();
        }

        if (user.Id == actor.Id && (request.IsActive == false || !request.Roles!.Contains(Roles.Administrator)))
        {
            return Error.Conflict("You cannot deactivate yourself or take away your own administrator role.");
        }

        var current = await users.GetRolesAsync(user);
        var wanted = request.Roles!.Distinct(StringComparer.Ordinal).ToList();
        var changesAccess = user.OrganisationId != orgId || user.IsActive != (request.IsActive ?? true)
            || !current.Order(StringComparer.Ordinal).SequenceEqual(wanted.Order(StringComparer.Ordinal));
        user.DisplayName = name;
        user.OrganisationId = orgId;
        user.IsActive = request.IsActive ?? true;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return updated.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? Error.Stale() : IdentityErrors(updated);
        }

        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted, StringComparer.Ordinal));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(current, StringComparer.Ordinal)) : removed;
        if (!added.Succeeded)
        {
            return IdentityErrors(added);
        }

        if (changesAccess)
        {
            // Ends the professional's other sessions and tokens: access changed, so she signs in again.
            await users.UpdateSecurityStampAsync(user);
        }

        await audit.RecordAsync(actor, OrganisationsAuditActions.AdminAction + ".professional.update", nameof(Professional), user.Id, ct: ct);
        return await ProfessionalAsync(actor, user.Id, ct);
    }

    /// <summary>
    /// Re-enrolment: a new authenticator key, second factor off, recovery codes gone and a new security stamp, so all
    /// her sessions and tokens end and she sets up her app again at her next login.
    /// </summary>
    public async Task<Result<ProfessionalResponse>> ResetSecondFactorAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!actor.IsAdministrator)
        {
            return AdminsOnly();
        }

        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Error.NotFound();
        }

        var done = await users.SetTwoFactorEnabledAsync(user, false);
        done = done.Succeeded ? await users.ResetAuthenticatorKeyAsync(user) : done;
        if (done.Succeeded)
        {
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            done = await users.UpdateSecurityStampAsync(user);
        }

        if (!done.Succeeded)
        {
            return done.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? Error.Stale() : IdentityErrors(done);
        }

        await audit.RecordAsync(actor, AuthAuditActions.SecondFactorReset, nameof(Professional), user.Id, ct: ct);
        return await ProfessionalAsync(actor, user.Id, ct);
    }

    private async Task<Guid> ValidateOrganisationAndRolesAsync(Validator v, Guid? organisationId, string[]? roles, CancellationToken ct)
    {
        var orgId = v.Id("organisationId", organisationId);
        if (orgId != Guid.Empty && !await db.Organisations.AnyAsync(o => o.Id == orgId, ct))
        {
            v.Add("organisationId", "Unknown organisation.");
        }

        if (roles is null || roles.Length == 0)
        {
            v.Add("roles", "Give at least one role.");
        }
        else if (roles.Any(r => !Roles.IsKnown(r)))
        {
            v.Add("roles", "Unknown role. Known roles: {0}.", string.Join(", ", Roles.All));
        }

        return orgId;
    }

    private static Error IdentityErrors(IdentityResult result)
    {
        var fields = result.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : "body")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        return Error.Invalid(fields);
    }

    private async Task<Result<T>> SaveAsync<T>(Func<T> response, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        return response();
    }
}
