namespace Traject.Web.Modules.ReportingCode;

/// <summary>
/// One weighing under the reporting code, answer by answer, with the professional's explanation of each answer.
/// Never changed: a new weighing is recorded when the situation changes.
/// </summary>
internal sealed class ReportingCodeWeighing
{
    public const int ExplanationMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedById { get; set; }
    public bool Suspicion { get; set; }
    public string SuspicionExplanation { get; set; } = string.Empty;
    public bool? Unsafety { get; set; }
    public string? UnsafetyExplanation { get; set; }
    public bool? CanHelp { get; set; }
    public string? CanHelpExplanation { get; set; }
    public bool? HelpAccepted { get; set; }
    public string? HelpAcceptedExplanation { get; set; }
    public bool? HelpEffective { get; set; }
    public string? HelpEffectiveExplanation { get; set; }
    public ReportingCodeOutcome Outcome { get; set; }

    public IReadOnlyList<(bool? Answer, string? Explanation)> Answers =>
    [
        (Suspicion, SuspicionExplanation), (Unsafety, UnsafetyExplanation), (CanHelp, CanHelpExplanation),
        (HelpAccepted, HelpAcceptedExplanation), (HelpEffective, HelpEffectiveExplanation),
    ];
}
