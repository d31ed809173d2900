namespace Traject.Web.Modules.Tasks;

/// <summary>
/// Which tasks start when, and how long each may take. Screening at intake starts with every trajectory at a
/// youth-care provider; the step plan starts when a potential or suspected classification is confirmed. The
/// registration decision is due only when a suspicion (suspected or acute) is confirmed, within the configured days.
/// </summary>
internal static class StepPlan
{
    public static readonly TimeSpan IntakeScreening = TimeSpan.FromDays(14);

    /// <summary>The step plan in order, with the days each task has from confirmation.</summary>
    public static readonly IReadOnlyList<(CareTaskKind Kind, int Days)> Steps =
    [
        (CareTaskKind.TalkWithYoungPerson, 7),
        (CareTaskKind.SafetyAssessment, 7),
        (CareTaskKind.InvolveParentsAndNetwork, 14),
        (CareTaskKind.ReportingCodeDecision, 14),
        (CareTaskKind.ConsultPoliceLiaison, 14),
        (CareTaskKind.NetworkAnalysis, 28),
        (CareTaskKind.ReferralForTriage, 28),
    ];

    /// <summary>
    /// The step-plan tasks for a trajectory, owned by its coordinator. An acute classification shortens the safety
    /// assessment to the next day. Steps that are still open are not created twice.
    /// </summary>
    public static IEnumerable<CareTask> Create(Guid trajectoryId, Guid owner, Guid createdBy, DateOnly today, DateTimeOffset now,
        bool acute, IReadOnlyCollection<CareTaskKind> alreadyOpen) =>
        Steps.Where(s => !alreadyOpen.Contains(s.Kind)).Select(s => new CareTask
        {
            TrajectoryId = trajectoryId,
            Kind = s.Kind,
            OwnerId = owner,
            DueOn = today.AddDays(acute && s.Kind == CareTaskKind.SafetyAssessment ? 1 : s.Days),
            CreatedAt = now,
            CreatedById = createdBy,
        });

    /// <summary>The registration-decision task for the coordinator, due <paramref name="days"/> after today.</summary>
    public static CareTask RegistrationDecision(Guid trajectoryId, Guid owner, Guid createdBy, DateOnly today, DateTimeOffset now, int days) => new()
    {
        TrajectoryId = trajectoryId,
        Kind = CareTaskKind.RegistrationDecision,
        OwnerId = owner,
        DueOn = today.AddDays(days),
        CreatedAt = now,
        CreatedById = createdBy,
    };
}
