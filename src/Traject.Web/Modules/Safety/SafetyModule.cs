using Traject.Web.Common.Telemetry;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Safety;

/// <summary>Safety: the assessment and plan, acute medical care, missing episodes and incidents in groups.</summary>
internal static class SafetyModule
{
    public static IServiceCollection AddSafety(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<MissingEpisodeOptions>().Bind(config.GetSection(MissingEpisodeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetricsSource<MissingEpisodeMetrics>();
        return services.AddScoped<SafetyRecords>().AddScoped<IClosingGuard, SafetyClosingGuard>().AddScoped<MissingEpisodes>().AddScoped<GroupIncidents>().AddScoped<MissingEpisodeReminders>()
            .AddHostedService<MissingEpisodeReminderJob>()
            .AddStepPlanStep(SafetyTaskKinds.SafetyAssessment, order: 20, days: 7, acuteDays: 1)
            .AddHandler<TrajectoryStatusChanged, SafetyOnStatusChange>()
            .AddHandler<Placements.PlacementStarted, SafetyOnPlacement>()
            .AddHandler<Placements.PlacementPhaseChanged, SafetyOnPlacement>();
    }

    public static RouteGroupBuilder MapSafety(this RouteGroupBuilder api)
    {
        var safety = api.MapGroup("/trajectories/{id:guid}/safety").WithTags("Safety");
        safety.MapGet("/", async (Guid id, CurrentActor current, SafetyRecords handler, CancellationToken ct) =>
            (await handler.OverviewAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetSafety").WithSummary("The safety picture: latest assessment and level, re-assessment due date, plan, facts, acute medical care, missing episodes");
        safety.MapPost("/assessments", async (Guid id, RecordAssessmentRequest body, CurrentActor current, SafetyRecords handler, CancellationToken ct) =>
            (await handler.AssessAsync(await current.RequireAsync(ct), id, body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/safety/assessments/{r.Id}", r)))
            .WithName("RecordSafetyAssessment").WithSummary("Record a safety assessment: every item rated; the level defaults to the suggestion, another level needs a reason");
        safety.MapGet("/assessments/{assessmentId:guid}", async (Guid id, Guid assessmentId, CurrentActor current, SafetyRecords handler, CancellationToken ct) =>
            (await handler.GetAssessmentAsync(await current.RequireAsync(ct), id, assessmentId, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetSafetyAssessment").WithSummary("One safety assessment with its ratings, suggestion and reasons");
        safety.MapPut("/plan", async (Guid id, SafetyPlanRequest body, CurrentActor current, SafetyRecords handler, CancellationToken ct) =>
            (await handler.SetPlanAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("SetSafetyPlan").WithSummary("Set the safety plan as a whole: measures with owners and the review date (version 0 for the first plan)");
        safety.MapPut("/context", async (Guid id, SafetyContextRequest body, CurrentActor current, SafetyRecords handler, CancellationToken ct) =>
            (await handler.SetContextAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("SetSafetyContext").WithSummary("Set whether a parent may be involved in the exploitation, and her home region");
        safety.MapPost("/medical-events", async (Guid id, AcuteMedicalRequest body, CurrentActor current, SafetyRecords handler, CancellationToken ct) =>
            (await handler.RecordMedicalAsync(await current.RequireAsync(ct), id, body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/safety", r)))
            .WithName("RecordAcuteMedicalCare").WithSummary("Record acute medical care: what, where, when; optionally after a missing episode");

        var missing = api.MapGroup("/trajectories/{id:guid}/missing-episodes").WithTags("Missing episodes");
        missing.MapGet("/", async (Guid id, CurrentActor current, MissingEpisodes handler, CancellationToken ct) =>
            (await handler.ListAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("ListMissingEpisodes").WithSummary("The missing episodes of a trajectory, newest first");
        missing.MapPost("/", async (Guid id, ReportMissingRequest body, CurrentActor current, MissingEpisodes handler, CancellationToken ct) =>
            (await handler.ReportAsync(await current.RequireAsync(ct), id, body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/missing-episodes/{r.Id}", r)))
            .WithName("ReportMissingEpisode").WithSummary("Report a missing episode; answers the list of whom to inform");
        missing.MapGet("/{episodeId:guid}", async (Guid id, Guid episodeId, CurrentActor current, MissingEpisodes handler, CancellationToken ct) =>
            (await handler.GetAsync(await current.RequireAsync(ct), id, episodeId, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetMissingEpisode").WithSummary("One missing episode with the list of whom to inform and, once closed, the return conversation");
        missing.MapPost("/{episodeId:guid}/notices/{noticeId:guid}/informed", async (Guid id, Guid episodeId, Guid noticeId, InformedRequest body,
                CurrentActor current, MissingEpisodes handler, CancellationToken ct) =>
            (await handler.InformedAsync(await current.RequireAsync(ct), id, episodeId, noticeId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("RecordMissingNoticeInformed").WithSummary("Record that a party on the list was informed: how, when and by whom");
        missing.MapPost("/{episodeId:guid}/close", async (Guid id, Guid episodeId, CloseMissingRequest body, CurrentActor current,
                MissingEpisodes handler, CancellationToken ct) =>
            (await handler.CloseAsync(await current.RequireAsync(ct), id, episodeId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("CloseMissingEpisode").WithSummary("Close a missing episode: found when, where and by whom, acute medical need, the return conversation");

        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapGet("/", async (CurrentActor current, GroupIncidents handler, CancellationToken ct) =>
            (await handler.ListAsync(await current.RequireAsync(ct), ct)).ToHttp(TypedResults.Ok))
            .WithName("ListIncidents").WithSummary("The incidents in groups of my organisation (quality officers and designated experts)");
        incidents.MapPost("/", async (RecordIncidentRequest body, CurrentActor current, GroupIncidents handler, CancellationToken ct) =>
            (await handler.RecordAsync(await current.RequireAsync(ct), body, ct)).ToHttp(r => TypedResults.Created("/api/v1/incidents", r)))
            .WithName("RecordIncident").WithSummary("Record an incident in a group (sexual abuse, recruitment, boundary-crossing behaviour) with the actions taken");
        incidents.MapPut("/{id:guid}/actions", async (Guid id, IncidentActionsRequest body, CurrentActor current, GroupIncidents handler, CancellationToken ct) =>
            (await handler.UpdateActionsAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("UpdateIncidentActions").WithSummary("Record the actions taken after an incident (quality officers and designated experts)");
        return api;
    }
}
