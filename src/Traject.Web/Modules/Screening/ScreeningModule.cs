using Microsoft.Extensions.Localization;
using Traject.Web.Modules.Screening.Pooling;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Screening;

/// <summary>Signalling and screening: the instrument, the engine, screenings, weighings and pooled signals.</summary>
internal static class ScreeningModule
{
    public static IServiceCollection AddScreening(this IServiceCollection services, IConfiguration config) =>
        services.AddSingleton<IInstrumentStore, InstrumentStore>().AddScoped<InstrumentPublishing>().AddScoped<Screenings>().AddPooling(config)
            .AddHandler<TrajectoryStarted, IntakeScreeningTask>()
            .AddHandler<SuspicionConfirmed, ActiveOnSuspicion>();

    public static RouteGroupBuilder MapScreening(this RouteGroupBuilder api) => api.MapInstrument().MapScreenings().MapPooling();

    /// <summary>The instrument and its versions, and the stateless evaluation. No young person's data is involved.</summary>
    private static RouteGroupBuilder MapInstrument(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/screening").WithTags("Screening");
        group.MapGet("/instrument", async (string? version, IInstrumentStore store, CancellationToken ct) =>
                ((version is null ? await store.CurrentAsync(ct) : await store.FindAsync(version, ct)) is { } instrument
                    ? InstrumentJson.ToDocument(instrument)
                    : (Result<InstrumentDocument>)Error.NotFound()).ToHttp(TypedResults.Ok))
            .WithName("GetInstrument").WithSummary("The signal list of the current instrument version, or of ?version=");
        group.MapGet("/instrument/versions", async (InstrumentPublishing versions, CancellationToken ct) =>
                TypedResults.Ok(await versions.ListAsync(ct)))
            .WithName("ListInstrumentVersions").WithSummary("The published instrument versions, newest (current) first");
        group.MapPost("/instrument/versions", async (InstrumentDocument body, CurrentActor current, InstrumentPublishing versions, CancellationToken ct) =>
                (await versions.PublishAsync(await current.RequireAsync(ct), body, ct))
                    .ToHttp(r => TypedResults.Created($"/api/v1/screening/instrument?version={Uri.EscapeDataString(r.Version)}", r)))
            .WithName("PublishInstrumentVersion").WithSummary("Publish a new instrument version (administrators): the same JSON as GET /screening/instrument, under a new version name");
        group.MapPost("/evaluate", async (EvaluateRequest body, IInstrumentStore store, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                Evaluation.Evaluate(body, await Evaluation.ResolveAsync(body, store.CurrentAsync, store, ct), l).ToHttp(TypedResults.Ok))
            .WithName("EvaluateScreening").WithSummary("Suggest a classification for a date of birth, an observation date and observed signal codes; stores nothing");
        return api;
    }

    /// <summary>A trajectory's screenings and their weighing.</summary>
    private static RouteGroupBuilder MapScreenings(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/trajectories/{id:guid}/screenings").WithTags("Screenings");
        group.MapGet("/", async (Guid id, CurrentActor current, Screenings handler, CancellationToken ct) =>
            (await handler.ListAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("ListScreenings").WithSummary("The screenings of a trajectory, newest first, with suggestion, status and final classification");
        group.MapPost("/", async (Guid id, RecordScreeningRequest body, CurrentActor current, Screenings handler, CancellationToken ct) =>
            (await handler.RecordAsync(await current.RequireAsync(ct), id, body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/screenings/{r.Id}", r)))
            .WithName("RecordScreening").WithSummary("Record a screening: observed signals with date, source and note; answers the suggested classification and its explanation");
        group.MapGet("/{screeningId:guid}", async (Guid id, Guid screeningId, CurrentActor current, Screenings handler, CancellationToken ct) =>
            (await handler.GetAsync(await current.RequireAsync(ct), id, screeningId, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetScreening").WithSummary("One screening: signals, suggestion and explanation, weighings, status and final classification");
        group.MapPost("/{screeningId:guid}/weighings", async (Guid id, Guid screeningId, RecordWeighingRequest body, CurrentActor current,
                Screenings handler, CancellationToken ct) =>
            (await handler.WeighAsync(await current.RequireAsync(ct), id, screeningId, body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/screenings/{screeningId}", r)))
            .WithName("RecordScreeningWeighing").WithSummary("Record one professional's weighing (participants, date, conclusion, reason when it differs from the suggestion)");
        return api;
    }
}
