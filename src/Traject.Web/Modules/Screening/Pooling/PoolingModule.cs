using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Screening.Pooling;

/// <summary>Signal pooling: signals about a young person from professionals outside her care team.</summary>
internal static class PoolingModule
{
    public static IServiceCollection AddPooling(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<PoolingOptions>().Bind(config.GetSection(PoolingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<SignalPooling>().AddScoped<PooledSignalQueries>();
    }

    public static RouteGroupBuilder MapPooling(this RouteGroupBuilder api)
    {
        api.MapPost("/signals", async (PoolSignalsRequest body, CurrentActor current, SignalPooling pooling, CancellationToken ct) =>
            (await pooling.PoolAsync(await current.RequireAsync(ct), body, ct)).ToHttp(r => TypedResults.Accepted((string?)null, r)))
            .WithTags("Signal pooling")
            .WithSummary("Pool signals about a young person outside your care team, by name and date of birth. The answer is the same whether she is known or not.");
        api.MapGet("/trajectories/{id:guid}/pooled-signals", async (Guid id, CurrentActor current, PooledSignalQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Signal pooling")
            .WithSummary("Pooled signals filed to this trajectory, for its coordinator and the lead organisation's designated experts");
        return api;
    }
}

internal sealed class PooledSignalConfiguration : IEntityTypeConfiguration<PooledSignal>
{
    public void Configure(EntityTypeBuilder<PooledSignal> e)
    {
        e.ToTable("PooledSignals");
        e.Property(x => x.Receipt).HasMaxLength(16).IsRequired();
        e.Property(x => x.Code).HasMaxLength(SignalPooling.MaxCodeLength).IsRequired();
        e.Property(x => x.InstrumentVersion).HasMaxLength(64).IsRequired();
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Note).HasMaxLength(PooledSignal.NoteMaxLength);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.YoungPersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.SignalledById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.SignalledByOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.ReceivedAt });
        e.HasIndex(x => x.YoungPersonId);
    }
}
