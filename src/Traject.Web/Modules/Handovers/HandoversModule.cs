using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Handovers;

/// <summary>Warm hand-overs: proposal, checklist, joint meeting, acceptance or refusal, and the access windows around them.</summary>
internal static class HandoversModule
{
    public static IServiceCollection AddHandovers(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<HandoverOptions>().Bind(config.GetSection(HandoverOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<WarmHandovers>().AddScoped<IAccessGrant, ReceivingGrant>()
            .AddScoped<IClosingGuard, HandoversClosingGuard>();
    }

    public static RouteGroupBuilder MapHandovers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/trajectories/{id:guid}/handovers").WithTags("Hand-overs");
        group.MapGet("/", async (Guid id, CurrentActor current, WarmHandovers handler, CancellationToken ct) =>
            (await handler.ListAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("ListHandovers").WithSummary("The hand-overs of a trajectory, newest first, with checklist, joint meeting and decision");
        group.MapPost("/", async (Guid id, ProposeHandoverRequest body, CurrentActor current, WarmHandovers handler, CancellationToken ct) =>
            (await handler.ProposeAsync(await current.RequireAsync(ct), id, body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/handovers", r)))
            .WithName("ProposeHandover").WithSummary("Propose a hand-over to a receiving professional; she may read the dossier until she accepts or refuses");
        group.MapPost("/{handoverId:guid}/confirm", async (Guid id, Guid handoverId, ConfirmHandoverItemRequest body, CurrentActor current,
                WarmHandovers handler, CancellationToken ct) =>
            (await handler.ConfirmAsync(await current.RequireAsync(ct), id, handoverId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("ConfirmHandoverItem").WithSummary("The receiving professional confirms one checklist item");
        group.MapPut("/{handoverId:guid}/meeting", async (Guid id, Guid handoverId, HandoverMeetingRequest body, CurrentActor current,
                WarmHandovers handler, CancellationToken ct) =>
            (await handler.RecordMeetingAsync(await current.RequireAsync(ct), id, handoverId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("RecordHandoverMeeting").WithSummary("Record the joint meeting with the young person (date, participants)");
        group.MapPost("/{handoverId:guid}/accept", async (Guid id, Guid handoverId, AcceptHandoverRequest body, CurrentActor current,
                WarmHandovers handler, CancellationToken ct) =>
            (await handler.AcceptAsync(await current.RequireAsync(ct), id, handoverId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("AcceptHandover").WithSummary("The receiving professional accepts: she joins the care team, the lead organisation moves, the leaving team keeps access for the grace period");
        group.MapPost("/{handoverId:guid}/refuse", async (Guid id, Guid handoverId, RefuseHandoverRequest body, CurrentActor current,
                WarmHandovers handler, CancellationToken ct) =>
            (await handler.RefuseAsync(await current.RequireAsync(ct), id, handoverId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("RefuseHandover").WithSummary("The receiving professional refuses, with a reason");
        group.MapPost("/{handoverId:guid}/withdraw", async (Guid id, Guid handoverId, WithdrawHandoverRequest body, CurrentActor current,
                WarmHandovers handler, CancellationToken ct) =>
            (await handler.WithdrawAsync(await current.RequireAsync(ct), id, handoverId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("WithdrawHandover").WithSummary("The coordinator or designated expert withdraws a proposed hand-over");
        return api;
    }
}

internal sealed class HandoverConfiguration : IEntityTypeConfiguration<Handover>
{
    public void Configure(EntityTypeBuilder<Handover> e)
    {
        e.ToTable("Handovers");
        e.Property(x => x.Destination).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ReceivingRole).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.MeetingParticipants).HasMaxLength(Handover.ParticipantsMaxLength);
        e.Property(x => x.RefusalReason).HasMaxLength(Handover.ReasonMaxLength);
        e.HasMany(x => x.Checklist).WithOne().HasForeignKey(x => x.HandoverId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Placements.Placement>().WithMany().HasForeignKey(x => x.FromPlacementId).OnDelete(DeleteBehavior.NoAction);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.ToProfessionalId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.FromOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.Status });
        // The access policy looks up proposed hand-overs by their receiving professional.
        e.HasIndex(x => new { x.ToProfessionalId, x.Status });
    }
}

internal sealed class HandoverChecklistItemConfiguration : IEntityTypeConfiguration<HandoverChecklistItem>
{
    public void Configure(EntityTypeBuilder<HandoverChecklistItem> e)
    {
        e.ToTable("HandoverChecklistItems");
        e.Property(x => x.Item).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Note).HasMaxLength(Handover.NoteMaxLength);
        e.HasIndex(x => new { x.HandoverId, x.Item }).IsUnique();
    }
}
