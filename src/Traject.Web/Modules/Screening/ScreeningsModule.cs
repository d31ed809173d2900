using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Screening;

/// <summary>Screenings in the dossier: recording, the multidisciplinary weighing and the step plan.</summary>
internal static class ScreeningsModule
{
    public static IServiceCollection AddScreenings(this IServiceCollection services) => services.AddScoped<Screenings>();

    public static RouteGroupBuilder MapScreenings(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/trajectories/{id:guid}/screenings").WithTags("Screenings");
        group.MapGet("/", async (Guid id, CurrentActor current, Screenings handler, CancellationToken ct) =>
            (await handler.ListAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithSummary("The screenings of a trajectory, newest first, with suggestion, status and final classification");
        group.MapPost("/", async (Guid id, RecordScreeningRequest body, CurrentActor current, Screenings handler, CancellationToken ct) =>
            (await handler.RecordAsync(await current.RequireAsync(ct), id, body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/screenings/{r.Id}", r)))
            .WithSummary("Record a screening: observed signals with date, source and note; answers the suggested classification and its explanation");
        group.MapGet("/{screeningId:guid}", async (Guid id, Guid screeningId, CurrentActor current, Screenings handler, CancellationToken ct) =>
            (await handler.GetAsync(await current.RequireAsync(ct), id, screeningId, ct)).ToHttp(TypedResults.Ok))
            .WithSummary("One screening: signals, suggestion and explanation, weighings, status and final classification");
        group.MapPost("/{screeningId:guid}/weighings", async (Guid id, Guid screeningId, RecordWeighingRequest body, CurrentActor current,
                Screenings handler, CancellationToken ct) =>
            (await handler.WeighAsync(await current.RequireAsync(ct), id, screeningId, body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/screenings/{screeningId}", r)))
            .WithSummary("Record one professional's weighing (participants, date, conclusion, reason when it differs from the suggestion)");
        return api;
    }
}

internal sealed class ScreeningConfiguration : IEntityTypeConfiguration<Screening>
{
    public void Configure(EntityTypeBuilder<Screening> e)
    {
        e.ToTable("Screenings");
        e.Property(x => x.InstrumentVersion).HasMaxLength(32);
        e.Property(x => x.Suggestion).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.FinalClassification).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.RiskProfiles).HasMaxLength(200);
        e.HasMany(x => x.Signals).WithOne().HasForeignKey(x => x.ScreeningId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Weighings).WithOne().HasForeignKey(x => x.ScreeningId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.RecordedAt });
    }
}

internal sealed class ScreeningSignalConfiguration : IEntityTypeConfiguration<ScreeningSignal>
{
    public void Configure(EntityTypeBuilder<ScreeningSignal> e)
    {
        e.ToTable("ScreeningSignals");
        e.Property(x => x.Code).HasMaxLength(64);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Note).HasMaxLength(ScreeningSignal.NoteMaxLength);
    }
}

internal sealed class ScreeningWeighingConfiguration : IEntityTypeConfiguration<ScreeningWeighing>
{
    public void Configure(EntityTypeBuilder<ScreeningWeighing> e)
    {
        e.ToTable("ScreeningWeighings");
        e.Property(x => x.Participants).HasMaxLength(ScreeningWeighing.ParticipantsMaxLength);
        e.Property(x => x.Conclusion).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.DeviationReason).HasMaxLength(ScreeningWeighing.ReasonMaxLength);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        // One weighing per professional per screening, also when two arrive at the same moment.
        e.HasIndex(x => new { x.ScreeningId, x.ProfessionalId }).IsUnique();
    }
}
