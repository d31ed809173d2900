using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Triage;

internal sealed record NetworkPersonRequest(NetworkRelation? Relation, string? Name, string? Notes, bool? MayBeInvolved);

internal sealed record SaveAnalysisRequest(
    string? ExploitationCircumstances,
    string? ExploitationNature,
    IReadOnlyList<ExploitationForm>? ExploitationForms,
    int? ExploitationMonths,
    bool? OnlineComponent,
    string? OnlineDetails,
    Guid? ExploiterRegionId,
    IReadOnlyList<UpperProblem>? UpperProblems,
    string? UpperNotes,
    IReadOnlyList<UnderlyingProblem>? UnderlyingProblems,
    IReadOnlyList<AdverseExperience>? AdverseExperiences,
    string? UnderlyingNotes,
    IReadOnlyList<AnalysisRisk>? Risks,
    string? RiskNotes,
    string? Needs,
    string? Strengths,
    string? NetworkStrengths,
    EducationSituation? Education,
    string? EducationNotes,
    IReadOnlyList<NetworkPersonRequest?>? Network,
    string? NetworkNotes,
    string? MixedGroupReason,
    long? Version);

internal sealed record SignAnalysisRequest(long? Version);

internal sealed record NetworkPersonView(NetworkRelation Relation, string Name, string? Notes, bool MayBeInvolved);

/// <summary>The content of an analysis as read: every section, sets as lists in a fixed order.</summary>
internal sealed record AnalysisContent(
    string? ExploitationCircumstances,
    string? ExploitationNature,
    IReadOnlyList<ExploitationForm> ExploitationForms,
    int? ExploitationMonths,
    bool OnlineComponent,
    string? OnlineDetails,
    Guid? ExploiterRegionId,
    string? ExploiterRegion,
    IReadOnlyList<UpperProblem> UpperProblems,
    string? UpperNotes,
    IReadOnlyList<UnderlyingProblem> UnderlyingProblems,
    IReadOnlyList<AdverseExperience> AdverseExperiences,
    string? UnderlyingNotes,
    IReadOnlyList<AnalysisRisk> Risks,
    string? RiskNotes,
    string? Needs,
    string? Strengths,
    string? NetworkStrengths,
    EducationSituation? Education,
    string? EducationNotes,
    IReadOnlyList<NetworkPersonView> Network,
    string? NetworkNotes,
    string? MixedGroupReason);

internal sealed record AnalysisSignatureView(PersonRef By, bool BehaviouralScientist, DateTimeOffset SignedAt);

internal sealed record AnalysisView(
    Guid Id,
    Guid TrajectoryId,
    Guid? CopiedFromId,
    DateTimeOffset CreatedAt,
    PersonRef CreatedBy,
    DateTimeOffset UpdatedAt,
    PersonRef UpdatedBy,
    DateTimeOffset? SignedAt,
    SignatureNeed Needs,
    AnalysisContent Content,
    IReadOnlyList<AnalysisSignatureView> Signatures,
    long Version,
    bool CanEdit,
    bool CanSign);

internal sealed record AnalysisSummary(Guid Id, DateTimeOffset CreatedAt, PersonRef CreatedBy, DateTimeOffset? SignedAt, int Signatures, SignatureNeed Needs);

/// <summary>The analyses of a trajectory, newest first, with when the next is due and the parent-involvement warning.</summary>
internal sealed record AnalysesOverview(
    IReadOnlyList<AnalysisSummary> Items,
    AnalysisScheduleState Schedule,
    ParentWarning ParentInvolvement,
    bool CanStart);

internal sealed record AnalysisComparison(AnalysisView Left, AnalysisView Right, IReadOnlyList<string> Changed);

/// <summary>
/// Problem, risk, needs and strengths analyses in the dossier. Everyone in the dossier reads them; the coordinator,
/// the care team and the designated expert start, edit and sign them (emergency access only reads). One draft at a
/// time; a new draft is a copy of the latest analysis. Editing a draft withdraws the signatures given so far, because
/// a signature is for the content as it was. The second required signature makes it signed: it never changes again,
/// the next analysis is planned as a task three months later, and the parent-involvement warning follows it.
/// </summary>
internal sealed class ProblemAnalyses(TrajectDb db, TimeProvider time, DossierDoor door, TimelineWriter timeline, TaskList tasks, SafetyRecords safety)
{
    public const int MaxNetworkPeople = 30;

    public static string Link(Guid trajectoryId, Guid analysisId) => $"/trajectories/{trajectoryId}/analyses/{analysisId}";

    public async Task<Result<AnalysesOverview>> OverviewAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, TriageAuditActions.AnalysisRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var rows = await db.ProblemAnalyses.AsNoTracking().Where(a => a.TrajectoryId == trajectoryId)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new
            {
                a.Id, a.CreatedAt, a.CreatedById, a.SignedAt,
                Signatures = a.Signatures.Select(s => new { s.ProfessionalId, s.BehaviouralScientist }).ToList(),
            })
            .ToListAsync(ct);
        var people = await PersonRefs.LoadAsync(db, rows.Select(r => r.CreatedById), ct);
        var involved = await WarningAsync(trajectoryId, ct);
        var lastSigned = rows.Where(r => r.SignedAt is not null).Select(r => r.SignedAt).FirstOrDefault();
        var schedule = AnalysisSchedule.State(dossier.Trajectory.StartedOn, lastSigned is { } at ? DateOnly.FromDateTime(at.ToLocal().DateTime) : null, time.Today());
        var items = rows.Select(r => new AnalysisSummary(r.Id, r.CreatedAt, people[r.CreatedById], r.SignedAt, r.Signatures.Count,
            SignatureRule.Needs(r.Signatures.Select(s => (s.ProfessionalId, s.BehaviouralScientist)).ToList()))).ToList();
        var canStart = dossier.Basis != AccessBasis.Emergency && !dossier.IsClosed && rows.TrueForAll(r => r.SignedAt is not null);
        return new AnalysesOverview(items, schedule, involved, canStart);
    }

    public async Task<Result<AnalysisView>> GetAsync(Actor actor, Guid trajectoryId, Guid analysisId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, TriageAuditActions.AnalysisRead, ct, new AuditObject(nameof(ProblemAnalysis), analysisId));
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var a = await LoadAsync(trajectoryId, analysisId, tracking: false, ct);
        if (a is null)
        {
            return Error.NotFound();
        }

        return await ViewAsync(actor, opened.Value, a, ct);
    }

    public async Task<Result<AnalysisComparison>> CompareAsync(Actor actor, Guid trajectoryId, Guid? leftId, Guid? rightId, CancellationToken ct)
    {
        var v = new Validator();
        var left = v.Id("left", leftId);
        var right = v.Id("right", rightId);
        var opened = await door.ReadAsync(actor, trajectoryId, TriageAuditActions.AnalysisRead, ct,
            v.IsValid ? new AuditObject(nameof(ProblemAnalysis), left) : null);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        var a = await LoadAsync(trajectoryId, left, tracking: false, ct);
        var b = await LoadAsync(trajectoryId, right, tracking: false, ct);
        if (a is null || b is null)
        {
            return Error.NotFound();
        }

        if (b.Id != a.Id && (await door.ReadAsync(actor, trajectoryId, TriageAuditActions.AnalysisRead, ct, new AuditObject(nameof(ProblemAnalysis), b.Id))).Error is { } lost)
        {
            return lost;
        }

        var lv = await ViewAsync(actor, opened.Value, a, ct);
        var rv = await ViewAsync(actor, opened.Value, b, ct);
        return new AnalysisComparison(lv, rv, AnalysisDiff.Changed(lv.Content, rv.Content));
    }

    /// <summary>Starts a draft: a copy of the latest analysis (signatures excluded), or an empty one the first time.</summary>
    public async Task<Result<AnalysisView>> StartAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, TriageAuditActions.AnalysisStarted, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;
        if (t.IsClosed)
        {
            return DossierDoor.Closed;
        }

        if (await db.ProblemAnalyses.AnyAsync(a => a.TrajectoryId == trajectoryId && a.SignedAt == null, ct))
        {
            return Error.Conflict("A draft analysis is already open: finish and sign that one first.");
        }

        var latest = await db.ProblemAnalyses.AsNoTracking().Include(a => a.Network)
            .Where(a => a.TrajectoryId == trajectoryId).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        var now = time.GetUtcNow();
        var draft = latest is null ? new ProblemAnalysis() : Copy(latest);
        draft.TrajectoryId = t.Id;
        draft.CopiedFromId = latest?.Id;
        draft.CreatedAt = draft.UpdatedAt = now;
        draft.CreatedById = draft.UpdatedById = actor.Id;
        db.ProblemAnalyses.Add(draft);
        var link = Link(t.Id, draft.Id);
        if (latest is null)
        {
            timeline.Add(t.Id, actor, TriageTimelineKinds.AnalysisStarted, link, "Problem, risk, needs and strengths analysis started");
        }
        else
        {
            timeline.Add(t.Id, actor, TriageTimelineKinds.AnalysisStarted, link, "New analysis started as a copy of the previous one");
        }

        dossier.Audit(TriageAuditActions.AnalysisStarted, nameof(ProblemAnalysis), draft.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two drafts started at the same moment: the unique index on open drafts lets one through.
            return Error.Conflict("A draft analysis is already open: finish and sign that one first.");
        }

        return await ViewAsync(actor, dossier, draft, ct);
    }

    public async Task<Result<AnalysisView>> SaveAsync(Actor actor, Guid trajectoryId, Guid analysisId, SaveAnalysisRequest request, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, TriageAuditActions.AnalysisSaved, ct,
            about: new AuditObject(nameof(ProblemAnalysis), analysisId));
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;
        var a = await LoadAsync(trajectoryId, analysisId, tracking: true, ct);
        if (a is null)
        {
            return Error.NotFound();
        }

        var v = new Validator();
        var version = v.Required("version", request.Version);
        var network = Validate(v, request);
        if (request.ExploiterRegionId is { } region && region != Guid.Empty && !await db.Regions.AnyAsync(r => r.Id == region, ct))
        {
            v.Add("exploiterRegionId", "Unknown region.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (a.IsSigned)
        {
            return Error.Conflict("This analysis is signed and can no longer be changed; start a new one.");
        }

        if (t.IsClosed)
        {
            return DossierDoor.Closed;
        }

        if (a.Version != version)
        {
            return Error.Stale();
        }

        var before = ParentBlock.Involved((await LatestSignedAsync(t.Id, ct))?.Network, a.Network);
        Apply(a, request, network);
        var now = time.GetUtcNow();
        a.UpdatedAt = now;
        a.UpdatedById = actor.Id;
        var withdrawn = a.Signatures.Count;
        a.Signatures.Clear(); // orphaned signatures are deleted
        db.Entry(a).Property(x => x.Version).IsModified = true;
        var link = Link(t.Id, a.Id);
        if (withdrawn > 0)
        {
            timeline.Add(t.Id, actor, TriageTimelineKinds.AnalysisSaved, link, "Analysis changed; the {0} signatures given so far are withdrawn", withdrawn);
        }
        else
        {
            timeline.Add(t.Id, actor, TriageTimelineKinds.AnalysisSaved, link, "Analysis changed");
        }

        dossier.Audit(TriageAuditActions.AnalysisSaved, nameof(ProblemAnalysis), a.Id);
        await UpdateFlagAsync(actor, t, a, before, ParentBlock.Involved((await LatestSignedAsync(t.Id, ct))?.Network, network), now, ct);
        return await SaveChangesAsync(actor, dossier, a, version, ct);
    }

    public async Task<Result<AnalysisView>> SignAsync(Actor actor, Guid trajectoryId, Guid analysisId, SignAnalysisRequest request, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, TriageAuditActions.AnalysisSigned, ct,
            about: new AuditObject(nameof(ProblemAnalysis), analysisId));
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;
        var a = await LoadAsync(trajectoryId, analysisId, tracking: true, ct);
        if (a is null)
        {
            return Error.NotFound();
        }

        var v = new Validator();
        var version = v.Required("version", request.Version);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (a.IsSigned)
        {
            return Error.Conflict("This analysis is already signed.");
        }

        if (t.IsClosed)
        {
            return DossierDoor.Closed;
        }

        if (a.Version != version)
        {
            return Error.Stale();
        }

        if (a.Signatures.Any(s => s.ProfessionalId == actor.Id))
        {
            return Error.Conflict("You have already signed this analysis.");
        }

        var now = time.GetUtcNow();
        db.AnalysisSignatures.Add(new AnalysisSignature // tracking it also puts it in a.Signatures
        {
            AnalysisId = a.Id, ProfessionalId = actor.Id, BehaviouralScientist = actor.IsInRole(Roles.BehaviouralScientist), SignedAt = now,
        });
        db.Entry(a).Property(x => x.Version).IsModified = true;
        var link = Link(t.Id, a.Id);
        timeline.Add(t.Id, actor, TriageTimelineKinds.AnalysisSigned, link, "Analysis signed by {0}", actor.DisplayName);
        if (SignatureRule.IsComplete(a.Signatures.Select(s => (s.ProfessionalId, s.BehaviouralScientist)).ToList()))
        {
            var before = ParentBlock.Involved((await LatestSignedAsync(t.Id, ct))?.Network, a.Network);
            a.SignedAt = now;
            await PlanNextAsync(actor, t, ct);
            timeline.Add(t.Id, actor, TriageTimelineKinds.AnalysisSigned, link, "Analysis complete: signed by two professionals, one a behavioural scientist");
            await UpdateFlagAsync(actor, t, a, before, ParentBlock.Involved(a.Network, null), now, ct);
        }

        dossier.Audit(TriageAuditActions.AnalysisSigned, nameof(ProblemAnalysis), a.Id);
        return await SaveChangesAsync(actor, dossier, a, version, ct);
    }

    /// <summary>The people the analyses name as possibly involved: the latest signed analysis and the open draft.</summary>
    public async Task<IReadOnlyList<InvolvedPerson>> InvolvedAsync(Guid trajectoryId, CancellationToken ct)
    {
        var signed = await LatestSignedAsync(trajectoryId, ct);
        var draft = await db.ProblemAnalyses.AsNoTracking().Include(a => a.Network).SingleOrDefaultAsync(a => a.TrajectoryId == trajectoryId && a.SignedAt == null, ct);
        return ParentBlock.Involved(signed?.Network, draft?.Network);
    }

    /// <summary>
    /// The same people as <see cref="InvolvedAsync"/> (named in the latest signed analysis or the open draft), in one
    /// query: for a summary that reads the trajectory's flag itself.
    /// </summary>
    public async Task<IReadOnlyList<InvolvedPerson>> InvolvedInOneQueryAsync(Guid trajectoryId, CancellationToken ct)
    {
        var named = await InvolvedQuery.For(db)(db, trajectoryId).ToListAsync(ct);
        return ParentBlock.Involved(named, null);
    }

    // Compiled once: the dossier summary, the hot path, asks this on every view.
    private static readonly CompiledQuery<Func<TrajectDb, Guid, IAsyncEnumerable<AnalysisNetworkPerson>>> InvolvedQuery = new(() => EF.CompileAsyncQuery(
        (TrajectDb db, Guid trajectoryId) => db.AnalysisNetworkPeople.AsNoTracking()
            .Where(p => p.MayBeInvolved && db.ProblemAnalyses.Any(a => a.Id == p.AnalysisId && a.TrajectoryId == trajectoryId
                && (a.SignedAt == null || db.ProblemAnalyses.Where(l => l.TrajectoryId == trajectoryId && l.SignedAt != null)
                    .OrderByDescending(l => l.SignedAt).ThenByDescending(l => l.Id).Select(l => l.Id).Take(1).Contains(a.Id))))
            .Select(p => new AnalysisNetworkPerson { Relation = p.Relation, Name = p.Name, MayBeInvolved = true })));

    /// <summary>The warning for the care team: the trajectory's flag and the people named.</summary>
    public async Task<ParentWarning> WarningAsync(Guid trajectoryId, CancellationToken ct)
    {
        var people = await InvolvedAsync(trajectoryId, ct);
        return new ParentWarning(people.Count > 0 || await SafetyFacts.ParentMayBeInvolvedAsync(db, trajectoryId, ct), people);
    }

    /// <summary>
    /// The warning over all trajectories of a young person, for an overview the caller may already see (by pseudonym):
    /// what is given to her parents must not reach those who may be involved.
    /// </summary>
    public async Task<ParentWarning> WarningForYoungPersonAsync(string pseudonym, CancellationToken ct)
    {
        var ids = await db.Trajectories.AsNoTracking().Where(t => t.YoungPerson!.PseudonymCode == pseudonym).Select(t => t.Id).ToListAsync(ct);
        var flagged = false;
        var people = new List<InvolvedPerson>();
        foreach (var id in ids)
        {
            var warning = await WarningAsync(id, ct);
            flagged |= warning.MayBeInvolved;
            people.AddRange(warning.People);
        }

        return new ParentWarning(flagged, people.Distinct().ToList());
    }

    /// <summary>When the next analysis of each trajectory given is due (all visible to the caller already): for "my young people".</summary>
    public async Task<IReadOnlyDictionary<Guid, AnalysisScheduleState>> SchedulesAsync(IReadOnlyCollection<Guid> trajectoryIds, CancellationToken ct)
    {
        var rows = await db.Trajectories.AsNoTracking().Where(t => trajectoryIds.Contains(t.Id))
            .Select(t => new
            {
                t.Id, t.StartedOn,
                LastSigned = db.ProblemAnalyses.Where(a => a.TrajectoryId == t.Id && a.SignedAt != null).OrderByDescending(a => a.SignedAt).Select(a => a.SignedAt).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var today = time.Today();
        return rows.ToDictionary(r => r.Id, r => AnalysisSchedule.State(r.StartedOn,
            r.LastSigned is { } at ? DateOnly.FromDateTime(at.ToLocal().DateTime) : null, today));
    }

    private async Task<Result<AnalysisView>> SaveChangesAsync(Actor actor, Dossier dossier, ProblemAnalysis a, long expected, CancellationToken ct)
    {
        db.Entry(a).Property(x => x.Version).OriginalValue = expected;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }
        catch (DbUpdateException)
        {
            return Error.Stale(); // a signature by the same professional at the same moment
        }

        return await ViewAsync(actor, dossier, a, ct);
    }

    /// <summary>The signed analysis finishes the open analysis task and plans the next one for the coordinator.</summary>
    private async Task PlanNextAsync(Actor actor, Trajectory t, CancellationToken ct)
    {
        await tasks.FinishAllAsync(actor, t.Id, TriageTaskKinds.ProblemAnalysis, ct);

        var due = AnalysisSchedule.NextDue(t.StartedOn, time.Today());
        tasks.Add(t.Id, TriageTaskKinds.ProblemAnalysis, t.CoordinatorId, due, actor, onTimeline: false);
        timeline.Add(t.Id, actor, TasksTimelineKinds.TaskCreated, TaskList.Link(t.Id), "Next analysis due on {0}", due.ToString("yyyy-MM-dd", null));
    }

    private Task<ProblemAnalysis?> LatestSignedAsync(Guid trajectoryId, CancellationToken ct) =>
        db.ProblemAnalyses.AsNoTracking().Include(a => a.Network).Where(a => a.TrajectoryId == trajectoryId && a.SignedAt != null)
            .OrderByDescending(a => a.SignedAt).ThenByDescending(a => a.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Keeps the trajectory's "a parent may be involved" flag (kept with her safety context) in step with the analyses:
    /// set as soon as an analysis names someone; cleared only when the analyses named someone before and no longer do
    /// (a signed analysis, see <see cref="ParentBlock"/>). A flag set by hand on the safety page is left alone otherwise.
    /// </summary>
    private async Task UpdateFlagAsync(Actor actor, Trajectory t, ProblemAnalysis changed, IReadOnlyList<InvolvedPerson> before,
        IReadOnlyList<InvolvedPerson> after, DateTimeOffset now, CancellationToken ct)
    {
        var raise = after.Count > 0;
        if (!raise && before.Count == 0)
        {
            return;
        }

        var note = raise ? Text.Encode("Set by the problem, risk, needs and strengths analysis ({0})", changed.Id) : null;
        if (!await safety.MarkParentInvolvementAsync(t.Id, raise, note, actor, now, ct))
        {
            return;
        }

        var link = Link(t.Id, changed.Id);
        if (raise)
        {
            timeline.Add(t.Id, actor, TriageTimelineKinds.ParentInvolvement, link, "Warning: a parent or someone close to her may be involved in the exploitation; they receive no information");
        }
        else
        {
            timeline.Add(t.Id, actor, TriageTimelineKinds.ParentInvolvement, link, "The warning about a parent's involvement is lifted by the signed analysis");
        }
    }

    private async Task<ProblemAnalysis?> LoadAsync(Guid trajectoryId, Guid analysisId, bool tracking, CancellationToken ct)
    {
        var query = db.ProblemAnalyses.Include(a => a.Network).Include(a => a.Signatures).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == analysisId && a.TrajectoryId == trajectoryId, ct);
    }

    private static ProblemAnalysis Copy(ProblemAnalysis from) => new()
    {
        ExploitationCircumstances = from.ExploitationCircumstances, ExploitationNature = from.ExploitationNature,
        ExploitationForms = from.ExploitationForms, ExploitationMonths = from.ExploitationMonths, OnlineComponent = from.OnlineComponent,
        OnlineDetails = from.OnlineDetails, ExploiterRegionId = from.ExploiterRegionId, UpperProblems = from.UpperProblems,
        UpperNotes = from.UpperNotes, UnderlyingProblems = from.UnderlyingProblems, AdverseExperiences = from.AdverseExperiences,
        UnderlyingNotes = from.UnderlyingNotes, Risks = from.Risks, RiskNotes = from.RiskNotes, Needs = from.Needs, Strengths = from.Strengths,
        NetworkStrengths = from.NetworkStrengths, Education = from.Education, EducationNotes = from.EducationNotes,
        NetworkNotes = from.NetworkNotes, MixedGroupReason = from.MixedGroupReason,
        Network = from.Network.OrderBy(p => p.Position).Select(p => new AnalysisNetworkPerson
        {
            Position = p.Position, Relation = p.Relation, Name = p.Name, Notes = p.Notes, MayBeInvolved = p.MayBeInvolved,
        }).ToList(),
    };

    private static List<AnalysisNetworkPerson> Validate(Validator v, SaveAnalysisRequest r)
    {
        v.OptionalText("exploitationCircumstances", r.ExploitationCircumstances, ProblemAnalysis.TextMaxLength);
        v.OptionalText("exploitationNature", r.ExploitationNature, ProblemAnalysis.TextMaxLength);
        v.OptionalText("onlineDetails", r.OnlineDetails, ProblemAnalysis.TextMaxLength);
        v.OptionalText("upperNotes", r.UpperNotes, ProblemAnalysis.TextMaxLength);
        v.OptionalText("underlyingNotes", r.UnderlyingNotes, ProblemAnalysis.TextMaxLength);
        v.OptionalText("riskNotes", r.RiskNotes, ProblemAnalysis.TextMaxLength);
        v.OptionalText("needs", r.Needs, ProblemAnalysis.TextMaxLength);
        v.OptionalText("strengths", r.Strengths, ProblemAnalysis.TextMaxLength);
        v.OptionalText("networkStrengths", r.NetworkStrengths, ProblemAnalysis.TextMaxLength);
        v.OptionalText("educationNotes", r.EducationNotes, ProblemAnalysis.TextMaxLength);
        v.OptionalText("networkNotes", r.NetworkNotes, ProblemAnalysis.TextMaxLength);
        v.OptionalText("mixedGroupReason", r.MixedGroupReason, ProblemAnalysis.TextMaxLength);
        if (r.ExploitationMonths is < 0 or > 300)
        {
            v.Add("exploitationMonths", "Between {0} and {1}.", 0, 300);
        }

        Defined(v, "exploitationForms", r.ExploitationForms);
        Defined(v, "upperProblems", r.UpperProblems);
        Defined(v, "underlyingProblems", r.UnderlyingProblems);
        Defined(v, "adverseExperiences", r.AdverseExperiences);
        Defined(v, "risks", r.Risks);
        if (r.Education is { } e && !Enum.IsDefined(e))
        {
            v.Add("education", "Unknown value.");
        }

        var people = new List<AnalysisNetworkPerson>();
        if (r.Network is { Count: > MaxNetworkPeople })
        {
            v.Add("network", "At most {0} people.", MaxNetworkPeople);
            return people;
        }

        for (var i = 0; i < (r.Network?.Count ?? 0); i++)
        {
            var field = $"network[{i}]";
            if (r.Network![i] is not { } p)
            {
                v.Add(field, "This field is required.");
                continue;
            }

            var relation = v.Enum($"{field}.relation", p.Relation);
            var name = v.Text($"{field}.name", p.Name, AnalysisNetworkPerson.NameMaxLength, required: false);
            var notes = v.OptionalText($"{field}.notes", p.Notes, AnalysisNetworkPerson.NotesMaxLength);
            people.Add(new AnalysisNetworkPerson { Position = i, Relation = relation, Name = name, Notes = notes, MayBeInvolved = p.MayBeInvolved ?? false });
        }

        return people;
    }

    private static void Defined<T>(Validator v, string field, IReadOnlyList<T>? values)
        where T : struct, Enum
    {
        if (values is not null && values.Any(x => !Enum.IsDefined(x)))
        {
            v.Add(field, "Unknown value.");
        }
    }

    private void Apply(ProblemAnalysis a, SaveAnalysisRequest r, List<AnalysisNetworkPerson> network)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        a.ExploitationCircumstances = Clean(r.ExploitationCircumstances);
        a.ExploitationNature = Clean(r.ExploitationNature);
        a.ExploitationForms = FlagSet.Join(r.ExploitationForms ?? []);
        a.ExploitationMonths = r.ExploitationMonths;
        a.OnlineComponent = r.OnlineComponent ?? false;
        a.OnlineDetails = Clean(r.OnlineDetails);
        a.ExploiterRegionId = r.ExploiterRegionId == Guid.Empty ? null : r.ExploiterRegionId;
        a.UpperProblems = FlagSet.Join(r.UpperProblems ?? []);
        a.UpperNotes = Clean(r.UpperNotes);
        a.UnderlyingProblems = FlagSet.Join(r.UnderlyingProblems ?? []);
        a.AdverseExperiences = FlagSet.Join(r.AdverseExperiences ?? []);
        a.UnderlyingNotes = Clean(r.UnderlyingNotes);
        a.Risks = FlagSet.Join(r.Risks ?? []);
        a.RiskNotes = Clean(r.RiskNotes);
        a.Needs = Clean(r.Needs);
        a.Strengths = Clean(r.Strengths);
        a.NetworkStrengths = Clean(r.NetworkStrengths);
        a.Education = r.Education;
        a.EducationNotes = Clean(r.EducationNotes);
        a.NetworkNotes = Clean(r.NetworkNotes);
        a.MixedGroupReason = Clean(r.MixedGroupReason);
        a.Network.Clear(); // the people as they were are deleted (orphans), the new list replaces them
        foreach (var p in network)
        {
            p.AnalysisId = a.Id;
            db.AnalysisNetworkPeople.Add(p);
        }
    }

    private async Task<AnalysisView> ViewAsync(Actor actor, Dossier dossier, ProblemAnalysis a, CancellationToken ct)
    {
        var signatures = a.Signatures.OrderBy(s => s.SignedAt).ThenBy(s => s.Id).ToList();
        var people = await PersonRefs.LoadAsync(db, signatures.Select(s => s.ProfessionalId).Append(a.CreatedById).Append(a.UpdatedById), ct);
        var region = a.ExploiterRegionId is { } r ? await db.Regions.Where(x => x.Id == r).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var content = new AnalysisContent(
            a.ExploitationCircumstances, a.ExploitationNature, FlagSet.Parse<ExploitationForm>(a.ExploitationForms), a.ExploitationMonths,
            a.OnlineComponent, a.OnlineDetails, a.ExploiterRegionId, region, FlagSet.Parse<UpperProblem>(a.UpperProblems), a.UpperNotes,
            FlagSet.Parse<UnderlyingProblem>(a.UnderlyingProblems), FlagSet.Parse<AdverseExperience>(a.AdverseExperiences), a.UnderlyingNotes,
            FlagSet.Parse<AnalysisRisk>(a.Risks), a.RiskNotes, a.Needs, a.Strengths, a.NetworkStrengths, a.Education, a.EducationNotes,
            a.Network.OrderBy(p => p.Position).Select(p => new NetworkPersonView(p.Relation, p.Name, p.Notes, p.MayBeInvolved)).ToList(),
            a.NetworkNotes, a.MixedGroupReason);
        var pairs = signatures.Select(s => (s.ProfessionalId, s.BehaviouralScientist)).ToList();
        var writable = !a.IsSigned && dossier.Basis != AccessBasis.Emergency && !dossier.IsClosed;
        return new AnalysisView(a.Id, a.TrajectoryId, a.CopiedFromId, a.CreatedAt, people[a.CreatedById], a.UpdatedAt, people[a.UpdatedById], a.SignedAt,
            SignatureRule.Needs(pairs), content,
            signatures.Select(s => new AnalysisSignatureView(people[s.ProfessionalId], s.BehaviouralScientist, s.SignedAt)).ToList(),
            a.Version, writable, writable && signatures.All(s => s.ProfessionalId != actor.Id));
    }
}

/// <summary>Which sections of two analyses differ, by the names of their fields: for the side-by-side comparison.</summary>
internal static class AnalysisDiff
{
    public static IReadOnlyList<string> Changed(AnalysisContent a, AnalysisContent b)
    {
        var json = JsonSerializerOptions.Web;
        var left = JsonSerializer.SerializeToElement(a, json);
        var right = JsonSerializer.SerializeToElement(b, json);
        return left.EnumerateObject().Where(p => p.Name != "exploiterRegion")
            .Where(p => p.Value.GetRawText() != right.GetProperty(p.Name).GetRawText()).Select(p => p.Name).ToList();
    }
}
