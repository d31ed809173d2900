using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Traject.Web.Modules.Network;
using Traject.Web.Modules.Notifications;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Safety;

internal sealed record ReportMissingRequest(
    DateTimeOffset? LastSeenAt,
    string? LastSeenWhere,
    string? WithWhom,
    string? HowSheLeft,
    string? Clothing,
    PhoneStatus? PhoneStatus,
    SafetyLevel? RiskLevel,
    Guid? CurrentRegionId,
    Guid? HomeRegionId);

internal sealed record InformedRequest(InformChannel? Channel, string? Note, DateTimeOffset? InformedAt, long? Version);

internal sealed record CloseMissingRequest(
    DateTimeOffset? FoundAt,
    string? FoundWhere,
    string? FoundBy,
    bool? AcuteMedicalNeed,
    string? ReturnWhere,
    string? ReturnWithWhom,
    string? ReturnWhatHappened,
    bool? NewNetworkEntries,
    long? Version,
    string? UninformedArgument = null);

internal sealed record MissingNoticeView(Guid Id, InformParty Party, string Name, DateTimeOffset? InformedAt, PersonRef? InformedBy,
    InformChannel? Channel, string? Note, long Version);

internal sealed record MissingEpisodeView(
    Guid Id,
    Guid TrajectoryId,
    DateTimeOffset ReportedAt,
    PersonRef ReportedBy,
    DateTimeOffset LastSeenAt,
    string LastSeenWhere,
    string? WithWhom,
    string HowSheLeft,
    string? Clothing,
    PhoneStatus PhoneStatus,
    SafetyLevel RiskLevel,
    string CurrentRegion,
    string HomeRegion,
    bool ParentMayBeInvolved,
    IReadOnlyList<MissingNoticeView> Notices,
    bool IsOpen,
    DateTimeOffset? FoundAt,
    string? FoundWhere,
    string? FoundBy,
    bool? AcuteMedicalNeed,
    string? ReturnWhere,
    string? ReturnWithWhom,
    string? ReturnWhatHappened,
    bool? NewNetworkEntries,
    DateTimeOffset? ClosedAt,
    PersonRef? ClosedBy,
    long Version,
    bool CanRecord,
    string? UninformedArgument = null);

/// <summary>
/// Missing episodes. Reporting one lists at once whom to inform (<see cref="InformList"/>), tells the coordinator and the
/// care team in the app, and gives the reporter a task due today that stays open until everyone on the list is told.
/// Closing records where and by whom she was found, acute medical need and the return conversation; a need for medical
/// care or new network entries become tasks for the coordinator. Emergency access reads only.
/// </summary>
internal sealed class MissingEpisodes(TrajectDb db, TimeProvider time, DossierDoor door, TimelineWriter timeline, TaskList tasks, Notifier notifier,
    IStringLocalizer<SharedResource> l)
{
    public const string NotificationKind = "missing-episode";

    /// <summary>Times may lie this far ahead of the server clock (a slow clock on a phone), not more.</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(5);

    public static string Link(Guid trajectoryId, Guid episodeId) => $"/trajectories/{trajectoryId}/missing/{episodeId}";

    public async Task<Result<IReadOnlyList<MissingEpisodeSummary>>> ListAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, SafetyAuditActions.MissingRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        return await db.MissingEpisodes.AsNoTracking().Where(e => e.TrajectoryId == trajectoryId).OrderByDescending(e => e.LastSeenAt)
            .Select(e => new MissingEpisodeSummary(e.Id, e.LastSeenAt, e.RiskLevel, e.ClosedAt == null, e.FoundAt, e.Notices.Count(n => n.InformedAt == null)))
            .ToListAsync(ct);
    }

    public async Task<Result<MissingEpisodeView>> GetAsync(Actor actor, Guid trajectoryId, Guid episodeId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, SafetyAuditActions.MissingRead, ct, new AuditObject(nameof(MissingEpisode), episodeId));
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var e = await db.MissingEpisodes.AsNoTracking().Include(x => x.Notices)
            .SingleOrDefaultAsync(x => x.Id == episodeId && x.TrajectoryId == trajectoryId, ct);
        if (e is null)
        {
            return Error.NotFound();
        }

        return await ViewAsync(opened.Value, e, ct);
    }

    public async Task<Result<MissingEpisodeView>> ReportAsync(Actor actor, Guid trajectoryId, ReportMissingRequest request, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, SafetyAuditActions.MissingReported, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        var now = time.GetUtcNow();
        var context = await db.SafetyContexts.SingleOrDefaultAsync(c => c.TrajectoryId == t.Id, ct);
        var v = new Validator();
        var lastSeen = v.Required("lastSeenAt", request.LastSeenAt);
        if (request.LastSeenAt is not null && lastSeen > now + ClockSlack)
        {
            v.Add("lastSeenAt", "The time cannot be in the future.");
        }

        var where = v.Text("lastSeenWhere", request.LastSeenWhere, MissingEpisode.ShortTextMaxLength);
        var withWhom = v.OptionalText("withWhom", request.WithWhom, MissingEpisode.ShortTextMaxLength);
        var how = v.Text("howSheLeft", request.HowSheLeft, MissingEpisode.ShortTextMaxLength);
        var clothing = v.OptionalText("clothing", request.Clothing, MissingEpisode.ShortTextMaxLength);
        var phone = v.Enum("phoneStatus", request.PhoneStatus);
        var risk = v.Enum("riskLevel", request.RiskLevel);
        var current = request.CurrentRegionId ?? await SafetyFacts.CurrentRegionIdAsync(db, t, time.Today(), ct);
        if (!await db.Regions.AnyAsync(r => r.Id == current, ct))
        {
            v.Add("currentRegionId", "Unknown region.");
        }

        var home = request.HomeRegionId ?? context?.HomeRegionId;
        if (home is null)
        {
            v.Add("homeRegionId", "Give her home region: its police is informed too.");
        }
        else if (!await db.Regions.AnyAsync(r => r.Id == home, ct))
        {
            v.Add("homeRegionId", "Unknown region.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (t.IsClosed)
        {
            return DossierDoor.Closed;
        }

        if (await db.MissingEpisodes.AnyAsync(e => e.TrajectoryId == t.Id && e.ClosedAt == null, ct))
        {
            return Error.Conflict("A missing episode is already open for her. Close it before reporting a new one.");
        }

        var involved = context?.ParentMayBeInvolved ?? false;
        var coordinator = await db.Users.Where(u => u.Id == t.CoordinatorId).Select(u => u.DisplayName).SingleAsync(ct);
        var today = time.Today();
        var guardians = await (from m in db.CareTeamMemberships
                               join u in db.Users on m.ProfessionalId equals (Guid?)u.Id
                               where m.TrajectoryId == t.Id && m.Role == CareTeamRole.FamilyGuardian && m.From <= today
                                   && (m.To == null || m.To >= today) && (m.EndedAt == null || m.EndedAt > now)
                               select u.DisplayName).ToListAsync(ct);
        var guardianOrgs = await (from m in db.CareTeamMemberships
                                  join o in db.Organisations on m.OrganisationId equals (Guid?)o.Id
                                  where m.TrajectoryId == t.Id && m.Role == CareTeamRole.FamilyGuardian && m.From <= today
                                      && (m.To == null || m.To >= today) && (m.EndedAt == null || m.EndedAt > now)
                                  select o.Name).ToListAsync(ct);
        var targets = InformList.For(await SafetyFacts.RegionPoliceAsync(db, current, ct), await SafetyFacts.RegionPoliceAsync(db, home!.Value, ct),
            involved, coordinator, guardians.Concat(guardianOrgs).ToList());

        var episode = new MissingEpisode
        {
            TrajectoryId = t.Id, ReportedAt = now, ReportedById = actor.Id, LastSeenAt = lastSeen.ToUniversalTime(), LastSeenWhere = where,
            WithWhom = withWhom, HowSheLeft = how, Clothing = clothing, PhoneStatus = phone, RiskLevel = risk, CurrentRegionId = current,
            HomeRegionId = home.Value, ParentMayBeInvolved = involved,
        };
        for (var i = 0; i < targets.Count; i++)
        {
            var notice = new MissingNotice { EpisodeId = episode.Id, Position = i, Party = targets[i].Party, Name = targets[i].Name };
            if (notice.Party == InformParty.Coordinator)
            {
                // The coordinator is told in the app with this report.
                notice.InformedAt = now;
                notice.InformedById = actor.Id;
                notice.Channel = InformChannel.InApp;
            }

            episode.Notices.Add(notice);
        }

        db.MissingEpisodes.Add(episode);
        if (context is null)
        {
            db.SafetyContexts.Add(new SafetyContext { TrajectoryId = t.Id, HomeRegionId = home, UpdatedAt = now, UpdatedById = actor.Id });
        }
        else if (context.HomeRegionId is null)
        {
            context.HomeRegionId = home;
            context.UpdatedAt = now;
            context.UpdatedById = actor.Id;
        }

        var link = Link(t.Id, episode.Id);
        tasks.Add(t.Id, SafetyTaskKinds.InformAboutMissingEpisode, actor.Id, today, actor, onTimeline: false);
        notifier.Notify((await TeamProfessionalsAsync(t, ct)).Where(r => r != actor.Id), NotificationKind, link,
            "Missing episode reported for {0}: inform the police and the others on the list", dossier.Pseudonym);

        timeline.Add(t.Id, actor, SafetyTimelineKinds.MissingReported, link, "Missing episode reported; risk level {0}; {1} to inform", risk, targets.Count);
        dossier.Audit(SafetyAuditActions.MissingReported, nameof(MissingEpisode), episode.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        return await ViewAsync(dossier, episode, ct);
    }

    public async Task<Result<MissingEpisodeView>> InformedAsync(Actor actor, Guid trajectoryId, Guid episodeId, Guid noticeId, InformedRequest request,
        CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, SafetyAuditActions.MissingInformed, ct,
            about: new AuditObject(nameof(MissingEpisode), episodeId));
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;
        var e = await db.MissingEpisodes.Include(x => x.Notices).SingleOrDefaultAsync(x => x.Id == episodeId && x.TrajectoryId == trajectoryId, ct);
        var notice = e?.Notices.SingleOrDefault(n => n.Id == noticeId);
        if (e is null || notice is null)
        {
            return Error.NotFound();
        }

        var now = time.GetUtcNow();
        var v = new Validator();
        var channel = v.Enum("channel", request.Channel);
        var note = v.OptionalText("note", request.Note, MissingNotice.NoteMaxLength);
        var version = v.Required("version", request.Version);
        var at = request.InformedAt?.ToUniversalTime() ?? now;
        if (at > now + ClockSlack)
        {
            v.Add("informedAt", "The time cannot be in the future.");
        }
        else if (at < e.LastSeenAt)
        {
            v.Add("informedAt", "The time cannot be before she was last seen.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (notice.Version != version)
        {
            return Error.Stale();
        }

        if (notice.IsInformed)
        {
            return Error.Conflict("Already recorded as informed.");
        }

        notice.InformedAt = at;
        notice.InformedById = actor.Id;
        notice.Channel = channel;
        notice.Note = note;
        db.Entry(notice).Property(n => n.Version).OriginalValue = version;
        var link = Link(t.Id, e.Id);
        timeline.Add(t.Id, actor, SafetyTimelineKinds.MissingInformed, link, "Informed about the missing episode: {0} ({1})", notice.Party, channel);
        if (e.Notices.All(n => n.IsInformed))
        {
            await tasks.FinishAllAsync(actor, t.Id, SafetyTaskKinds.InformAboutMissingEpisode, ct);
        }

        dossier.Audit(SafetyAuditActions.MissingInformed, nameof(MissingEpisode), e.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        return await ViewAsync(dossier, e, ct);
    }

    public async Task<Result<MissingEpisodeView>> CloseAsync(Actor actor, Guid trajectoryId, Guid episodeId, CloseMissingRequest request, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, SafetyAuditActions.MissingClosed, ct,
            about: new AuditObject(nameof(MissingEpisode), episodeId));
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;
        var e = await db.MissingEpisodes.Include(x => x.Notices).SingleOrDefaultAsync(x => x.Id == episodeId && x.TrajectoryId == trajectoryId, ct);
        if (e is null)
        {
            return Error.NotFound();
        }

        var now = time.GetUtcNow();
        var v = new Validator();
        var found = v.Required("foundAt", request.FoundAt);
        if (request.FoundAt is not null && found > now + ClockSlack)
        {
            v.Add("foundAt", "The time cannot be in the future.");
        }
        else if (request.FoundAt is not null && found < e.LastSeenAt)
        {
            v.Add("foundAt", "She cannot be found before she was last seen.");
        }

        var where = v.Text("foundWhere", request.FoundWhere, MissingEpisode.ShortTextMaxLength);
        var by = v.OptionalText("foundBy", request.FoundBy, MissingEpisode.ShortTextMaxLength);
        var medical = v.Required("acuteMedicalNeed", request.AcuteMedicalNeed);
        var returnWhere = v.Text("returnWhere", request.ReturnWhere, MissingEpisode.LongTextMaxLength);
        var returnWith = v.OptionalText("returnWithWhom", request.ReturnWithWhom, MissingEpisode.LongTextMaxLength);
        var happened = v.Text("returnWhatHappened", request.ReturnWhatHappened, MissingEpisode.LongTextMaxLength);
        var network = v.Required("newNetworkEntries", request.NewNetworkEntries);
        var version = v.Required("version", request.Version);
        // Everyone on the list is told before the episode closes, unless it is argued why someone was not.
        var uninformed = e.Notices.Where(n => !n.IsInformed).ToList();
        var argument = uninformed.Count == 0 ? null
            : v.Text("uninformedArgument", request.UninformedArgument, MissingEpisode.LongTextMaxLength, minLength: MissingEpisode.UninformedArgumentMinLength);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (e.Version != version)
        {
            return Error.Stale();
        }

        if (!e.IsOpen)
        {
            return Error.Conflict("This missing episode is already closed.");
        }

        e.FoundAt = found.ToUniversalTime();
        e.FoundWhere = where;
        e.FoundBy = by;
        e.AcuteMedicalNeed = medical;
        e.ReturnWhere = returnWhere;
        e.ReturnWithWhom = returnWith;
        e.ReturnWhatHappened = happened;
        e.NewNetworkEntries = network;
        e.UninformedArgument = argument;
        e.ClosedAt = now;
        e.ClosedById = actor.Id;
        db.Entry(e).Property(x => x.Version).OriginalValue = version;
        var today = time.Today();
        var link = Link(t.Id, e.Id);
        var open = await tasks.OpenKindsAsync(t.Id, ct);
        if (medical && !open.Contains(SafetyTaskKinds.AcuteMedicalCare))
        {
            tasks.Add(t.Id, SafetyTaskKinds.AcuteMedicalCare, t.CoordinatorId, today, actor);
        }

        if (network && !open.Contains(NetworkTaskKinds.NetworkAnalysis))
        {
            tasks.Add(t.Id, NetworkTaskKinds.NetworkAnalysis, t.CoordinatorId, today.AddDays(7), actor);
        }

        notifier.Notify((await TeamProfessionalsAsync(t, ct)).Where(r => r != actor.Id), NotificationKind, link,
            "Missing episode closed for {0}: she is back", dossier.Pseudonym);

        timeline.Add(t.Id, actor, SafetyTimelineKinds.MissingClosed, link, "Missing episode closed: she is back; return conversation recorded");
        if (argument is not null)
        {
            timeline.Add(t.Id, actor, SafetyTimelineKinds.MissingClosed, link, "Closed with {0} parties not informed: {1}", uninformed.Count, argument);
        }

        dossier.Audit(SafetyAuditActions.MissingClosed, nameof(MissingEpisode), e.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        return await ViewAsync(dossier, e, ct);
    }

    /// <summary>The coordinator and the professionals active in the care team today.</summary>
    private Task<List<Guid>> TeamProfessionalsAsync(Trajectory t, CancellationToken ct) => TeamProfessionalsAsync(db, time, t, ct);

    /// <summary>The coordinator and the professionals who are members of the care team today.</summary>
    internal static async Task<List<Guid>> TeamProfessionalsAsync(TrajectDb db, TimeProvider time, Trajectory t, CancellationToken ct)
    {
        var today = time.Today();
        var now = time.GetUtcNow();
        var members = await db.CareTeamMemberships.Where(m => m.TrajectoryId == t.Id && m.ProfessionalId != null && m.From <= today
                && (m.To == null || m.To >= today) && (m.EndedAt == null || m.EndedAt > now))
            .Select(m => m.ProfessionalId!.Value).ToListAsync(ct);
        return members.Append(t.CoordinatorId).Distinct().ToList();
    }

    private async Task<MissingEpisodeView> ViewAsync(Dossier dossier, MissingEpisode e, CancellationToken ct)
    {
        var ids = e.Notices.Where(n => n.InformedById is not null).Select(n => n.InformedById!.Value).Append(e.ReportedById);
        if (e.ClosedById is { } closer)
        {
            ids = ids.Append(closer);
        }

        var people = await PersonRefs.LoadAsync(db, ids, ct);
        var regions = await db.Regions.AsNoTracking().Where(r => r.Id == e.CurrentRegionId || r.Id == e.HomeRegionId).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        return new MissingEpisodeView(e.Id, e.TrajectoryId, e.ReportedAt, people[e.ReportedById], e.LastSeenAt, e.LastSeenWhere, e.WithWhom, e.HowSheLeft,
            e.Clothing, e.PhoneStatus, e.RiskLevel, regions[e.CurrentRegionId], regions[e.HomeRegionId], e.ParentMayBeInvolved,
            e.Notices.OrderBy(n => n.Position).Select(n => new MissingNoticeView(n.Id, n.Party, l.Render(n.Name), n.InformedAt,
                n.InformedById is { } by ? people[by] : null, n.Channel, n.Note, n.Version)).ToList(),
            e.IsOpen, e.FoundAt, e.FoundWhere, e.FoundBy, e.AcuteMedicalNeed, e.ReturnWhere, e.ReturnWithWhom, e.ReturnWhatHappened, e.NewNetworkEntries,
            e.ClosedAt, e.ClosedById is { } c ? people[c] : null, e.Version, dossier.Basis != AccessBasis.Emergency && !dossier.IsClosed,
            e.UninformedArgument);
    }
}
