
namespace Traject.Web.Modules.Triage;

/// <summary>A set of enum values stored as one comma-separated column of names, in declaration order.</summary>
internal static class FlagSet
{
    public static string Join<T>(IEnumerable<T> values)
        where T : struct, Enum => string.Join(',', values.Distinct().Order().Select(v => v.ToString()));

    public static IReadOnlyList<T> Parse<T>(string stored)
        where T : struct, Enum => stored.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Enum.TryParse<T>(s, out var v) ? (T?)v : null).OfType<T>().Order().ToList();
}

/// <summary>What a draft analysis still waits for before it is signed.</summary>
internal enum SignatureNeed
{
    Nothing,
    TwoProfessionals,
    SecondProfessional,
    BehaviouralScientist,
}

/// <summary>
/// The analysis is multidisciplinary: it is signed once two different professionals have signed it, at least one of
/// them a behavioural scientist (role at the time of signing). Pure rules, no I/O.
/// </summary>
internal static class SignatureRule
{
    public static SignatureNeed Needs(IReadOnlyCollection<(Guid ProfessionalId, bool BehaviouralScientist)> signatures)
    {
        var people = signatures.Select(s => s.ProfessionalId).Distinct().Count();
        var scientist = signatures.Any(s => s.BehaviouralScientist);
        return (people, scientist) switch
        {
            (0, _) => SignatureNeed.TwoProfessionals,
            ( >= 2, true) => SignatureNeed.Nothing,
            (_, false) => SignatureNeed.BehaviouralScientist,
            _ => SignatureNeed.SecondProfessional,
        };
    }

    public static bool IsComplete(IReadOnlyCollection<(Guid ProfessionalId, bool BehaviouralScientist)> signatures) =>
        Needs(signatures) == SignatureNeed.Nothing;
}

/// <summary>Where a trajectory stands with its analyses today.</summary>
internal enum AnalysisDue
{
    /// <summary>The next analysis is due later than the warning period.</summary>
    Planned,

    /// <summary>Due within the warning period (or today).</summary>
    DueSoon,

    /// <summary>The due date has passed.</summary>
    Overdue,
}

internal sealed record AnalysisScheduleState(DateOnly DueOn, AnalysisDue State, bool HasSignedAnalysis);

/// <summary>
/// The analysis is repeated every three months (core element 7): the next is due three months after the last signed
/// one. A trajectory without a signed analysis is due four weeks after it started, as the step plan's referral for
/// triage. From two weeks before the due date it shows as due. Pure, computed from the date given.
/// </summary>
internal static class AnalysisSchedule
{
    public const int IntervalMonths = 3;
    public const int FirstWithinDays = 28;
    public const int WarnDaysBefore = 14;

    public static DateOnly NextDue(DateOnly trajectoryStartedOn, DateOnly? lastSignedOn) =>
        lastSignedOn?.AddMonths(IntervalMonths) ?? trajectoryStartedOn.AddDays(FirstWithinDays);

    public static AnalysisScheduleState State(DateOnly trajectoryStartedOn, DateOnly? lastSignedOn, DateOnly today)
    {
        var due = NextDue(trajectoryStartedOn, lastSignedOn);
        var state = today > due ? AnalysisDue.Overdue : today >= due.AddDays(-WarnDaysBefore) ? AnalysisDue.DueSoon : AnalysisDue.Planned;
        return new AnalysisScheduleState(due, state, lastSignedOn is not null);
    }
}

/// <summary>Someone in her network who may be involved in the exploitation.</summary>
internal sealed record InvolvedPerson(NetworkRelation Relation, string Name);

/// <summary>
/// The warning for the care team: the trajectory's flag (set by the analyses or on the safety page) and the people the
/// analyses name.
/// </summary>
internal sealed record ParentWarning(bool MayBeInvolved, IReadOnlyList<InvolvedPerson> People);

/// <summary>
/// The parent-involvement block. Fails closed: a "may be involved" in the latest signed analysis or in an open draft
/// counts, so a draft can raise the block at once but only a signed analysis can lift it. While it holds, the people
/// named receive no information about her; a person without a name blocks everyone with that relation.
/// </summary>
internal static class ParentBlock
{
    public static IReadOnlyList<InvolvedPerson> Involved(IEnumerable<AnalysisNetworkPerson>? latestSigned, IEnumerable<AnalysisNetworkPerson>? openDraft) =>
        (latestSigned ?? []).Concat(openDraft ?? []).Where(p => p.MayBeInvolved)
            .Select(p => new InvolvedPerson(p.Relation, p.Name.Trim()))
            .DistinctBy(p => (p.Relation, p.Name.ToUpperInvariant()))
            .OrderBy(p => p.Relation).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Whether a person with this relation and name may receive information about her.</summary>
    public static bool MayInform(IReadOnlyList<InvolvedPerson> involved, NetworkRelation relation, string? name)
    {
        var wanted = (name ?? string.Empty).Trim();
        return !involved.Any(p => p.Relation == relation
            && (p.Name.Length == 0 || wanted.Length == 0 || string.Equals(p.Name, wanted, StringComparison.OrdinalIgnoreCase)));
    }
}
