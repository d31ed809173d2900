using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Triage;

/// <summary>What the matching knows about her: from the latest signed analysis, her age, gender and the current safety level.</summary>
internal sealed record MatchNeeds(
    int Age,
    Gender Gender,
    SafetyLevel? SafetyLevel,
    bool IntellectualDisability,
    bool MixedGroupArgued,
    bool RiskToOthersInGroup,
    bool ThreatFromExploiter,
    Guid? ExploiterRegionId);

/// <summary>What the matching knows about a programme: its current version and the capacity its organisation keeps.</summary>
internal sealed record MatchProgramme(
    Guid Id,
    string Name,
    TargetGender TargetGender,
    int? MinAge,
    int? MaxAge,
    IReadOnlyCollection<PlacementSetting> Settings,
    RequiredIndication RequiredIndication,
    GroupComposition GroupComposition,
    ProgrammeReach Reach,
    Guid? RegionId,
    bool? SuitableForIntellectualDisability,
    int? Places,
    int? Occupied,
    int? ExpectedWaitingWeeks);

/// <summary>How one rule judges a programme.</summary>
internal enum MatchVerdict
{
    Fits,
    Condition,
    DoesNotFit,
}

/// <summary>The rules, each explained per programme.</summary>
internal enum MatchRule
{
    Age,
    Gender,
    Setting,
    Indication,
    IntellectualDisability,
    Group,
    Region,
    Capacity,
}

internal sealed record MatchReason(MatchRule Rule, MatchVerdict Verdict, string Message);

internal sealed record ProgrammeMatch(MatchProgramme Programme, int Rank, MatchVerdict Verdict, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// Matched care instead of stepped care: every programme of the catalogue is judged against her needs by eight rules
/// and ranked — programmes that fit first, then those that fit on a condition (fewer conditions first), then by the
/// expected waiting time, then by name; programmes that do not fit come last, with why. Pure, no I/O; messages are
/// stored templates (<c>Text.Encode</c>) rendered in the reader's language. See docs/matched-care.md.
/// </summary>
internal static class CareMatcher
{
    private static readonly PlacementSetting[] Protected = [PlacementSetting.Crisis, PlacementSetting.Closed];
    private static readonly PlacementSetting[] Secure = [PlacementSetting.Crisis, PlacementSetting.Closed, PlacementSetting.SemiClosed];

    /// <summary>The settings the safety level asks for, or null when any setting will do.</summary>
    public static IReadOnlyCollection<PlacementSetting>? SettingsFor(SafetyLevel? level) => level switch
    {
        SafetyLevel.Acute => Protected,
        SafetyLevel.High => Secure,
        SafetyLevel.Elevated => Enum.GetValues<PlacementSetting>().Where(s => s != PlacementSetting.Outpatient).ToArray(),
        _ => null,
    };

    public static IReadOnlyList<ProgrammeMatch> Rank(MatchNeeds needs, IEnumerable<MatchProgramme> programmes)
    {
        var judged = programmes.Select(p =>
        {
            var reasons = Judge(needs, p);
            var verdict = reasons.Any(r => r.Verdict == MatchVerdict.DoesNotFit) ? MatchVerdict.DoesNotFit
                : reasons.Any(r => r.Verdict == MatchVerdict.Condition) ? MatchVerdict.Condition : MatchVerdict.Fits;
            return (Programme: p, Verdict: verdict, Reasons: reasons);
        });
        return judged
            .OrderBy(j => j.Verdict)
            .ThenBy(j => j.Reasons.Count(r => r.Verdict != MatchVerdict.Fits))
            .ThenBy(j => Waiting(j.Programme))
            .ThenBy(j => j.Programme.Name, StringComparer.OrdinalIgnoreCase)
            .Select((j, i) => new ProgrammeMatch(j.Programme, i + 1, j.Verdict, j.Reasons))
            .ToList();
    }

    public static IReadOnlyList<MatchReason> Judge(MatchNeeds needs, MatchProgramme p) =>
        [Age(needs, p), TargetGenderRule(needs, p), Setting(needs, p), Indication(p), Disability(needs, p), Group(needs, p), Region(needs, p), Capacity(p)];

    private static int Waiting(MatchProgramme p) => p.ExpectedWaitingWeeks ?? 0;

    /// <summary>The upper age is not included: a programme "from 12 to 18" ends on her 18th birthday.</summary>
    private static MatchReason Age(MatchNeeds n, MatchProgramme p)
    {
        if (PlacementRules.AgeFits(n.Age, p.MinAge, p.MaxAge))
        {
            return new(MatchRule.Age, MatchVerdict.Fits, Common.Text.Encode("Her age ({0}) is within the programme's ages.", n.Age));
        }

        return p.MaxAge is { } max && n.Age >= max
            ? new(MatchRule.Age, MatchVerdict.DoesNotFit, Common.Text.Encode("She is {0}; the programme ends at age {1}, which is not included.", n.Age, max))
            : new(MatchRule.Age, MatchVerdict.DoesNotFit, Common.Text.Encode("She is {0}; the programme takes ages {1} to {2}.", n.Age, p.MinAge?.ToString() ?? "-", p.MaxAge?.ToString() ?? "-"));
    }

    /// <summary>A programme for one gender does not fit the other; other or unknown is weighed (and a placement then needs an argument).</summary>
    private static MatchReason TargetGenderRule(MatchNeeds n, MatchProgramme p) => PlacementRules.Serves(p.TargetGender, n.Gender) switch
    {
        GenderFit.Serves => new(MatchRule.Gender, MatchVerdict.Fits, p.TargetGender == TargetGender.All
            ? "The programme serves all genders."
            : Common.Text.Encode("The programme serves {0}.", p.TargetGender)),
        GenderFit.NotServed => new(MatchRule.Gender, MatchVerdict.DoesNotFit,
            Common.Text.Encode("The programme serves {0}, and the recorded gender is {1}: only as an argued exception.", p.TargetGender, n.Gender)),
        _ => new(MatchRule.Gender, MatchVerdict.Condition,
            Common.Text.Encode("The programme serves {0} and the recorded gender is {1}: weigh it; a placement needs an argued exception.", p.TargetGender, n.Gender)),
    };

    private static MatchReason Setting(MatchNeeds n, MatchProgramme p)
    {
        var needed = SettingsFor(n.SafetyLevel);
        if (needed is null)
        {
            return new(MatchRule.Setting, MatchVerdict.Fits, n.SafetyLevel is null
                ? "No safety assessment yet: no setting is required for safety."
                : Common.Text.Encode("Safety level {0}: any setting will do.", n.SafetyLevel));
        }

        if (!p.Settings.Any(needed.Contains))
        {
            return new(MatchRule.Setting, MatchVerdict.DoesNotFit, Common.Text.Encode("Safety level {0} asks for a setting the programme does not offer.", n.SafetyLevel!));
        }

        if (p.Settings.All(needed.Contains))
        {
            return new(MatchRule.Setting, MatchVerdict.Fits, Common.Text.Encode("Safety level {0} asks for a protected setting; the programme offers one.", n.SafetyLevel!));
        }

        // The programme is also offered in settings her level rules out, such as an open group at level acute: only in the others.
        return new(MatchRule.Setting, MatchVerdict.Condition, n.SafetyLevel switch
        {
            SafetyLevel.Acute => Common.Text.Encode("Safety level {0}: an open setting does not fit; only the programme's crisis or closed setting.", n.SafetyLevel),
            SafetyLevel.High => Common.Text.Encode("Safety level {0}: an open setting does not fit; only the programme's crisis, closed or semi-closed setting.",
                n.SafetyLevel),
            _ => Common.Text.Encode("Safety level {0}: only a setting where she lives, not outpatient care.", n.SafetyLevel!),
        });
    }

    private static MatchReason Indication(MatchProgramme p) => p.RequiredIndication == RequiredIndication.None
        ? new(MatchRule.Indication, MatchVerdict.Fits, "No indication required.")
        : new(MatchRule.Indication, MatchVerdict.Condition, Common.Text.Encode("Requires an indication: {0}.", p.RequiredIndication));

    private static MatchReason Disability(MatchNeeds n, MatchProgramme p) => (n.IntellectualDisability, p.SuitableForIntellectualDisability) switch
    {
        (false, _) => new(MatchRule.IntellectualDisability, MatchVerdict.Fits, "No intellectual disability in the analysis."),
        (true, true) => new(MatchRule.IntellectualDisability, MatchVerdict.Fits, "Suitable for an intellectual disability."),
        (true, false) => new(MatchRule.IntellectualDisability, MatchVerdict.DoesNotFit, "Not suitable for an intellectual disability."),
        _ => new(MatchRule.IntellectualDisability, MatchVerdict.Condition, "The programme does not state whether it suits an intellectual disability."),
    };

    private static MatchReason Group(MatchNeeds n, MatchProgramme p)
    {
        if (p.GroupComposition == GroupComposition.NoGroup)
        {
            return new(MatchRule.Group, MatchVerdict.Fits, "No living group.");
        }

        if (p.GroupComposition == GroupComposition.Mixed && !n.MixedGroupArgued)
        {
            return new(MatchRule.Group, MatchVerdict.DoesNotFit, "Homogeneous unless: a mixed group needs an argument in the analysis, and there is none.");
        }

        if (n.RiskToOthersInGroup)
        {
            return new(MatchRule.Group, MatchVerdict.Condition, "The analysis sees a risk to others in a group or of recruiting: weigh the group's living climate.");
        }

        return new(MatchRule.Group, MatchVerdict.Fits, (p.GroupComposition, p.TargetGender) switch
        {
            (GroupComposition.Mixed, _) => "Mixed group, argued in the analysis.",
            (_, TargetGender.Boys) => "Boys-only group.",
            (_, TargetGender.Girls) => "Girls-only group.",
            _ => "A group of one gender.",
        });
    }

    private static MatchReason Region(MatchNeeds n, MatchProgramme p)
    {
        if (p.Reach == ProgrammeReach.National)
        {
            return new(MatchRule.Region, MatchVerdict.Fits, "National programme: a placement away from the exploiter's region is possible.");
        }

        return n.ThreatFromExploiter && n.ExploiterRegionId is { } exploiter && p.RegionId == exploiter
            ? new(MatchRule.Region, MatchVerdict.DoesNotFit, "The programme is in the region where the exploiter and his network operate.")
            : new(MatchRule.Region, MatchVerdict.Fits, "Not in the exploiter's region (as far as known).");
    }

    private static MatchReason Capacity(MatchProgramme p)
    {
        if (p.Places is not { } places)
        {
            return new(MatchRule.Capacity, MatchVerdict.Condition, "The programme's organisation keeps no capacity figures here: ask.");
        }

        var free = places - (p.Occupied ?? 0);
        return free > 0
            ? new(MatchRule.Capacity, MatchVerdict.Fits, Common.Text.Encode("{0} places free.", free))
            : new(MatchRule.Capacity, MatchVerdict.Condition, Common.Text.Encode("Full; expected waiting time {0} weeks.", p.ExpectedWaitingWeeks ?? 0));
    }
}
