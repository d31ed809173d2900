using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Notifications;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Network;

internal sealed record NetworkEntryRequest(
    NetworkEntryKind? Kind,
    string? Name,
    NetworkRole? Role,
    NetworkInfluence? Influence,
    string? HowKnown,
    PlaceKind? PlaceKind,
    string? Address,
    Platform? Platform,
    string? PlatformName,
    string? Handle,
    string? Number,
    NetworkSource? Source,
    DateOnly? KnownOn,
    string? Note,
    long? Version);

internal sealed record NetworkLinkRequest(Guid? FromId, Guid? ToId, string? Nature, NetworkSource? Source, DateOnly? KnownOn);

internal sealed record NetworkRemoveRequest(long? Version);

internal sealed record NetworkEntryView(
    Guid Id,
    NetworkEntryKind Kind,
    string Name,
    NetworkRole? Role,
    NetworkInfluence? Influence,
    string? HowKnown,
    PlaceKind? PlaceKind,
    string? Address,
    Platform? Platform,
    string? PlatformName,
    string? Handle,
    string? Number,
    NetworkSource Source,
    DateOnly KnownOn,
    string? Note,
    PersonRef RecordedBy,
    DateTimeOffset RecordedAt,
    long Version);

internal sealed record NetworkLinkView(Guid Id, Guid FromId, Guid ToId, string? Nature, NetworkSource Source, DateOnly KnownOn, long Version);

internal sealed record NetworkView(Guid TrajectoryId, string Pseudonym, IReadOnlyList<NetworkEntryView> Entries, IReadOnlyList<NetworkLinkView> Links, bool CanEdit);

/// <summary>
/// The network analysis of a trajectory: people, places, online accounts and phone numbers around the young person,
/// each with a source and a date, and the links between them. Only her care team reads and records it (coordinator,
/// team members, the lead organisation's designated expert); emergency access does not open it (403). Everything about
/// the third parties is encrypted with <see cref="NetworkProtection"/>; phone numbers, handles and places are also
/// stored as keyed hashes and compared with other young people's networks (<see cref="NetworkOverlap"/>), which
/// alerts the designated experts of both lead organisations without telling either side who the other is.
/// </summary>
internal sealed class NetworkAnalysis(
    TrajectDb db, TimeProvider time, DossierDoor door, AuditLog audit, Notifier notifier, NetworkProtection protection, NetworkSecrets secrets)
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 1000;
    public const int NoteMaxLength = 2000;
    public const string AlertNotification = "network-overlap";

    /// <summary>Serialises overlap detection across nodes (PostgreSQL); SQLite transactions take the write lock at once.</summary>
    private const long OverlapLock = 0x4E65_7477_6F72_6BL;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static string Link(Guid trajectoryId) => $"/trajectories/{trajectoryId}/network";

    public async Task<Result<NetworkView>> GetAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var opened = await OpenAsync(actor, trajectoryId, NetworkAuditActions.NetworkRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var t = opened.Value.Trajectory;

        var entries = await db.Set<NetworkEntry>().AsNoTracking().Where(e => e.TrajectoryId == trajectoryId).ToListAsync(ct);
        var links = await db.Set<NetworkLink>().AsNoTracking().Where(l => l.TrajectoryId == trajectoryId).ToListAsync(ct);
        var people = await PersonRefs.LoadAsync(db, entries.Select(e => e.RecordedById), ct);
        await audit.RecordAsync(actor, NetworkAuditActions.NetworkRead, nameof(Trajectory), t.Id, opened.Value.Pseudonym, opened.Value.Basis, ct: ct);
        var views = entries.Select(e => View(e, Read<NetworkEntryContent>(e.Content), people[e.RecordedById]))
            .OrderBy(e => e.Kind).ThenBy(e => e.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(e => e.Id).ToList();
        var linkViews = links.Select(l =>
        {
            var c = Read<NetworkLinkContent>(l.Content);
            return new NetworkLinkView(l.Id, l.FromEntryId, l.ToEntryId, c.Nature, c.Source, c.KnownOn, l.Version);
        }).OrderBy(l => l.KnownOn).ThenBy(l => l.Id).ToList();
        return new NetworkView(t.Id, opened.Value.Pseudonym, views, linkViews, !t.IsClosed);
    }

    public async Task<Result<Changed>> AddEntryAsync(Actor actor, Guid trajectoryId, NetworkEntryRequest request, CancellationToken ct)
    {
        var opened = await OpenAsync(actor, trajectoryId, NetworkAuditActions.NetworkChanged, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        var v = new Validator();
        var (content, keys) = NetworkEntryRules.Validate(request, request.Kind, time.Today(), v);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (t.IsClosed)
        {
            return DossierDoor.Closed;
        }

        if (await db.Set<NetworkEntry>().CountAsync(e => e.TrajectoryId == t.Id, ct) >= NetworkEntry.MaxPerTrajectory)
        {
            return Error.Conflict(Text.Encode("A network holds at most {0} entries.", NetworkEntry.MaxPerTrajectory));
        }

        var entry = new NetworkEntry
        {
            TrajectoryId = t.Id, Kind = request.Kind!.Value, Content = Write(content!), RecordedAt = time.GetUtcNow(), RecordedById = actor.Id,
        };
        return await SaveWithOverlapAsync(actor, dossier, entry, keys, added: true, ct);
    }

    public async Task<Result<Changed>> UpdateEntryAsync(Actor actor, Guid trajectoryId, Guid entryId, NetworkEntryRequest request, CancellationToken ct)
    {
        var opened = await OpenAsync(actor, trajectoryId, NetworkAuditActions.NetworkChanged, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        var entry = await db.Set<NetworkEntry>().SingleOrDefaultAsync(e => e.Id == entryId && e.TrajectoryId == trajectoryId, ct);
        if (entry is null)
        {
            return Error.NotFound();
        }

        var v = new Validator();
        if (request.Kind is { } kind && kind != entry.Kind)
        {
            v.Add("kind", "The kind of an entry cannot change; remove it and add a new one.");
        }

        var (content, keys) = NetworkEntryRules.Validate(request, entry.Kind, time.Today(), v);
        var version = v.Required("version", request.Version);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (t.IsClosed)
        {
            return DossierDoor.Closed;
        }

        if (entry.Version != version)
        {
            return Error.Stale();
        }

        entry.Content = Write(content!);
        entry.ChangedAt = time.GetUtcNow();
        db.Entry(entry).Property(e => e.Version).OriginalValue = version;
        return await SaveWithOverlapAsync(actor, dossier, entry, keys, added: false, ct);
    }

    /// <summary>Why a removal cannot go ahead, if it cannot: no version given, a closed trajectory, or a stale version.</summary>
    private static Error? RemovalRefused(Trajectory t, long current, NetworkRemoveRequest request)
    {
        var v = new Validator();
        var version = v.Required("version", request.Version);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (t.IsClosed)
        {
            return DossierDoor.Closed;
        }

        return current != version ? Error.Stale() : null;
    }

    public async Task<Result<Changed>> RemoveEntryAsync(Actor actor, Guid trajectoryId, Guid entryId, NetworkRemoveRequest request, CancellationToken ct)
    {
        var opened = await OpenAsync(actor, trajectoryId, NetworkAuditActions.NetworkChanged, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        var entry = await db.Set<NetworkEntry>().SingleOrDefaultAsync(e => e.Id == entryId && e.TrajectoryId == trajectoryId, ct);
        if (entry is null)
        {
            return Error.NotFound();
        }

        if (RemovalRefused(t, entry.Version, request) is { } refusal)
        {
            return refusal;
        }

        var version = request.Version!.Value;
        db.Entry(entry).Property(e => e.Version).OriginalValue = version;
        db.Set<NetworkEntry>().Remove(entry);
        db.Set<NetworkLink>().RemoveRange(await db.Set<NetworkLink>().Where(l => l.FromEntryId == entry.Id || l.ToEntryId == entry.Id).ToListAsync(ct));
        db.Set<NetworkIdentifier>().RemoveRange(await db.Set<NetworkIdentifier>().Where(i => i.EntryId == entry.Id).ToListAsync(ct));
        foreach (var alert in await db.Set<NetworkOverlapAlert>().Where(a => a.EntryId == entry.Id).ToListAsync(ct))
        {
            alert.EntryId = null;
        }

        dossier.Audit(NetworkAuditActions.NetworkChanged, nameof(NetworkEntry), entry.Id);
        return await SaveAsync(new Changed(entry.Id, version), ct);
    }

    public async Task<Result<Changed>> AddLinkAsync(Actor actor, Guid trajectoryId, NetworkLinkRequest request, CancellationToken ct)
    {
        var opened = await OpenAsync(actor, trajectoryId, NetworkAuditActions.NetworkChanged, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        var v = new Validator();
        var from = v.Id("fromId", request.FromId);
        var to = v.Id("toId", request.ToId);
        var nature = v.OptionalText("nature", request.Nature, NameMaxLength);
        var source = v.Enum("source", request.Source);
        var knownOn = NetworkEntryRules.KnownOn(request.KnownOn, time.Today(), v);
        if (from != Guid.Empty && from == to)
        {
            v.Add("toId", "An entry cannot be linked to itself.");
        }

        var ids = new[] { from, to };
        var found = await db.Set<NetworkEntry>().Where(e => e.TrajectoryId == trajectoryId && ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        if (from != Guid.Empty && !found.Contains(from))
        {
            v.Add("fromId", "Choose an entry of this network.");
        }

        if (to != Guid.Empty && !found.Contains(to))
        {
            v.Add("toId", "Choose an entry of this network.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (t.IsClosed)
        {
            return DossierDoor.Closed;
        }

        if (await db.Set<NetworkLink>().AnyAsync(l => (l.FromEntryId == from && l.ToEntryId == to) || (l.FromEntryId == to && l.ToEntryId == from), ct))
        {
            return Error.Conflict("These entries are already linked.");
        }

        var link = new NetworkLink
        {
            TrajectoryId = t.Id, FromEntryId = from, ToEntryId = to, Content = Write(new NetworkLinkContent(nature, source, knownOn)),
            RecordedAt = time.GetUtcNow(), RecordedById = actor.Id,
        };
        db.Set<NetworkLink>().Add(link);
        dossier.Audit(NetworkAuditActions.NetworkChanged, nameof(NetworkLink), link.Id);
        return await SaveAsync(new Changed(link.Id, 1), ct);
    }

    public async Task<Result<Changed>> RemoveLinkAsync(Actor actor, Guid trajectoryId, Guid linkId, NetworkRemoveRequest request, CancellationToken ct)
    {
        var opened = await OpenAsync(actor, trajectoryId, NetworkAuditActions.NetworkChanged, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        var link = await db.Set<NetworkLink>().SingleOrDefaultAsync(l => l.Id == linkId && l.TrajectoryId == trajectoryId, ct);
        if (link is null)
        {
            return Error.NotFound();
        }

        if (RemovalRefused(t, link.Version, request) is { } refusal)
        {
            return refusal;
        }

        var version = request.Version!.Value;
        db.Entry(link).Property(l => l.Version).OriginalValue = version;
        db.Set<NetworkLink>().Remove(link);
        dossier.Audit(NetworkAuditActions.NetworkChanged, nameof(NetworkLink), link.Id);
        return await SaveAsync(new Changed(link.Id, version), ct);
    }

    /// <summary>
    /// The dossier's door, then the network's own rule: care team only, so emergency access is refused (audited) with a
    /// reason. The door opens without an operation of its table, because its read entry would come before this
    /// refusal: <see cref="GetAsync"/> audits the read once it is allowed; a change is audited through the dossier.
    /// </summary>
    private async Task<Result<Dossier>> OpenAsync(Actor actor, Guid trajectoryId, string action, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.None, action, ct);
        if (opened.Error is not null)
        {
            return opened;
        }

        var dossier = opened.Value;
        if (dossier.Basis == AccessBasis.Emergency)
        {
            await audit.RecordAsync(actor, action, nameof(Trajectory), dossier.Id, dossier.Pseudonym, dossier.Basis, AuditOutcomes.Denied, ct);
            return Error.Forbidden("The network analysis is shown only to her care team: the coordinator, the team members and the designated expert of the lead organisation.");
        }

        return dossier;
    }

    /// <summary>
    /// Saves an entry with its identifiers and, in the same transaction, alerts the designated experts of every other
    /// young person's trajectory that holds one of the same identifiers, and those of this one. The transaction is
    /// serialised with every other network write, so two entries saved at the same moment still find each other.
    /// </summary>
    private async Task<Result<Changed>> SaveWithOverlapAsync(Actor actor, Dossier dossier, NetworkEntry entry,
        IReadOnlyList<(IdentifierKind Kind, string Canonical)> keys, bool added, CancellationToken ct)
    {
        var t = dossier.Trajectory;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!db.IsSqlite)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({OverlapLock})", ct);
            }

            if (added)
            {
                db.Set<NetworkEntry>().Add(entry);
            }
            else
            {
                db.Set<NetworkIdentifier>().RemoveRange(await db.Set<NetworkIdentifier>().Where(i => i.EntryId == entry.Id).ToListAsync(ct));
            }

            var mine = keys.Select(k => new NetworkIdentifier
            {
                EntryId = entry.Id, TrajectoryId = t.Id, YoungPersonId = t.YoungPersonId, Kind = k.Kind, Hash = secrets.Hash(k.Canonical),
            }).DistinctBy(i => i.Hash).ToList();
            db.Set<NetworkIdentifier>().AddRange(mine);
            var hashes = mine.Select(i => i.Hash).ToList();
            var stored = hashes.Count == 0 ? [] : await db.Set<NetworkIdentifier>().AsNoTracking()
                .Where(i => hashes.Contains(i.Hash) && i.YoungPersonId != t.YoungPersonId)
                .Select(i => new NetworkOverlap.Identifier(i.YoungPersonId, i.TrajectoryId, i.EntryId, i.Kind, i.Hash)).ToListAsync(ct);
            var alerted = stored.Count == 0 ? [] : (await db.Set<NetworkOverlapAlert>().AsNoTracking()
                .Where(a => a.TrajectoryId == t.Id && hashes.Contains(a.Hash)).Select(a => new { a.TrajectoryId, a.OtherTrajectoryId, a.Hash }).ToListAsync(ct))
                .Select(a => (a.TrajectoryId, a.OtherTrajectoryId, a.Hash)).ToHashSet();
            var matches = NetworkOverlap.Find(mine.Select(i => new NetworkOverlap.Identifier(i.YoungPersonId, i.TrajectoryId, i.EntryId, i.Kind, i.Hash)).ToList(),
                stored, alerted);
            if (matches.Count > 0)
            {
                await AlertAsync(actor, t, matches, ct);
            }

            dossier.Audit(NetworkAuditActions.NetworkChanged, nameof(NetworkEntry), entry.Id);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new Changed(entry.Id, entry.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }
    }

    /// <summary>Two alerts per match, one for each trajectory, each naming only the other organisation and its designated experts.</summary>
    private async Task AlertAsync(Actor actor, Trajectory t, IReadOnlyList<NetworkOverlap.Match> matches, CancellationToken ct)
    {
        var otherIds = matches.Select(m => m.OtherTrajectoryId).Distinct().ToList();
        var others = await db.Trajectories.AsNoTracking().Where(x => otherIds.Contains(x.Id))
            .Select(x => new { x.Id, x.LeadOrganisationId, x.YoungPerson!.PseudonymCode }).ToDictionaryAsync(x => x.Id, ct);
        var orgIds = others.Values.Select(o => o.LeadOrganisationId).Append(t.LeadOrganisationId).Distinct().ToList();
        var orgNames = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var experts = new Dictionary<Guid, List<Guid>>();
        foreach (var org in orgIds)
        {
            experts[org] = await CareProfessionals.DesignatedExpertsAsync(db, org, ct);
        }

        // The pair may already be alerted from the other side (its entry came first): add only what is missing.
        var reverse = (await db.Set<NetworkOverlapAlert>().AsNoTracking().Where(a => otherIds.Contains(a.TrajectoryId) && a.OtherTrajectoryId == t.Id)
            .Select(a => new { a.TrajectoryId, a.Hash }).ToListAsync(ct)).Select(a => (a.TrajectoryId, a.Hash)).ToHashSet();
        var now = time.GetUtcNow();
        foreach (var m in matches)
        {
            var other = others[m.OtherTrajectoryId];
            Alert(actor, t.Id, m.EntryId, m.OtherTrajectoryId, m.Kind, m.Hash, t.YoungPerson!.PseudonymCode, experts[t.LeadOrganisationId],
                orgNames[other.LeadOrganisationId], now, ownSide: true);
            if (!reverse.Contains((m.OtherTrajectoryId, m.Hash)))
            {
                Alert(actor, m.OtherTrajectoryId, m.OtherEntryId, t.Id, m.OtherKind, m.Hash, other.PseudonymCode, experts[other.LeadOrganisationId],
                    orgNames[t.LeadOrganisationId], now, ownSide: false);
            }
        }
    }

    private void Alert(Actor actor, Guid trajectoryId, Guid entryId, Guid otherTrajectoryId, IdentifierKind kind, string hash, string pseudonym,
        IReadOnlyList<Guid> recipients, string otherOrganisation, DateTimeOffset now, bool ownSide)
    {
        var alert = new NetworkOverlapAlert
        {
            TrajectoryId = trajectoryId, EntryId = entryId, OtherTrajectoryId = otherTrajectoryId, Kind = kind, Hash = hash, CreatedAt = now,
        };
        db.Set<NetworkOverlapAlert>().Add(alert);
        notifier.Notify(recipients, AlertNotification, "/network-alerts",
            "The network of {0} overlaps with another young person's network ({1}). Contact: {2}.", pseudonym, kind, otherOrganisation);

        // The other side's young person is not the actor's: her entry carries no pseudonym, so it stays out of the actor's view of her.
        audit.Add(actor, NetworkAuditActions.NetworkAlertCreated, nameof(NetworkOverlapAlert), alert.Id, ownSide ? pseudonym : null);
    }

    private async Task<Result<Changed>> SaveAsync(Changed changed, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        return changed;
    }

    private string Write<T>(T content) => protection.Protect(JsonSerializer.Serialize(content, Json));

    private T Read<T>(string protectedContent) => JsonSerializer.Deserialize<T>(protection.Unprotect(protectedContent), Json)!;

    private static NetworkEntryView View(NetworkEntry e, NetworkEntryContent c, PersonRef by) => new(e.Id, e.Kind, c.Name, c.Role, c.Influence,
        c.HowKnown, c.PlaceKind, c.Address, c.Platform, c.PlatformName, c.Handle, c.Number, c.Source, c.KnownOn, c.Note, by, e.RecordedAt, e.Version);
}
