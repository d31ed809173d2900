using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Continuity;

/// <summary>Continuity of care: turning 18 (the checklist, the coordinator's task and the closing rule) and the trajectory overview.</summary>
internal static class ContinuityModule
{
    public static IServiceCollection AddContinuity(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<TurningEighteenOptions>().Bind(config.GetSection(TurningEighteenOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<ContinuityChecklists>().AddScoped<ContinuitySchedule>().AddScoped<TrajectoryOverviews>()
            .AddHostedService<ContinuityScheduler>()
            .AddScoped<IClosingGuard, ContinuityClosingGuard>();
    }

    public static RouteGroupBuilder MapContinuity(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/trajectories/{id:guid}").WithTags("Continuity");
        group.MapGet("/continuity", async (Guid id, CurrentActor current, ContinuityChecklists handler, CancellationToken ct) =>
            (await handler.GetAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetContinuityChecklist").WithSummary("Turning 18: the birthday, when the checklist starts, and the checklist");
        group.MapPut("/continuity", async (Guid id, UpdateContinuityRequest body, CurrentActor current, ContinuityChecklists handler, CancellationToken ct) =>
            (await handler.UpdateAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("UpdateContinuityChecklist").WithSummary("Settle items of the continuity checklist (arranged or not needed, each with a note)");
        group.MapGet("/overview", async (Guid id, CurrentActor current, TrajectoryOverviews handler, CancellationToken ct) =>
            (await handler.GetAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetTrajectoryOverview").WithSummary("The whole trajectory at a glance: who was involved when, open tasks, the future plan's progress and turning 18");
        return api;
    }
}

internal sealed class ContinuityChecklistConfiguration : IEntityTypeConfiguration<ContinuityChecklist>
{
    public void Configure(EntityTypeBuilder<ContinuityChecklist> e)
    {
        e.ToTable("ContinuityChecklists");
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<CareTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.ChecklistId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.TrajectoryId).IsUnique();
        e.HasIndex(x => x.TaskId);
    }
}

internal sealed class ContinuityChecklistItemConfiguration : IEntityTypeConfiguration<ContinuityChecklistItem>
{
    public void Configure(EntityTypeBuilder<ContinuityChecklistItem> e)
    {
        e.ToTable("ContinuityChecklistItems");
        e.Property(x => x.Item).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Note).HasMaxLength(ContinuityChecklistItem.NoteMaxLength);
        e.HasIndex(x => new { x.ChecklistId, x.Item }).IsUnique();
    }
}
