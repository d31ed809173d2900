using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Triage;

internal sealed record MatchReasonView(MatchRule Rule, MatchVerdict Verdict, string Message);

internal sealed record ProgrammeRecommendation(Guid ProgrammeId, string Name, int Rank, MatchVerdict Verdict, IReadOnlyList<MatchReasonView> Reasons);

internal sealed record Recommendation(Guid AnalysisId, int Age, SafetyLevel? SafetyLevel, IReadOnlyList<ProgrammeRecommendation> Programmes,
    Gender Gender);

/// <summary>
/// The ranked recommendation of care programmes from the latest signed analysis, her age, gender and safety level. It
/// waits (409, saying why) without a signed analysis, and, for a suspected victim or one in acute danger, without a
/// current safety assessment (<see cref="SafetyGate"/>).
/// </summary>
internal sealed class Recommendations(TrajectDb db, TimeProvider time, DossierDoor door, IStringLocalizer<SharedResource> l)
{
    public async Task<Result<Recommendation>> GetAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var opened = await door.ReadAsync(actor, trajectoryId, TriageAuditActions.AnalysisRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var ranking = await RankAsync(opened.Value.Trajectory, ct);
        if (ranking.Error is { } waits)
        {
            return waits;
        }

        var (analysis, age, level, ranked, _) = ranking.Value;
        return new Recommendation(analysis.Id, age, level, ranked.Select(m => new ProgrammeRecommendation(m.Programme.Id, m.Programme.Name, m.Rank,
            m.Verdict, m.Reasons.Select(r => new MatchReasonView(r.Rule, r.Verdict, l.Render(r.Message))).ToList())).ToList(),
            opened.Value.Trajectory.YoungPerson!.Gender);
    }

    /// <summary>
    /// The ranking as it stands now, from the latest signed analysis; a conflict that says why when matched care must wait
    /// (no signed analysis; no current safety assessment while the screening concluded suspected or acute). Neither audits
    /// nor checks access.
    /// </summary>
    internal async Task<Result<Ranking>> RankAsync(Trajectory t, CancellationToken ct)
    {
        var analysis = await db.ProblemAnalyses.AsNoTracking().Where(a => a.TrajectoryId == t.Id && a.SignedAt != null)
            .OrderByDescending(a => a.SignedAt).ThenByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        if (analysis is null)
        {
            return Error.Conflict("Matched care needs a signed analysis first.");
        }

        var today = time.Today();
        var final = await db.Screenings.AsNoTracking().Where(s => s.TrajectoryId == t.Id && s.FinalClassification != null)
            .OrderByDescending(s => s.FinalisedAt).ThenByDescending(s => s.RecordedAt).Select(s => s.FinalClassification).FirstOrDefaultAsync(ct);
        if (SafetyGate.AsksForSafety(final))
        {
            var (dueOn, state, lastAssessedOn, _) = await SafetyFacts.ReassessmentAsync(db, t, today, ct);
            if (SafetyGate.Withheld(final, lastAssessedOn, state, dueOn) is { } waits)
            {
                return Error.Conflict(waits);
            }
        }

        var age = Clock.AgeOn(t.YoungPerson!.DateOfBirth, today);
        var level = await SafetyFacts.LatestLevelAsync(db, t.Id, ct);
        var underlying = FlagSet.Parse<UnderlyingProblem>(analysis.UnderlyingProblems);
        var risks = FlagSet.Parse<AnalysisRisk>(analysis.Risks);
        var needs = new MatchNeeds(age, t.YoungPerson.Gender, level, underlying.Contains(UnderlyingProblem.IntellectualDisability),
            analysis.MixedGroupReason is not null, risks.Contains(AnalysisRisk.ToOthersInGroup) || risks.Contains(AnalysisRisk.RecruitingOthers),
            risks.Contains(AnalysisRisk.FromExploiterAndNetwork), analysis.ExploiterRegionId);
        var versions = await db.CareProgrammeVersions.AsNoTracking().Include(v => v.Programme)
            .Where(v => v.Programme!.IsActive && v.Number == v.Programme.CurrentNumber).ToListAsync(ct);
        var programmes = versions.Select(v => new MatchProgramme(v.ProgrammeId, v.Name, v.TargetGender, v.MinAge, v.MaxAge, v.SettingList,
            v.RequiredIndication, v.GroupComposition, v.Reach, v.RegionId, v.SuitableForIntellectualDisability, v.Programme!.Places, v.Programme.Occupied,
            v.Programme.ExpectedWaitingWeeks));
        return new Ranking(analysis, age, level, CareMatcher.Rank(needs, programmes), versions.ToDictionary(v => v.ProgrammeId, v => v.Number));
    }
}

/// <summary>The ranking of the catalogue for her now, with the version number of each programme ranked.</summary>
internal sealed record Ranking(ProblemAnalysis Analysis, int Age, SafetyLevel? Level, IReadOnlyList<ProgrammeMatch> Ranked,
    IReadOnlyDictionary<Guid, int> VersionNumbers);
