using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Registration;

/// <summary>The three counts of internal registration (docs/internal-registration.md).</summary>
internal enum VictimCategory
{
    Potential,
    Suspected,
    Confirmed,
}

/// <summary>Age bands on the date of the event counted.</summary>
internal enum AgeBand
{
    Under12,
    From12To15,
    From16To17,
    Adult,
}

/// <summary>One count with its breakdowns; every breakdown holds every value, zeros included, keyed by enum name.</summary>
internal sealed record OverviewBreakdown(
    int Total,
    IReadOnlyDictionary<string, int> AgeBands,
    IReadOnlyDictionary<string, int> Genders,
    IReadOnlyDictionary<string, int> RiskProfiles,
    IReadOnlyDictionary<string, int> Forms,
    IReadOnlyDictionary<string, int> Outcomes);

internal sealed record OverviewMonth(string Month, IReadOnlyDictionary<string, OverviewBreakdown> Categories);

internal sealed record OverdueDecision(Guid TrajectoryId, string Pseudonym, DateOnly DueOn, int DaysOverdue, string Coordinator);

internal sealed record RegistrationOverviewView(
    Guid OrganisationId,
    string Organisation,
    string From,
    string To,
    IReadOnlyList<OverviewMonth> Months,
    IReadOnlyDictionary<string, OverviewBreakdown> Period,
    IReadOnlyList<OverdueDecision> Overdue);

/// <summary>
/// Internal registration: what an organisation "has in house", per month, with uniform definitions so organisations
/// can be compared. For the organisation's designated experts and quality officers; counts and pseudonyms only.
/// </summary>
internal sealed class RegistrationOverview(TrajectDb db, TimeProvider time, AuditLog audit)
{
    public const int MaxMonths = 36;

    /// <summary>Outcome value for trajectories without a registration decision.</summary>
    public const string Pending = "Pending";

    /// <summary>Risk-profile and form value when there is none.</summary>
    public const string None = "None";

    public static bool MayRead(Actor actor) => actor.IsInRole(Roles.DesignatedExpert) || actor.IsInRole(Roles.QualityOfficer);

    public static AgeBand BandOf(int age) => age switch
    {
        < 12 => AgeBand.Under12,
        < 16 => AgeBand.From12To15,
        < 18 => AgeBand.From16To17,
        _ => AgeBand.Adult,
    };

    private sealed record Fact(VictimCategory Category, string Month, Guid TrajectoryId, AgeBand Band, Gender Gender, IReadOnlyList<string> Profiles);

    public async Task<Result<RegistrationOverviewView>> GetAsync(Actor actor, string? from, string? to, CancellationToken ct)
    {
        if (!MayRead(actor))
        {
            await audit.RecordAsync(actor, RegistrationAuditActions.RegistrationOverviewRead, nameof(Organisation), actor.OrganisationId, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.Forbidden("Only designated experts and quality officers see the internal registration of their organisation.");
        }

        var today = time.Today();
        var v = new Validator();
        var span = MonthPeriod.Parse(v, from, to, today, MaxMonths);
        var (first, last) = (span.First, span.Last);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        var org = actor.OrganisationId;
        var end = span.End;
        var fromUtc = span.FromUtc;
        var toUtc = span.ToUtc;
        var screenings = await (from s in db.Screenings.AsNoTracking()
                                join t in db.Trajectories.AsNoTracking() on s.TrajectoryId equals t.Id
                                where t.LeadOrganisationId == org && s.Status == ScreeningStatus.Final && s.FinalisedAt != null
                                      && s.FinalClassification != Classification.None
                                select new { s.TrajectoryId, s.FinalClassification, s.FinalisedAt, s.RiskProfiles, t.YoungPerson!.DateOfBirth, t.YoungPerson.Gender })
            .ToListAsync(ct);
        var decisions = await (from d in db.RegistrationDecisions.AsNoTracking()
                               join t in db.Trajectories.AsNoTracking() on d.TrajectoryId equals t.Id
                               where t.LeadOrganisationId == org
                               select new { d.TrajectoryId, d.DecidedOn, d.VictimStatus, d.SupersededAt, d.Outcome, d.Forms, d.RecordedAt, t.YoungPerson!.DateOfBirth, t.YoungPerson.Gender })
            .ToListAsync(ct);

        var facts = new List<Fact>();
        foreach (var s in screenings.Where(s => s.FinalisedAt >= fromUtc && s.FinalisedAt < toUtc))
        {
            var on = DateOnly.FromDateTime(s.FinalisedAt!.Value.ToLocal().DateTime);
            if (on < first || on >= end)
            {
                continue;
            }

            var category = s.FinalClassification == Classification.Potential ? VictimCategory.Potential : VictimCategory.Suspected;
            facts.Add(new Fact(category, MonthPeriod.Key(on), s.TrajectoryId, BandOf(Clock.AgeOn(s.DateOfBirth, on)), s.Gender, Profiles(s.RiskProfiles)));
        }

        foreach (var d in decisions.Where(d => d.VictimStatus == VictimStatus.Confirmed && d.DecidedOn >= first && d.DecidedOn < end))
        {
            var latest = screenings.Where(s => s.TrajectoryId == d.TrajectoryId && DateOnly.FromDateTime(s.FinalisedAt!.Value.ToLocal().DateTime) <= d.DecidedOn)
                .MaxBy(s => s.FinalisedAt);
            facts.Add(new Fact(VictimCategory.Confirmed, MonthPeriod.Key(d.DecidedOn), d.TrajectoryId, BandOf(Clock.AgeOn(d.DateOfBirth, d.DecidedOn)), d.Gender,
                Profiles(latest?.RiskProfiles)));
        }

        var current = decisions.Where(d => d.SupersededAt == null).ToDictionary(d => d.TrajectoryId);
        // One count per trajectory, category and month: the latest fact of the month stands for it.
        facts = facts.GroupBy(f => (f.Category, f.Month, f.TrajectoryId)).Select(g => g.Last()).ToList();
        var months = new List<OverviewMonth>();
        for (var m = first; m < end; m = m.AddMonths(1))
        {
            var key = MonthPeriod.Key(m);
            months.Add(new OverviewMonth(key, Categories(facts.Where(f => f.Month == key).ToList(), current.ToDictionary(c => c.Key, c => (c.Value.Outcome, c.Value.Forms)))));
        }

        var period = Categories(facts.GroupBy(f => (f.Category, f.TrajectoryId)).Select(g => g.Last()).ToList(),
            current.ToDictionary(c => c.Key, c => (c.Value.Outcome, c.Value.Forms)));

        var overdue = await (from task in db.CareTasks.AsNoTracking()
                             join t in db.Trajectories.AsNoTracking() on task.TrajectoryId equals t.Id
                             join u in db.Users.AsNoTracking() on t.CoordinatorId equals u.Id
                             where t.LeadOrganisationId == org && task.Kind == RegistrationTaskKinds.RegistrationDecision && task.CompletedAt == null && task.DueOn < today
                             orderby task.DueOn
                             select new { t.Id, t.YoungPerson!.PseudonymCode, task.DueOn, u.DisplayName }).ToListAsync(ct);
        var name = await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => o.Name).SingleAsync(ct);
        await audit.RecordAsync(actor, RegistrationAuditActions.RegistrationOverviewRead, nameof(Organisation), org, ct: ct);
        return new RegistrationOverviewView(org, name, MonthPeriod.Key(first), MonthPeriod.Key(last), months, period,
            overdue.Select(o => new OverdueDecision(o.Id, o.PseudonymCode, o.DueOn, today.DayNumber - o.DueOn.DayNumber, o.DisplayName)).ToList());
    }

    private static Dictionary<string, OverviewBreakdown> Categories(List<Fact> facts,
        Dictionary<Guid, (RegistrationOutcome Outcome, string Forms)> current) =>
        Enum.GetValues<VictimCategory>().ToDictionary(c => c.ToString(), c =>
        {
            var of = facts.Where(f => f.Category == c).ToList();
            return new OverviewBreakdown(
                of.Count,
                Count(Enum.GetNames<AgeBand>(), of.Select(f => new[] { f.Band.ToString() })),
                Count(Enum.GetNames<Gender>(), of.Select(f => new[] { f.Gender.ToString() })),
                Count([.. Enum.GetNames<RiskProfile>(), None], of.Select(f => f.Profiles.Count == 0 ? [None] : f.Profiles)),
                Count([.. Enum.GetNames<ExploitationForm>(), None], of.Select(f => current.TryGetValue(f.TrajectoryId, out var d)
                    ? RegistrationRules.ParseForms(d.Forms).Select(x => x.ToString()).ToArray() : [None])),
                Count([.. Enum.GetNames<RegistrationOutcome>(), Pending], of.Select(f => current.TryGetValue(f.TrajectoryId, out var d)
                    ? new[] { d.Outcome.ToString() } : [Pending])));
        });

    private static Dictionary<string, int> Count(IEnumerable<string> keys, IEnumerable<IEnumerable<string>> values)
    {
        var counts = keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        foreach (var v in values.SelectMany(x => x.Distinct()))
        {
            counts[v] = counts.GetValueOrDefault(v) + 1;
        }

        return counts;
    }

    private static List<string> Profiles(string? stored) =>
        Enum.GetValues<RiskProfile>().Where(p => (stored ?? string.Empty).Split(',').Contains(InstrumentNames.Of(p))).Select(p => p.ToString()).ToList();
}
