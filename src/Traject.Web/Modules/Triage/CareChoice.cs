namespace Traject.Web.Modules.Triage;

/// <summary>Why the professional chose another programme than the recommendation, or one that does not fit.</summary>
internal enum DeviationReason
{
    /// <summary>The recommended programme has no place, or the waiting time is too long for her.</summary>
    NoPlaceOrWaitingTime,

    /// <summary>She wants another programme (her own voice in her future plan).</summary>
    YoungPersonWish,

    /// <summary>Her parents or guardian want another programme.</summary>
    ParentsWish,

    /// <summary>A court or the child-protection order decides where she goes.</summary>
    CourtDecision,

    /// <summary>Her safety asks for something the matching does not see.</summary>
    Safety,

    /// <summary>The professionals weigh the case differently.</summary>
    ProfessionalJudgement,

    Other,
}

/// <summary>How a choice relates to the recommendation, for the quality figure "how often was matched care possible".</summary>
internal enum ChoiceOutcome
{
    /// <summary>The first-ranked programme, and it fits her (possibly on conditions).</summary>
    Followed,

    /// <summary>Another programme that also fits her.</summary>
    OtherFitting,

    /// <summary>A programme that does not fit her, while one that fits was there.</summary>
    NotFitting,

    /// <summary>No programme in the catalogue fitted her: matched care was not possible.</summary>
    NoneFitted,
}

/// <summary>
/// The professional's choice of a care programme after the recommendation (matched care). The recommendation as it was
/// at that moment is kept with it (the first-ranked programme, the chosen programme's rank and verdict), so the figures
/// never change when the catalogue or her analysis does. A new choice replaces the current one and keeps the history.
/// </summary>
internal sealed class CareChoice
{
    public const int ExplanationMinLength = 20;
    public const int ExplanationMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }

    /// <summary>The lead organisation when the choice was made: the figures count it there.</summary>
    public Guid OrganisationId { get; set; }

    /// <summary>Numbered per trajectory from 1; of two choices at the same moment the second is refused.</summary>
    public int Sequence { get; set; }

    /// <summary>The signed analysis the recommendation came from.</summary>
    public Guid AnalysisId { get; set; }

    public Guid ProgrammeId { get; set; }
    public int ProgrammeVersion { get; set; }
    public string ProgrammeName { get; set; } = string.Empty;
    public int ChosenRank { get; set; }
    public MatchVerdict ChosenVerdict { get; set; }
    public Guid RecommendedProgrammeId { get; set; }
    public string RecommendedProgrammeName { get; set; } = string.Empty;
    public MatchVerdict RecommendedVerdict { get; set; }
    public ChoiceOutcome Outcome { get; set; }
    public DeviationReason? Reason { get; set; }
    public string? Explanation { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedById { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }
    public Guid? SupersededById { get; set; }
}

/// <summary>
/// The rules of the choice, pure: choosing the first-ranked programme that fits needs nothing more; choosing another
/// one, or one that does not fit her, needs a reason from the list and an explanation. See docs/matched-care.md.
/// </summary>
internal static class CareChoiceRule
{
    public static bool Fits(MatchVerdict verdict) => verdict != MatchVerdict.DoesNotFit;

    /// <summary>How the chosen programme (rank from 1) relates to the ranking.</summary>
    public static ChoiceOutcome Outcome(IReadOnlyList<ProgrammeMatch> ranked, Guid chosenId)
    {
        var chosen = ranked.Single(m => m.Programme.Id == chosenId);
        if (!Fits(ranked[0].Verdict))
        {
            return ChoiceOutcome.NoneFitted;
        }

        if (!Fits(chosen.Verdict))
        {
            return ChoiceOutcome.NotFitting;
        }

        return chosen.Rank == 1 ? ChoiceOutcome.Followed : ChoiceOutcome.OtherFitting;
    }

    /// <summary>Whether the outcome is a choice against the recommendation (a reason is required).</summary>
    public static bool NeedsReason(ChoiceOutcome outcome) => outcome != ChoiceOutcome.Followed;

    /// <summary>Matched care was possible: at least one programme fitted her.</summary>
    public static bool WasPossible(ChoiceOutcome outcome) => outcome != ChoiceOutcome.NoneFitted;

    /// <summary>Matched care was chosen: the chosen programme fits her.</summary>
    public static bool WasChosen(ChoiceOutcome outcome) => outcome is ChoiceOutcome.Followed or ChoiceOutcome.OtherFitting;
}
