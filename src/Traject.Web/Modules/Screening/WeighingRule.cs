
namespace Traject.Web.Modules.Screening;

/// <summary>One recorded weighing as the rule sees it, in the order they were recorded.</summary>
internal sealed record WeighingVote(Guid ProfessionalId, bool BehaviouralScientist, Classification Conclusion);

/// <summary>What an open screening still waits for.</summary>
internal enum WeighingNeed
{
    /// <summary>Nothing: the classification is final.</summary>
    Nothing,

    /// <summary>No weighing yet.</summary>
    Weighing,

    /// <summary>The conclusions agree so far, but only one professional has weighed.</summary>
    SecondProfessional,

    /// <summary>The conclusions agree so far, but no behavioural scientist is among them.</summary>
    BehaviouralScientist,

    /// <summary>The conclusions differ: a further weighing must bring agreement.</summary>
    Agreement,
}

/// <summary>Where the weighing of a screening stands: final with its classification, or open and what it waits for.</summary>
internal sealed record WeighingState(Classification? Final, WeighingNeed Needs, bool Disagreement);

/// <summary>
/// The multidisciplinary weighing (core element 2: signals are always interpreted in a multidisciplinary team).
/// A classification becomes final as soon as two different professionals, at least one of them a behavioural
/// scientist, have reached the same conclusion. A suggestion of "none" may be closed by a single weighing that agrees
/// with it, as long as nobody concluded otherwise. A conclusion that differs from the suggestion needs a reason.
/// Conclusions that differ keep the screening open (and visibly so) until a further weighing brings agreement. Pure rules, no I/O.
/// </summary>
internal static class WeighingRule
{
    public const int DeviationReasonMinLength = 20;

    /// <summary>Replays the weighings in order: the first moment a rule is met decides the final classification.</summary>
    public static WeighingState Evaluate(Classification suggestion, IReadOnlyList<WeighingVote> votes)
    {
        for (var n = 1; n <= votes.Count; n++)
        {
            if (Decides(suggestion, votes.Take(n).ToList()) is { } final)
            {
                return new WeighingState(final, WeighingNeed.Nothing, Differ(votes.Take(n)));
            }
        }

        if (votes.Count == 0)
        {
            return new WeighingState(null, WeighingNeed.Weighing, false);
        }

        if (Differ(votes))
        {
            return new WeighingState(null, WeighingNeed.Agreement, true);
        }

        var needs = votes.Any(v => v.BehaviouralScientist) ? WeighingNeed.SecondProfessional : WeighingNeed.BehaviouralScientist;
        return new WeighingState(null, needs, false);
    }

    /// <summary>Whether a professional may add her weighing now: not to a final screening, and once per screening.</summary>
    public static Error? CanAdd(WeighingState state, IReadOnlyList<WeighingVote> votes, Guid professionalId)
    {
        if (state.Final is not null)
        {
            return Error.Conflict("This screening is final: its classification has been decided.");
        }

        return votes.Any(v => v.ProfessionalId == professionalId)
            ? Error.Conflict("You have already recorded your weighing of this screening.")
            : null;
    }

    /// <summary>A conclusion other than the suggestion must be argued.</summary>
    public static bool NeedsReason(Classification suggestion, Classification conclusion) => conclusion != suggestion;

    private static Classification? Decides(Classification suggestion, IReadOnlyList<WeighingVote> votes)
    {
        var latest = votes[^1].Conclusion;
        var agreeing = votes.Where(v => v.Conclusion == latest).ToList();
        if (agreeing.Select(v => v.ProfessionalId).Distinct().Count() >= 2 && agreeing.Any(v => v.BehaviouralScientist))
        {
            return latest;
        }

        return suggestion == Classification.None && votes.All(v => v.Conclusion == Classification.None) ? Classification.None : null;
    }

    private static bool Differ(IEnumerable<WeighingVote> votes) => votes.Select(v => v.Conclusion).Distinct().Skip(1).Any();
}
