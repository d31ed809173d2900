using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Triage;

/// <summary>
/// The choice after the recommendation. <c>analysisId</c> is the analysis whose recommendation was read (a newer signed
/// analysis makes the choice stale); <c>replaces</c> is the current choice, or null for the first (stale otherwise).
/// </summary>
internal sealed record RecordCareChoiceRequest(Guid? ProgrammeId, Guid? AnalysisId, DeviationReason? Reason, string? Explanation, Guid? Replaces);

internal sealed record CareChoiceView(
    Guid Id,
    int Sequence,
    Guid AnalysisId,
    Guid ProgrammeId,
    int ProgrammeVersion,
    string Programme,
    int ChosenRank,
    MatchVerdict ChosenVerdict,
    Guid RecommendedProgrammeId,
    string RecommendedProgramme,
    MatchVerdict RecommendedVerdict,
    ChoiceOutcome Outcome,
    bool AgainstRecommendation,
    DeviationReason? Reason,
    string? Explanation,
    DateTimeOffset RecordedAt,
    PersonRef RecordedBy,
    DateTimeOffset? SupersededAt);

/// <summary>The choices of a trajectory: the current one and the history, newest first.</summary>
internal sealed record CareChoicesView(Guid TrajectoryId, CareChoiceView? Current, IReadOnlyList<CareChoiceView> History, bool CanChoose);

/// <summary>
/// Recording the professional's choice of a care programme. The ranking is computed again when the choice is saved, so
/// what is kept is the recommendation the choice was made against, not what a client says it was. Everyone in the
/// dossier reads the choices; emergency access and a hand-over not yet accepted only read.
/// </summary>
internal sealed class CareChoices(TrajectDb db, TimeProvider time, DossierDoor door, TimelineWriter timeline, TaskList tasks, Recommendations recommendations,
    TrajectoryLifecycle lifecycle)
{
    public static string Link(Guid trajectoryId) => $"/trajectories/{trajectoryId}/recommendation";

    public async Task<Result<CareChoicesView>> ListAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, TriageAuditActions.CareChoiceRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        return await ViewAsync(opened.Value, ct);
    }

    public async Task<Result<CareChoicesView>> RecordAsync(Actor actor, Guid trajectoryId, RecordCareChoiceRequest request, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, TriageAuditActions.CareChosen, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        var v = new Validator();
        var programmeId = v.Id("programmeId", request.ProgrammeId);
        var analysisId = v.Id("analysisId", request.AnalysisId);
        if (request.Reason is { } given && !Enum.IsDefined(given))
        {
            v.Add("reason", "Unknown reason.");
        }

        var explanation = v.OptionalText("explanation", request.Explanation, CareChoice.ExplanationMaxLength);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (t.IsClosed)
        {
            return DossierDoor.Closed;
        }

        var ranked = await recommendations.RankAsync(t, ct);
        if (ranked.Error is { } waits)
        {
            return waits;
        }

        var ranking = ranked.Value;
        if (ranking.Analysis.Id != analysisId)
        {
            return Error.Conflict("A newer analysis was signed since this recommendation: read the recommendation again before choosing.");
        }

        var chosen = ranking.Ranked.SingleOrDefault(m => m.Programme.Id == programmeId);
        if (chosen is null)
        {
            return Error.Invalid("programmeId", "Not a programme of the catalogue that takes new placements.");
        }

        var outcome = CareChoiceRule.Outcome(ranking.Ranked, programmeId);
        if (CareChoiceRule.NeedsReason(outcome))
        {
            if (request.Reason is null)
            {
                v.Add("reason", "Choosing against the recommendation needs a reason.");
            }

            if (explanation is null || explanation.Length < CareChoice.ExplanationMinLength)
            {
                v.Add("explanation", "Explain the choice against the recommendation in at least {0} characters.", CareChoice.ExplanationMinLength);
            }
        }
        else if (request.Reason is not null || explanation is not null)
        {
            v.Add("reason", "The recommended programme is chosen: no reason is needed, so none is kept.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        var current = await db.CareChoices.Where(c => c.TrajectoryId == t.Id && c.SupersededAt == null).SingleOrDefaultAsync(ct);
        if (current?.Id != request.Replaces)
        {
            return Error.Stale();
        }

        var now = time.GetUtcNow();
        var top = ranking.Ranked[0];
        var choice = new CareChoice
        {
            TrajectoryId = t.Id, OrganisationId = t.LeadOrganisationId, Sequence = (current?.Sequence ?? 0) + 1, AnalysisId = ranking.Analysis.Id,
            ProgrammeId = chosen.Programme.Id, ProgrammeVersion = ranking.VersionNumbers[chosen.Programme.Id], ProgrammeName = chosen.Programme.Name,
            ChosenRank = chosen.Rank, ChosenVerdict = chosen.Verdict,
            RecommendedProgrammeId = top.Programme.Id, RecommendedProgrammeName = top.Programme.Name, RecommendedVerdict = top.Verdict,
            Outcome = outcome, Reason = CareChoiceRule.NeedsReason(outcome) ? request.Reason : null,
            Explanation = CareChoiceRule.NeedsReason(outcome) ? explanation : null, RecordedAt = now, RecordedById = actor.Id,
        };
        db.CareChoices.Add(choice);
        if (current is not null)
        {
            current.SupersededAt = now;
            current.SupersededById = choice.Id;
        }

        // Matching to care is what the step plan's referral for triage asks for.
        await tasks.FinishAllAsync(actor, t.Id, TriageTaskKinds.ReferralForTriage, ct);

        if (CareChoiceRule.NeedsReason(outcome))
        {
            timeline.Add(t.Id, actor, TriageTimelineKinds.CareChosen, Link(t.Id), "Care programme chosen against the recommendation: {0}", choice.ProgrammeName);
        }
        else
        {
            timeline.Add(t.Id, actor, TriageTimelineKinds.CareChosen, Link(t.Id), "Care programme chosen as recommended: {0}", choice.ProgrammeName);
        }

        dossier.Audit(TriageAuditActions.CareChosen, nameof(CareChoice), choice.Id);
        lifecycle.Advance(t, TrajectoryStatus.Active, LifecycleCause.CareChosen, actor, dossier.Basis);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another choice (same sequence number) or a change to a task was saved at the same moment.
            return Error.Stale();
        }

        db.ChangeTracker.Clear();
        return await ViewAsync(dossier, ct);
    }

    private async Task<CareChoicesView> ViewAsync(Dossier dossier, CancellationToken ct)
    {
        var rows = await db.CareChoices.AsNoTracking().Where(c => c.TrajectoryId == dossier.Id).OrderByDescending(c => c.Sequence).ToListAsync(ct);
        var people = await PersonRefs.LoadAsync(db, rows.Select(r => r.RecordedById), ct);
        var views = rows.Select(c => new CareChoiceView(c.Id, c.Sequence, c.AnalysisId, c.ProgrammeId, c.ProgrammeVersion, c.ProgrammeName, c.ChosenRank,
            c.ChosenVerdict, c.RecommendedProgrammeId, c.RecommendedProgrammeName, c.RecommendedVerdict, c.Outcome, CareChoiceRule.NeedsReason(c.Outcome),
            c.Reason, c.Explanation, c.RecordedAt, people[c.RecordedById], c.SupersededAt)).ToList();
        var canChoose = dossier.Allows(DossierOperation.Record) && !dossier.IsClosed;
        return new CareChoicesView(dossier.Id, views.FirstOrDefault(c => c.SupersededAt is null), views, canChoose);
    }
}
