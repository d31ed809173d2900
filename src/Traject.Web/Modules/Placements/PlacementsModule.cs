using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Placements;

/// <summary>The catalogue of care programmes, and placements with their phases, next step and time-outs.</summary>
internal static class PlacementsModule
{
    public static IServiceCollection AddPlacements(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<PlacementOptions>().Bind(config.GetSection(PlacementOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<CareProgrammes>().AddScoped<PlacementRecords>().AddScoped<IClosingGuard, PlacementsClosingGuard>()
            .AddHandler<PlacementStarted, ActiveOnPlacement>();
    }

    public static RouteGroupBuilder MapPlacements(this RouteGroupBuilder api)
    {
        var catalogue = api.MapGroup("/care-programmes").WithTags("Care programmes");
        catalogue.MapGet("/", async (bool? includeInactive, CareProgrammes programmes, CancellationToken ct) =>
                TypedResults.Ok(await programmes.ListAsync(includeInactive ?? false, ct)))
            .WithName("ListCareProgrammes").WithSummary("The catalogue: every programme with its current version, phases, restrictions and capacity");
        catalogue.MapGet("/{id:guid}", async (Guid id, int? version, CareProgrammes programmes, CancellationToken ct) =>
                (await programmes.GetAsync(id, version, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetCareProgramme").WithSummary("One programme: its current version, or ?version=N, and the list of its versions");
        catalogue.MapPost("/", async (CareProgrammeRequest body, CurrentActor current, CareProgrammes programmes, CancellationToken ct) =>
                (await programmes.CreateAsync(await current.RequireAsync(ct), body, ct))
                    .ToHttp(r => TypedResults.Created($"/api/v1/care-programmes/{r.Id}", r)))
            .WithName("CreateCareProgramme").WithSummary("Add a programme to the catalogue (administrators)");
        catalogue.MapPut("/{id:guid}", async (Guid id, CareProgrammeRequest body, CurrentActor current, CareProgrammes programmes, CancellationToken ct) =>
                (await programmes.PublishAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("PublishCareProgramme").WithSummary("Publish a new version of a programme (administrators); placements keep the version they began with");
        catalogue.MapPut("/{id:guid}/capacity", async (Guid id, CapacityRequest body, CurrentActor current, CareProgrammes programmes, CancellationToken ct) =>
                (await programmes.UpdateCapacityAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("UpdateCareProgrammeCapacity").WithSummary("Places, occupied places and expected waiting weeks (the programme's own organisation, or administrators)");

        var placements = api.MapGroup("/trajectories/{id:guid}/placements").WithTags("Placements");
        placements.MapGet("/", async (Guid id, CurrentActor current, PlacementRecords handler, CancellationToken ct) =>
                (await handler.ListAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("ListPlacements").WithSummary("The placements of a trajectory, current first, with phase, restrictions, next step, time-outs and warnings");
        placements.MapPost("/", async (Guid id, StartPlacementRequest body, CurrentActor current, PlacementRecords handler, CancellationToken ct) =>
                (await handler.StartAsync(await current.RequireAsync(ct), id, body, ct))
                    .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/placements/{r.Id}", r)))
            .WithName("StartPlacement").WithSummary("Start a placement in a programme (coordinator or designated expert); a programme that does not serve her gender needs genderArgument");
        placements.MapGet("/{placementId:guid}", async (Guid id, Guid placementId, CurrentActor current, PlacementRecords handler, CancellationToken ct) =>
                (await handler.GetAsync(await current.RequireAsync(ct), id, placementId, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetPlacement").WithSummary("One placement with phase, restrictions, next step, time-outs and warnings");
        placements.MapPost("/{placementId:guid}/phase", async (Guid id, Guid placementId, ChangePhaseRequest body, CurrentActor current,
                PlacementRecords handler, CancellationToken ct) =>
                (await handler.ChangePhaseAsync(await current.RequireAsync(ct), id, placementId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("ChangePlacementPhase").WithSummary("Move her to another phase of the programme, from a date; going back needs a note");
        placements.MapPut("/{placementId:guid}/next-step", async (Guid id, Guid placementId, NextStepRequest body, CurrentActor current,
                PlacementRecords handler, CancellationToken ct) =>
                (await handler.NameNextStepAsync(await current.RequireAsync(ct), id, placementId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("NamePlacementNextStep").WithSummary("Name the intended next place and the receiving organisation");
        placements.MapPost("/{placementId:guid}/time-outs", async (Guid id, Guid placementId, TimeOutRequest body, CurrentActor current,
                PlacementRecords handler, CancellationToken ct) =>
                (await handler.AddTimeOutAsync(await current.RequireAsync(ct), id, placementId, body, ct))
                    .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/placements/{placementId}", r)))
            .WithName("AddPlacementTimeOut").WithSummary("Record a short closed time-out inside the placement, which goes on meanwhile; without endsOn it lasts two weeks");
        placements.MapPost("/{placementId:guid}/end", async (Guid id, Guid placementId, EndPlacementRequest body, CurrentActor current,
                PlacementRecords handler, CancellationToken ct) =>
                (await handler.EndAsync(await current.RequireAsync(ct), id, placementId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("EndPlacement").WithSummary("End the placement: date and reason");
        return api;
    }
}
