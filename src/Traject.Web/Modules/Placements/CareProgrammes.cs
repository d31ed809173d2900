using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Modules.Placements;

internal sealed record PhaseRequest(
    string? Name, int? TypicalWeeks, RestrictionLevel? Phone, RestrictionLevel? Internet, RestrictionLevel? Leave,
    RestrictionLevel? NetworkContact, string? Notes);

/// <summary>
/// The content of a programme (a new version), and on PUT the catalogue entry's active flag, organisation and version.
/// <c>targetGender</c> (girls, boys, all) is required; <c>maxAge</c> is not included ("from 12 to 18" ends at her 18th
/// birthday); <c>maxDurationWeeks</c> is a maximum, <c>indicativeDurationWeeks</c> a usual length ("about one year").
/// </summary>
internal sealed record CareProgrammeRequest(
    string? Code,
    string? Name,
    string? Provider,
    IReadOnlyList<PlacementSetting>? Settings,
    string? TargetGroup,
    TargetGender? TargetGender,
    int? MinAge,
    int? MaxAge,
    int? MaxDurationWeeks,
    int? IndicativeDurationWeeks,
    int? AftercareWeeks,
    RequiredIndication? RequiredIndication,
    GroupComposition? GroupComposition,
    ProgrammeReach? Reach,
    Guid? RegionId,
    bool? SuitableForIntellectualDisability,
    bool? FemaleStaffOnly,
    bool? ProtectedAddress,
    string? Description,
    IReadOnlyList<PhaseRequest?>? Phases,
    Guid? OrganisationId,
    bool? IsActive,
    long? Version);

internal sealed record CapacityRequest(int? Places, int? Occupied, int? ExpectedWaitingWeeks, long? Version);

internal sealed record PhaseView(
    int Order, string Name, int? TypicalWeeks, RestrictionLevel Phone, RestrictionLevel Internet, RestrictionLevel Leave,
    RestrictionLevel NetworkContact, string? Notes);

internal sealed record CapacityView(int? Places, int? Occupied, int? Free, int? ExpectedWaitingWeeks, DateTimeOffset? UpdatedAt);

internal sealed record ProgrammeVersionRef(int Number, Guid VersionId, DateTimeOffset PublishedAt);

/// <summary>A programme as the catalogue shows it: one version's content with the entry's state and capacity.</summary>
internal sealed record CareProgrammeView(
    Guid Id,
    string Code,
    Guid VersionId,
    int VersionNumber,
    int CurrentNumber,
    bool IsActive,
    Guid? OrganisationId,
    string? Organisation,
    string Name,
    string Provider,
    IReadOnlyList<PlacementSetting> Settings,
    string TargetGroup,
    TargetGender TargetGender,
    int? MinAge,
    int? MaxAge,
    int? MaxDurationWeeks,
    int? IndicativeDurationWeeks,
    int? AftercareWeeks,
    RequiredIndication RequiredIndication,
    GroupComposition GroupComposition,
    ProgrammeReach Reach,
    Guid? RegionId,
    string? Region,
    bool? SuitableForIntellectualDisability,
    bool FemaleStaffOnly,
    bool ProtectedAddress,
    string? Description,
    DateTimeOffset PublishedAt,
    IReadOnlyList<PhaseView> Phases,
    CapacityView Capacity,
    IReadOnlyList<ProgrammeVersionRef> Versions,
    long Version);

/// <summary>
/// The catalogue of care programmes. Everyone signed in reads it (it holds no young person's data); administrators add
/// programmes and publish new versions (an edit never changes a version in place); the programme's own organisation (and
/// administrators) keep its capacity and waiting figures up to date.
/// </summary>
internal sealed partial class CareProgrammes(TrajectDb db, AuditLog audit, TimeProvider time)
{
    public const int MaxPhases = 12;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();

    private static Error AdminsOnly() => Error.Forbidden("Only administrators can do this.");

    public async Task<IReadOnlyList<CareProgrammeView>> ListAsync(bool includeInactive, CancellationToken ct)
    {
        var programmes = await db.CareProgrammes.AsNoTracking().Where(p => includeInactive || p.IsActive).ToListAsync(ct);
        var ids = programmes.Select(p => p.Id).ToList();
        var versions = await db.CareProgrammeVersions.AsNoTracking().Include(v => v.Phases)
            .Where(v => ids.Contains(v.ProgrammeId) && v.Number == v.Programme!.CurrentNumber).ToListAsync(ct);
        var views = new List<CareProgrammeView>();
        var names = await NamesAsync(ct);
        foreach (var p in programmes)
        {
            views.Add(View(p, versions.Single(v => v.ProgrammeId == p.Id), [], names));
        }

        return views.OrderBy(v => v.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>One programme with its current version's content, or the given version's.</summary>
    public async Task<Result<CareProgrammeView>> GetAsync(Guid id, int? number, CancellationToken ct)
    {
        var p = await db.CareProgrammes.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return Error.NotFound();
        }

        var wanted = number ?? p.CurrentNumber;
        var version = await db.CareProgrammeVersions.AsNoTracking().Include(v => v.Phases)
            .SingleOrDefaultAsync(v => v.ProgrammeId == id && v.Number == wanted, ct);
        if (version is null)
        {
            return Error.NotFound();
        }

        var versions = await db.CareProgrammeVersions.AsNoTracking().Where(v => v.ProgrammeId == id).OrderByDescending(v => v.Number)
            .Select(v => new ProgrammeVersionRef(v.Number, v.Id, v.PublishedAt)).ToListAsync(ct);
        return View(p, version, versions, await NamesAsync(ct));
    }

    public async Task<Result<CareProgrammeView>> CreateAsync(Actor actor, CareProgrammeRequest request, CancellationToken ct)
    {
        if (!actor.IsAdministrator)
        {
            return AdminsOnly();
        }

        var v = new Validator();
        var code = v.Text("code", request.Code, CareProgramme.CodeMaxLength);
        if (code.Length > 0 && !CodePattern().IsMatch(code))
        {
            v.Add("code", "Use lower-case letters, digits and single hyphens, such as 'veilig-lima'.");
        }

        var content = await ValidateAsync(request, v, ct);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (await db.CareProgrammes.AnyAsync(p => p.Code == code, ct))
        {
            return Error.Invalid("code", "A programme with this code already exists.");
        }

        var programme = Add(code, content, request.OrganisationId, actor.Id, time.GetUtcNow());
        programme.IsActive = request.IsActive ?? true;
        audit.Add(actor, OrganisationsAuditActions.AdminAction + ".programme.create", nameof(CareProgramme), programme.Id);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(programme.Id, null, ct)).Value;
    }

    /// <summary>Publishes the request as the programme's next version; the earlier versions stay as they were.</summary>
    public async Task<Result<CareProgrammeView>> PublishAsync(Actor actor, Guid id, CareProgrammeRequest request, CancellationToken ct)
    {
        if (!actor.IsAdministrator)
        {
            return AdminsOnly();
        }

        var v = new Validator();
        var expected = v.Required("version", request.Version);
        var content = await ValidateAsync(request, v, ct);
        var programme = await db.CareProgrammes.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null)
        {
            return Error.NotFound();
        }

        if (request.Code is { } code && code != programme.Code)
        {
            v.Add("code", "The code of a programme does not change.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (programme.Version != expected)
        {
            return Error.Stale();
        }

        content.ProgrammeId = programme.Id;
        content.Number = programme.CurrentNumber + 1;
        content.PublishedAt = time.GetUtcNow();
        content.PublishedById = actor.Id;
        db.CareProgrammeVersions.Add(content);
        programme.CurrentNumber = content.Number;
        programme.IsActive = request.IsActive ?? programme.IsActive;
        programme.OrganisationId = request.OrganisationId;
        audit.Add(actor, OrganisationsAuditActions.AdminAction + ".programme.version", nameof(CareProgramme), programme.Id);
        if (await SaveAsync(programme, expected, ct) is { } stale)
        {
            return stale;
        }

        return (await GetAsync(programme.Id, null, ct)).Value;
    }

    public async Task<Result<CareProgrammeView>> UpdateCapacityAsync(Actor actor, Guid id, CapacityRequest request, CancellationToken ct)
    {
        var programme = await db.CareProgrammes.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null)
        {
            return Error.NotFound();
        }

        if (!MayEditCapacity(actor, programme.OrganisationId))
        {
            return Error.Forbidden("Only the organisation that runs the programme, or an administrator, updates its capacity.");
        }

        var v = new Validator();
        var expected = v.Required("version", request.Version);
        Count(v, "places", request.Places, 10_000);
        Count(v, "occupied", request.Occupied, 10_000);
        Count(v, "expectedWaitingWeeks", request.ExpectedWaitingWeeks, 520);
        if (request.Occupied > request.Places)
        {
            v.Add("occupied", "More places occupied than there are.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (programme.Version != expected)
        {
            return Error.Stale();
        }

        programme.Places = request.Places;
        programme.Occupied = request.Occupied;
        programme.ExpectedWaitingWeeks = request.ExpectedWaitingWeeks;
        programme.CapacityUpdatedAt = time.GetUtcNow();
        programme.CapacityUpdatedById = actor.Id;
        audit.Add(actor, PlacementsAuditActions.ProgrammeCapacityChanged, nameof(CareProgramme), programme.Id);
        if (await SaveAsync(programme, expected, ct) is { } stale)
        {
            return stale;
        }

        return (await GetAsync(programme.Id, null, ct)).Value;
    }

    public static bool MayEditCapacity(Actor actor, Guid? organisationId) =>
        actor.IsAdministrator || (organisationId is not null && actor.OrganisationId == organisationId);

    /// <summary>
    /// Stores the programmes built into the application that are not in the catalogue yet (by code). A built-in programme
    /// whose current version the application published itself (no administrator published one since) follows the built-in
    /// definition: when that changed, for instance a fact corrected from the source, the application publishes it as the
    /// next version; earlier versions and the placements that use them stay as they were.
    /// </summary>
    public static async Task StoreBuiltInAsync(TrajectDb db, TimeProvider time, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Name, r => r.Id, ct);
        var stored = await db.CareProgrammes.ToDictionaryAsync(p => p.Code, ct);
        var currents = await db.CareProgrammeVersions.AsNoTracking().Include(v => v.Phases)
            .Where(v => v.Number == v.Programme!.CurrentNumber).ToDictionaryAsync(v => v.ProgrammeId, ct);
        var now = time.GetUtcNow();
        var changed = false;
        foreach (var (request, regionName) in BuiltInProgrammes.All)
        {
            var v = new Validator();
            var content = Content(request with { RegionId = regionName is null ? null : regions.GetValueOrDefault(regionName) }, v);
            if (!v.IsValid)
            {
                throw new InvalidOperationException($"Built-in programme {request.Code} is invalid: {string.Join(", ", v.Errors.Keys)}");
            }

            if (!stored.TryGetValue(request.Code!, out var programme))
            {
                Add(db, request.Code!, content, null, null, now);
                changed = true;
            }
            else if (currents.GetValueOrDefault(programme.Id) is { PublishedById: null } current && !SameContent(current, content))
            {
                content.ProgrammeId = programme.Id;
                content.Number = programme.CurrentNumber + 1;
                content.PublishedAt = now;
                db.CareProgrammeVersions.Add(content);
                programme.CurrentNumber = content.Number;
                changed = true;
            }
        }

        if (!changed)
        {
            return;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node stored the same programmes or versions at the same moment (unique code and number, concurrency version).
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Whether two versions have the same content (what a placement is read with), phases included.</summary>
    internal static bool SameContent(CareProgrammeVersion a, CareProgrammeVersion b) =>
        a.Name == b.Name && a.Provider == b.Provider && a.Settings == b.Settings && a.TargetGroup == b.TargetGroup && a.TargetGender == b.TargetGender
        && a.MinAge == b.MinAge && a.MaxAge == b.MaxAge && a.MaxDurationWeeks == b.MaxDurationWeeks
        && a.IndicativeDurationWeeks == b.IndicativeDurationWeeks && a.AftercareWeeks == b.AftercareWeeks
        && a.RequiredIndication == b.RequiredIndication && a.GroupComposition == b.GroupComposition && a.Reach == b.Reach
        && a.RegionId == b.RegionId && a.SuitableForIntellectualDisability == b.SuitableForIntellectualDisability
        && a.FemaleStaffOnly == b.FemaleStaffOnly && a.ProtectedAddress == b.ProtectedAddress && a.Description == b.Description
        && a.Phases.OrderBy(x => x.Order).Select(PhaseOf).SequenceEqual(b.Phases.OrderBy(x => x.Order).Select(PhaseOf));

    private CareProgramme Add(string code, CareProgrammeVersion content, Guid? organisationId, Guid? by, DateTimeOffset now) =>
        Add(db, code, content, organisationId, by, now);

    private static CareProgramme Add(TrajectDb db, string code, CareProgrammeVersion content, Guid? organisationId, Guid? by, DateTimeOffset now)
    {
        var programme = new CareProgramme { Code = code, CurrentNumber = 1, OrganisationId = organisationId };
        content.ProgrammeId = programme.Id;
        content.Number = 1;
        content.PublishedAt = now;
        content.PublishedById = by;
        db.CareProgrammes.Add(programme);
        db.CareProgrammeVersions.Add(content);
        return programme;
    }

    private async Task<CareProgrammeVersion> ValidateAsync(CareProgrammeRequest r, Validator v, CancellationToken ct)
    {
        var content = Content(r, v);
        if (r.RegionId is { } region && !await db.Regions.AnyAsync(x => x.Id == region, ct))
        {
            v.Add("regionId", "Unknown region.");
        }

        if (r.OrganisationId is { } org && !await db.Organisations.AnyAsync(o => o.Id == org && o.IsActive, ct))
        {
            v.Add("organisationId", "Unknown organisation.");
        }

        return content;
    }

    /// <summary>The shape checks of a programme's content, and the version they make.</summary>
    private static CareProgrammeVersion Content(CareProgrammeRequest r, Validator v)
    {
        var version = new CareProgrammeVersion
        {
            Name = v.Text("name", r.Name, CareProgrammeVersion.NameMaxLength),
            Provider = v.Text("provider", r.Provider, CareProgrammeVersion.NameMaxLength),
            TargetGroup = v.Text("targetGroup", r.TargetGroup, CareProgrammeVersion.TextMaxLength),
            TargetGender = v.Enum("targetGender", r.TargetGender),
            Description = v.OptionalText("description", r.Description, CareProgrammeVersion.TextMaxLength),
            RequiredIndication = v.Enum<RequiredIndication>("requiredIndication", r.RequiredIndication ?? RequiredIndication.None),
            GroupComposition = v.Enum("groupComposition", r.GroupComposition),
            Reach = v.Enum("reach", r.Reach),
            RegionId = r.RegionId,
            SuitableForIntellectualDisability = r.SuitableForIntellectualDisability,
            FemaleStaffOnly = r.FemaleStaffOnly ?? false,
            ProtectedAddress = r.ProtectedAddress ?? false,
            MinAge = r.MinAge,
            MaxAge = r.MaxAge,
            MaxDurationWeeks = r.MaxDurationWeeks,
            IndicativeDurationWeeks = r.IndicativeDurationWeeks,
            AftercareWeeks = r.AftercareWeeks,
        };
        if (r.Settings is not { Count: > 0 } settings)
        {
            v.Add("settings", "Choose at least one setting.");
        }
        else if (settings.Any(s => !Enum.IsDefined(s)))
        {
            v.Add("settings", "Unknown value.");
        }
        else
        {
            version.Settings = CareProgrammeVersion.FormatSettings(settings);
            foreach (var (field, messages) in PlacementRules.CheckIndication(settings, version.RequiredIndication)?.Fields ?? new Dictionary<string, string[]>())
            {
                foreach (var message in messages)
                {
                    v.Add(field, message);
                }
            }
        }

        if (r.MinAge is < 0 or > 30)
        {
            v.Add("minAge", "Between {0} and {1}.", 0, 30);
        }

        if (r.MaxAge is < 0 or > 30)
        {
            v.Add("maxAge", "Between {0} and {1}.", 0, 30);
        }
        else if (r.MaxAge <= r.MinAge)
        {
            v.Add("maxAge", "The age the programme ends at must be above the lowest age: it is not included.");
        }

        Count(v, "maxDurationWeeks", r.MaxDurationWeeks, 520, minimum: 1);
        Count(v, "indicativeDurationWeeks", r.IndicativeDurationWeeks, 520, minimum: 1);
        if (r.IndicativeDurationWeeks > r.MaxDurationWeeks)
        {
            v.Add("indicativeDurationWeeks", "The indicative duration cannot be longer than the maximum.");
        }

        Count(v, "aftercareWeeks", r.AftercareWeeks, 520, minimum: 1);
        if (r.Reach == ProgrammeReach.National && r.RegionId is not null)
        {
            v.Add("regionId", "A national programme has no region.");
        }

        if (r.Phases is not { Count: > 0 } phases)
        {
            v.Add("phases", "Give at least one phase.");
        }
        else if (phases.Count > MaxPhases)
        {
            v.Add("phases", "At most {0} phases.", MaxPhases);
        }
        else
        {
            for (var i = 0; i < phases.Count; i++)
            {
                var field = $"phases[{i}]";
                if (phases[i] is not { } phase)
                {
                    v.Add(field, "This field is required.");
                    continue;
                }

                Count(v, $"{field}.typicalWeeks", phase.TypicalWeeks, 520, minimum: 1);
                version.Phases.Add(new CareProgrammePhase
                {
                    ProgrammeVersionId = version.Id,
                    Order = i + 1,
                    Name = v.Text($"{field}.name", phase.Name, CareProgrammePhase.NameMaxLength),
                    TypicalWeeks = phase.TypicalWeeks,
                    Phone = v.Enum($"{field}.phone", phase.Phone),
                    Internet = v.Enum($"{field}.internet", phase.Internet),
                    Leave = v.Enum($"{field}.leave", phase.Leave),
                    NetworkContact = v.Enum($"{field}.networkContact", phase.NetworkContact),
                    Notes = v.OptionalText($"{field}.notes", phase.Notes, CareProgrammePhase.NotesMaxLength),
                });
            }
        }

        return version;
    }

    private static void Count(Validator v, string field, int? value, int maximum, int minimum = 0)
    {
        if (value < minimum || value > maximum)
        {
            v.Add(field, "Between {0} and {1}.", minimum, maximum);
        }
    }

    private async Task<Names> NamesAsync(CancellationToken ct) => new(
        await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct),
        await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct));

    private sealed record Names(Dictionary<Guid, string> Organisations, Dictionary<Guid, string> Regions);

    internal static PhaseView PhaseOf(CareProgrammePhase p) =>
        new(p.Order, p.Name, p.TypicalWeeks, p.Phone, p.Internet, p.Leave, p.NetworkContact, p.Notes);

    private static CareProgrammeView View(CareProgramme p, CareProgrammeVersion v, IReadOnlyList<ProgrammeVersionRef> versions, Names names) => new(
        p.Id, p.Code, v.Id, v.Number, p.CurrentNumber, p.IsActive, p.OrganisationId,
        p.OrganisationId is { } org ? names.Organisations.GetValueOrDefault(org) : null,
        v.Name, v.Provider, v.SettingList, v.TargetGroup, v.TargetGender, v.MinAge, v.MaxAge, v.MaxDurationWeeks, v.IndicativeDurationWeeks,
        v.AftercareWeeks,
        v.RequiredIndication, v.GroupComposition, v.Reach, v.RegionId,
        v.RegionId is { } region ? names.Regions.GetValueOrDefault(region) : null,
        v.SuitableForIntellectualDisability, v.FemaleStaffOnly, v.ProtectedAddress, v.Description, v.PublishedAt,
        v.Phases.OrderBy(x => x.Order).Select(PhaseOf).ToList(),
        new CapacityView(p.Places, p.Occupied, p.Places - p.Occupied, p.ExpectedWaitingWeeks, p.CapacityUpdatedAt),
        versions, p.Version);

    private async Task<Error?> SaveAsync(CareProgramme programme, long expected, CancellationToken ct)
    {
        db.Entry(programme).Property(x => x.Version).OriginalValue = expected;
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }
    }
}
