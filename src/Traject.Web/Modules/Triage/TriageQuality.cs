using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Triage;

/// <summary>The choices of a period and how they relate to the recommendation; percentages of all choices, null without any.</summary>
internal sealed record ChoiceFigures(
    int Choices,
    int Followed,
    int OtherFitting,
    int NotFitting,
    int NoneFitted,
    int MatchedCarePossible,
    int MatchedCareChosen,
    int? PossiblePercent,
    int? ChosenPercent,
    IReadOnlyDictionary<string, int> Reasons);

internal sealed record ChoiceMonth(string Month, int Choices, int MatchedCarePossible, int MatchedCareChosen);

/// <summary>Where the open trajectories stand with their three-monthly analysis today.</summary>
internal sealed record AnalysisFigures(int OpenTrajectories, int Planned, int DueSoon, int Overdue, int WithoutSignedAnalysis);

internal sealed record OverdueAnalysis(Guid TrajectoryId, string Pseudonym, DateOnly DueOn, int DaysOverdue, string Coordinator);

internal sealed record TriageQualityView(
    Guid OrganisationId,
    string Organisation,
    string From,
    string To,
    ChoiceFigures Period,
    IReadOnlyList<ChoiceMonth> Months,
    AnalysisFigures Analyses,
    IReadOnlyList<OverdueAnalysis> Overdue);

/// <summary>
/// Quality figures of triage for an organisation (docs/matched-care.md): how often matched care was possible and
/// chosen, why professionals chose otherwise, and whether the analyses are repeated on time. For the organisation's
/// designated experts and quality officers; counts and pseudonyms only, never a reason's explanation.
/// </summary>
internal sealed class TriageQuality(TrajectDb db, TimeProvider time, AuditLog audit)
{
    public const int MaxMonths = 36;

    public static bool MayRead(Actor actor) => actor.IsInRole(Roles.DesignatedExpert) || actor.IsInRole(Roles.QualityOfficer);

    public async Task<Result<TriageQualityView>> GetAsync(Actor actor, string? from, string? to, CancellationToken ct)
    {
        if (!MayRead(actor))
        {
            await audit.RecordAsync(actor, TriageAuditActions.TriageQualityRead, nameof(Organisation), actor.OrganisationId, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.Forbidden("Only designated experts and quality officers see the triage figures of their organisation.");
        }

        var today = time.Today();
        var v = new Validator();
        var period = MonthPeriod.Parse(v, from, to, today, MaxMonths);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        var org = actor.OrganisationId;
        var (fromUtc, toUtc) = (period.FromUtc, period.ToUtc);
        var choices = (await db.CareChoices.AsNoTracking()
                .Where(c => c.OrganisationId == org && c.RecordedAt >= fromUtc && c.RecordedAt < toUtc)
                .Select(c => new { c.RecordedAt, c.Outcome, c.Reason }).ToListAsync(ct))
            .Select(c => (Month: DateOnly.FromDateTime(c.RecordedAt.ToLocal().DateTime), c.Outcome, c.Reason))
            .Where(c => period.Contains(c.Month)).ToList();
        var months = period.Months().Select(m =>
        {
            var of = choices.Where(c => c.Month.Year == m.Year && c.Month.Month == m.Month).ToList();
            return new ChoiceMonth(MonthPeriod.Key(m), of.Count, of.Count(c => CareChoiceRule.WasPossible(c.Outcome)),
                of.Count(c => CareChoiceRule.WasChosen(c.Outcome)));
        }).ToList();

        var open = await db.Trajectories.AsNoTracking()
            .Where(t => t.LeadOrganisationId == org && t.Status != TrajectoryStatus.Closed)
            .Select(t => new
            {
                t.Id, t.StartedOn, t.YoungPerson!.PseudonymCode, t.CoordinatorId,
                LastSigned = db.ProblemAnalyses.Where(a => a.TrajectoryId == t.Id && a.SignedAt != null).OrderByDescending(a => a.SignedAt)
                    .Select(a => a.SignedAt).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var states = open.Select(t => (t.Id, t.PseudonymCode, t.CoordinatorId, State: AnalysisSchedule.State(t.StartedOn,
            t.LastSigned is { } at ? DateOnly.FromDateTime(at.ToLocal().DateTime) : null, today))).ToList();
        var overdue = states.Where(s => s.State.State == AnalysisDue.Overdue).OrderBy(s => s.State.DueOn).ThenBy(s => s.PseudonymCode, StringComparer.Ordinal).ToList();
        var coordinators = await db.Users.AsNoTracking().Where(u => overdue.Select(o => o.CoordinatorId).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var analyses = new AnalysisFigures(states.Count, states.Count(s => s.State.State == AnalysisDue.Planned),
            states.Count(s => s.State.State == AnalysisDue.DueSoon), overdue.Count, states.Count(s => !s.State.HasSignedAnalysis));

        var name = await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => o.Name).SingleAsync(ct);
        await audit.RecordAsync(actor, TriageAuditActions.TriageQualityRead, nameof(Organisation), org, ct: ct);
        return new TriageQualityView(org, name, MonthPeriod.Key(period.First), MonthPeriod.Key(period.Last),
            Figures(choices.Select(c => (c.Outcome, c.Reason)).ToList()), months, analyses,
            overdue.Select(o => new OverdueAnalysis(o.Id, o.PseudonymCode, o.State.DueOn, today.DayNumber - o.State.DueOn.DayNumber,
                coordinators.GetValueOrDefault(o.CoordinatorId, string.Empty))).ToList());
    }

    /// <summary>The figures over the choices given; pure.</summary>
    public static ChoiceFigures Figures(IReadOnlyCollection<(ChoiceOutcome Outcome, DeviationReason? Reason)> choices)
    {
        int Count(ChoiceOutcome o) => choices.Count(c => c.Outcome == o);
        int? Percent(int part) => choices.Count == 0 ? null : (int)Math.Round(100.0 * part / choices.Count, MidpointRounding.AwayFromZero);
        var possible = choices.Count(c => CareChoiceRule.WasPossible(c.Outcome));
        var chosen = choices.Count(c => CareChoiceRule.WasChosen(c.Outcome));
        var reasons = Enum.GetValues<DeviationReason>().ToDictionary(r => r.ToString(), r => choices.Count(c => c.Reason == r), StringComparer.Ordinal);
        return new ChoiceFigures(choices.Count, Count(ChoiceOutcome.Followed), Count(ChoiceOutcome.OtherFitting), Count(ChoiceOutcome.NotFitting),
            Count(ChoiceOutcome.NoneFitted), possible, chosen, Percent(possible), Percent(chosen), reasons);
    }
}
