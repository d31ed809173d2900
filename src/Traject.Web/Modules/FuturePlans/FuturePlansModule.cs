using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.FuturePlans;

/// <summary>The future plan (toekomstplan) of a trajectory, its history and her own printable plan.</summary>
internal static class FuturePlansModule
{
    public static IServiceCollection AddFuturePlans(this IServiceCollection services) => services.AddScoped<FuturePlans>();

    public static RouteGroupBuilder MapFuturePlans(this RouteGroupBuilder api)
    {
        var plan = api.MapGroup("/trajectories/{id:guid}/future-plan").WithTags("Future plan");
        plan.MapGet("/", async (Guid id, CurrentActor current, FuturePlans handler, CancellationToken ct) =>
            (await handler.GetAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetFuturePlan").WithSummary("The future plan: per life domain her goals in her own words and the steps towards them, with progress");
        plan.MapGet("/history", async (Guid id, CurrentActor current, FuturePlans handler, CancellationToken ct) =>
            (await handler.HistoryAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("ListFuturePlanChanges").WithSummary("Every change to the plan, newest first: who, when, what, with the text before and after");
        plan.MapGet("/mine", async (Guid id, CurrentActor current, FuturePlans handler, CancellationToken ct) =>
            (await handler.MyPlanAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetMyFuturePlan").WithSummary("Her own plan as she takes it home: her words and the steps, nothing about the people in her network");
        plan.MapPost("/goals", async (Guid id, AddGoalRequest body, CurrentActor current, FuturePlans handler, CancellationToken ct) =>
            (await handler.AddGoalAsync(await current.RequireAsync(ct), id, body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/future-plan", r)))
            .WithName("AddFuturePlanGoal").WithSummary("Add a goal in one life domain, in her own words");
        plan.MapPut("/goals/{goalId:guid}", async (Guid id, Guid goalId, ChangeGoalRequest body, CurrentActor current, FuturePlans handler, CancellationToken ct) =>
            (await handler.ChangeGoalAsync(await current.RequireAsync(ct), id, goalId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("ChangeFuturePlanGoal").WithSummary("Change the words of a goal");
        plan.MapPost("/steps", async (Guid id, AddStepRequest body, CurrentActor current, FuturePlans handler, CancellationToken ct) =>
            (await handler.AddStepAsync(await current.RequireAsync(ct), id, body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/future-plan", r)))
            .WithName("AddFuturePlanStep").WithSummary("Add a step towards a goal: what, who (she, a professional of the team, someone from her network) and when");
        plan.MapPut("/steps/{stepId:guid}", async (Guid id, Guid stepId, ChangeStepRequest body, CurrentActor current, FuturePlans handler, CancellationToken ct) =>
            (await handler.ChangeStepAsync(await current.RequireAsync(ct), id, stepId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("ChangeFuturePlanStep").WithSummary("Change a step: its text, who takes it, its due date or its status");
        return api;
    }
}

internal sealed class FuturePlanGoalConfiguration : IEntityTypeConfiguration<FuturePlanGoal>
{
    public void Configure(EntityTypeBuilder<FuturePlanGoal> e)
    {
        e.ToTable("FuturePlanGoals");
        e.Property(x => x.Domain).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.InHerWords).HasMaxLength(FuturePlanGoal.WordsMaxLength);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.TrajectoryId, x.Domain });
    }
}

internal sealed class FuturePlanStepConfiguration : IEntityTypeConfiguration<FuturePlanStep>
{
    public void Configure(EntityTypeBuilder<FuturePlanStep> e)
    {
        e.ToTable("FuturePlanSteps");
        e.Property(x => x.Description).HasMaxLength(FuturePlanStep.DescriptionMaxLength);
        e.Property(x => x.OwnerKind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.OwnerName).HasMaxLength(FuturePlanStep.OwnerNameMaxLength);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<FuturePlanGoal>().WithMany().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.OwnerProfessionalId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.DueOn });
        e.HasIndex(x => x.GoalId);
    }
}

internal sealed class FuturePlanChangeConfiguration : IEntityTypeConfiguration<FuturePlanChange>
{
    public void Configure(EntityTypeBuilder<FuturePlanChange> e)
    {
        e.ToTable("FuturePlanChanges");
        e.Property(x => x.Domain).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Summary).HasMaxLength(400);
        e.Property(x => x.Before).HasMaxLength(FuturePlanChange.TextMaxLength);
        e.Property(x => x.After).HasMaxLength(FuturePlanChange.TextMaxLength);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.ChangedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.ChangedAt });
    }
}
