using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.ReportingCode;

/// <summary>The reporting code's weighing framework in a trajectory.</summary>
internal static class ReportingCodeModule
{
    public static IServiceCollection AddReportingCode(this IServiceCollection services) => services.AddScoped<ReportingCodeDecisions>()
        .AddStepPlanStep(ReportingCodeTaskKinds.ReportingCodeDecision, order: 40, days: 14);

    public static RouteGroupBuilder MapReportingCode(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/trajectories/{id:guid}/reporting-code").WithTags("Reporting code");
        group.MapGet("/", async (Guid id, CurrentActor current, ReportingCodeDecisions handler, CancellationToken ct) =>
            (await handler.ListAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("ListReportingCodeWeighings").WithSummary("The weighings under the reporting code, newest first");
        group.MapPost("/", async (Guid id, RecordReportingCodeRequest body, CurrentActor current, ReportingCodeDecisions handler, CancellationToken ct) =>
            (await handler.RecordAsync(await current.RequireAsync(ct), id, body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/reporting-code", r)))
            .WithName("RecordReportingCodeWeighing").WithSummary("Record a weighing: the five questions in order, each answer with its explanation, up to the answer that ends it");
        return api;
    }
}

internal sealed class ReportingCodeWeighingConfiguration : IEntityTypeConfiguration<ReportingCodeWeighing>
{
    public void Configure(EntityTypeBuilder<ReportingCodeWeighing> e)
    {
        e.ToTable("ReportingCodeWeighings");
        e.Ignore(x => x.Answers);
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(32);
        foreach (var name in new[] { nameof(ReportingCodeWeighing.SuspicionExplanation), nameof(ReportingCodeWeighing.UnsafetyExplanation),
                     nameof(ReportingCodeWeighing.CanHelpExplanation), nameof(ReportingCodeWeighing.HelpAcceptedExplanation),
                     nameof(ReportingCodeWeighing.HelpEffectiveExplanation) })
        {
            e.Property(name).HasMaxLength(ReportingCodeWeighing.ExplanationMaxLength);
        }

        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.RecordedAt });
    }
}
