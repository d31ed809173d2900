using Traject.Web.Modules.Tasks;

namespace Traject.Web.Modules.Screening;

/// <summary>The kinds of task the screening module owns.</summary>
internal static class ScreeningTaskKinds
{
    /// <summary>Uniform screening at intake, within <see cref="IntakeScreeningTask.Days"/> days of the start.</summary>
    public static readonly CareTaskKind ScreenAtIntake = new(nameof(ScreenAtIntake)) { Page = "screenings/new" };
}
