using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Aftercare;

/// <summary>Aftercare plans, the follow-up contacts after the end of care, and what aftercare adds to the lifecycle.</summary>
internal static class AftercareModule
{
    public static IServiceCollection AddAftercare(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AftercareOptions>().Bind(config.GetSection(AftercareOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<Aftercares>().AddScoped<KeptFollowUps>().AddScoped<IClosingGuard, AftercareClosingGuard>().AddScoped<IAccessGrant, AftercareTrustedGrant>()
            .AddHandler<TrajectoryStatusChanged, FollowUpsAtEndOfCare>()
            .AddHandler<PlacementEnded, AftercareWhenCareEnds>();
    }

    public static RouteGroupBuilder MapAftercare(this RouteGroupBuilder api)
    {
        api.MapGet("/follow-ups/kept", async (CurrentActor current, KeptFollowUps kept, CancellationToken ct) =>
                TypedResults.Ok(await kept.ListAsync(await current.RequireAsync(ct), ct)))
            .WithTags("Aftercare").WithName("ListKeptFollowUps")
            .WithSummary("The young people whose follow-up contacts I keep as the aftercare's trusted professional, each with her next contact");
        var group = api.MapGroup("/trajectories/{id:guid}/aftercare").WithTags("Aftercare");
        group.MapGet("/", async (Guid id, CurrentActor current, Aftercares handler, CancellationToken ct) =>
            (await handler.GetAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetAftercare").WithSummary("The aftercare plan and the follow-up contacts after the end of care, with their outcomes");
        group.MapPut("/plan", async (Guid id, SaveAftercarePlanRequest body, CurrentActor current, Aftercares handler, CancellationToken ct) =>
            (await handler.SavePlanAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("SaveAftercarePlan").WithSummary("Record or change the aftercare plan (duration, contact frequency, trusted professional, practical support); give the version when changing");
        group.MapPost("/follow-ups/{followUpId:guid}/outcome", async (Guid id, Guid followUpId, RecordFollowUpRequest body, CurrentActor current,
                Aftercares handler, CancellationToken ct) =>
            (await handler.RecordOutcomeAsync(await current.RequireAsync(ct), id, followUpId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("RecordFollowUpOutcome").WithSummary("Record the outcome of a follow-up contact (stable, new signals, victimised again, not reached); finishes its task");
        return api;
    }
}

internal sealed class AftercarePlanConfiguration : IEntityTypeConfiguration<AftercarePlan>
{
    public void Configure(EntityTypeBuilder<AftercarePlan> e)
    {
        e.ToTable("AftercarePlans");
        e.Property(x => x.ContactFrequency).HasConversion<string>().HasMaxLength(16);
        e.Ignore(x => x.EndsOn);
        e.HasMany(x => x.Support).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Placements.Placement>().WithMany().HasForeignKey(x => x.PlacementId).OnDelete(DeleteBehavior.NoAction);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.TrustedProfessionalId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.TrajectoryId).IsUnique();
    }
}

internal sealed class AftercareSupportConfiguration : IEntityTypeConfiguration<AftercareSupport>
{
    public void Configure(EntityTypeBuilder<AftercareSupport> e)
    {
        e.ToTable("AftercareSupport");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Note).HasMaxLength(AftercarePlan.SupportNoteMaxLength);
        e.HasIndex(x => new { x.PlanId, x.Kind }).IsUnique();
    }
}

internal sealed class FollowUpContactConfiguration : IEntityTypeConfiguration<FollowUpContact>
{
    public void Configure(EntityTypeBuilder<FollowUpContact> e)
    {
        e.ToTable("FollowUpContacts");
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Note).HasMaxLength(FollowUpContact.NoteMaxLength);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<CareTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.TrajectoryId, x.Months }).IsUnique();
    }
}
