namespace Traject.Web.Modules.Tasks;

/// <summary>
/// One step of the step plan (core element 3): a kind of task, its place in the plan, the days it has from the
/// confirmation, and the days it has when the danger is acute (null: the same). The module that owns the kind adds its
/// step with <see cref="StepPlanRegistration.AddStepPlanStep"/>.
/// </summary>
internal sealed record StepPlanStep(CareTaskKind Kind, int Order, int Days, int? AcuteDays = null);

/// <summary>
/// The next steps after a potential or suspected classification is confirmed, gathered from the modules that own them.
/// Tasks keeps the steps nobody else records (talking with her, involving parents and network, consulting the police
/// liaison); safety, the reporting code, the network analysis and triage add their own.
/// </summary>
internal sealed class StepPlan(IEnumerable<StepPlanStep> steps)
{
    /// <summary>The steps in order.</summary>
    public IReadOnlyList<StepPlanStep> Steps { get; } = steps.OrderBy(s => s.Order).ThenBy(s => s.Kind).ToList();

    /// <summary>
    /// The step-plan tasks for a trajectory, owned by its coordinator. Acute danger shortens a step to its acute days.
    /// Steps that are still open are not created twice.
    /// </summary>
    public IEnumerable<CareTask> Create(Guid trajectoryId, Guid owner, Guid createdBy, DateOnly today, DateTimeOffset now,
        bool acute, IReadOnlyCollection<CareTaskKind> alreadyOpen) =>
        Steps.Where(s => !alreadyOpen.Contains(s.Kind)).Select(s => new CareTask
        {
            TrajectoryId = trajectoryId,
            Kind = s.Kind,
            OwnerId = owner,
            DueOn = today.AddDays(acute && s.AcuteDays is { } shorter ? shorter : s.Days),
            CreatedAt = now,
            CreatedById = createdBy,
        });
}

/// <summary>How a module adds its step to the step plan.</summary>
internal static class StepPlanRegistration
{
    public static IServiceCollection AddStepPlanStep(this IServiceCollection services, CareTaskKind kind, int order, int days, int? acuteDays = null) =>
        services.AddSingleton(new StepPlanStep(kind, order, days, acuteDays));
}

/// <summary>The kinds of task the tasks module owns: the step plan's steps that no other module records.</summary>
internal static class TasksTaskKinds
{
    public static readonly CareTaskKind TalkWithYoungPerson = new(nameof(TalkWithYoungPerson));
    public static readonly CareTaskKind InvolveParentsAndNetwork = new(nameof(InvolveParentsAndNetwork));
    public static readonly CareTaskKind ConsultPoliceLiaison = new(nameof(ConsultPoliceLiaison));
}
