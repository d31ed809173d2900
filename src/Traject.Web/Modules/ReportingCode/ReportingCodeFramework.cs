namespace Traject.Web.Modules.ReportingCode;

/// <summary>Where the weighing framework of the statutory reporting code (`meldcode`) ends.</summary>
internal enum ReportingCodeOutcome
{
    /// <summary>No suspicion remains: the reporting-code steps end here (the weighing is kept).</summary>
    NoSuspicion,

    /// <summary>Report to the local safe-home organisation (Veilig Thuis).</summary>
    Report,

    /// <summary>Offer or organise help, and keep watching whether it works.</summary>
    ProvideHelp,
}

/// <summary>
/// The five questions of the reporting code's weighing framework, asked in order. Each answer decides whether the next
/// question is asked: no suspicion ends the weighing; acute or structural unsafety means a report; otherwise a report
/// follows when we cannot give suitable help, when the help is not accepted, or when it does not bring the needed
/// results in time. Pure rules, no I/O.
/// </summary>
internal static class ReportingCodeFramework
{
    public const int Questions = 5;

    /// <summary>The questions as translation keys, in order.</summary>
    public static readonly IReadOnlyList<string> Texts =
    [
        "Question 1: do the signals, after the earlier steps, give a suspicion of exploitation, domestic violence or child abuse?",
        "Question 2: is there acute or structural unsafety?",
        "Question 3: can we offer or organise suitable help ourselves?",
        "Question 4: do the young person and those involved accept that help and commit to it?",
        "Question 5: does the help bring the necessary results for safety and well-being within the agreed time?",
    ];

    /// <summary>The answer to each question that ends the weighing, and where it then ends.</summary>
    private static readonly (bool Stops, ReportingCodeOutcome Outcome)[] Stops =
    [
        (false, ReportingCodeOutcome.NoSuspicion),
        (true, ReportingCodeOutcome.Report),
        (false, ReportingCodeOutcome.Report),
        (false, ReportingCodeOutcome.Report),
        (false, ReportingCodeOutcome.Report),
    ];

    /// <summary>
    /// The outcome of a complete path of answers, or the index of the first question that is missing (a path that
    /// stops too early) or superfluous (answered after the weighing had ended).
    /// </summary>
    public static (ReportingCodeOutcome? Outcome, int? Missing, int? Superfluous) Decide(IReadOnlyList<bool?> answers)
    {
        for (var i = 0; i < Questions; i++)
        {
            var answer = i < answers.Count ? answers[i] : null;
            if (answer is null)
            {
                return (null, i, null);
            }

            var ends = answer == Stops[i].Stops;
            if (ends || i == Questions - 1)
            {
                var outcome = ends ? Stops[i].Outcome : ReportingCodeOutcome.ProvideHelp;
                var extra = Enumerable.Range(i + 1, Math.Max(0, answers.Count - i - 1)).FirstOrDefault(j => answers[j] is not null, -1);
                return extra >= 0 ? (null, null, extra) : (outcome, null, null);
            }
        }

        return (null, 0, null);
    }
}
