using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Tasks;

/// <summary>Tasks in trajectories: the other modules' tasks through <see cref="TaskList"/>, and the step plan.</summary>
internal static class TasksModule
{
    public static IServiceCollection AddTasks(this IServiceCollection services) => services.AddScoped<CareTasks>().AddScoped<TaskList>()
        .AddSingleton<StepPlan>()
        .AddScoped<IClosingGuard, TasksClosingGuard>()
        .AddHandler<TrajectoryClosed, EndTasksOnClose>()
        .AddStepPlanStep(TasksTaskKinds.TalkWithYoungPerson, order: 10, days: 7)
        .AddStepPlanStep(TasksTaskKinds.InvolveParentsAndNetwork, order: 30, days: 14)
        .AddStepPlanStep(TasksTaskKinds.ConsultPoliceLiaison, order: 50, days: 14);

    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/trajectories/{id:guid}/tasks").WithTags("Tasks");
        tasks.MapGet("/", async (Guid id, CurrentActor current, CareTasks handler, CancellationToken ct) =>
            (await handler.ListAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("ListTasks").WithSummary("The tasks of a trajectory, open ones first by due date");
        tasks.MapPost("/{taskId:guid}/done", async (Guid id, Guid taskId, CompleteTaskRequest body, CurrentActor current, CareTasks handler, CancellationToken ct) =>
            (await handler.CompleteAsync(await current.RequireAsync(ct), id, taskId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("CompleteTask").WithSummary("Mark a task done, with an optional note");
        tasks.MapPut("/{taskId:guid}", async (Guid id, Guid taskId, PlanTaskRequest body, CurrentActor current, CareTasks handler, CancellationToken ct) =>
            (await handler.PlanAsync(await current.RequireAsync(ct), id, taskId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("PlanTask").WithSummary("Give a task another owner or due date");
        return api;
    }
}

internal sealed class CareTaskConfiguration : IEntityTypeConfiguration<CareTask>
{
    public void Configure(EntityTypeBuilder<CareTask> e)
    {
        e.ToTable("CareTasks");
        e.Property(x => x.Kind).HasConversion(k => k.Name, name => CareTaskKinds.Named(name)).HasMaxLength(CareTaskKind.NameMaxLength);
        e.Property(x => x.CompletionNote).HasMaxLength(CareTask.NoteMaxLength);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.CompletedAt, x.DueOn });
        e.HasIndex(x => new { x.OwnerId, x.CompletedAt, x.DueOn });
    }
}
