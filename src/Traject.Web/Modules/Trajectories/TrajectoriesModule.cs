using Microsoft.AspNetCore.Http.HttpResults;
using Traject.Web.Modules.Trajectories.Access;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Trajectories;

/// <summary>Young people and their trajectories: registration, dossier, care team, coordinator and timeline.</summary>
internal static class TrajectoriesModule
{
    public static IServiceCollection AddTrajectories(this IServiceCollection services) => services
        .AddScoped<DossierDoor>()
        .AddScoped<DossierViews>()
        .AddScoped<AccessPolicy>()
        .AddScoped<OpenTrajectory>()
        .AddScoped<YoungPersonRegistry>()
        .AddScoped<RegisterYoungPerson>()
        .AddScoped<YoungPersonRecord>()
        .AddScoped<AccessOverview>()
        .AddScoped<TrajectoryQueries>()
        .AddScoped<TrajectoryLifecycle>()
        .AddScoped<TrajectoryRecords>();

    public static RouteGroupBuilder MapTrajectories(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/young-people").WithTags("Young people");
        people.MapPost("/", async (RegisterYoungPersonRequest body, CurrentActor current, RegisterYoungPerson handler, CancellationToken ct) =>
            (await handler.HandleAsync(await current.RequireAsync(ct), body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/young-people/{r.Pseudonym}", r)))
            .WithName("RegisterYoungPerson").WithSummary("Register a young person and open her first trajectory");
        people.MapGet("/{key}", async (string key, CurrentActor current, YoungPersonRecord handler, CancellationToken ct) =>
            (await handler.GetAsync(await current.RequireAsync(ct), key, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetYoungPerson").WithSummary("A young person's personal details and her trajectories, by pseudonym or id");
        people.MapPut("/{key}", async (string key, UpdateYoungPersonRequest body, CurrentActor current, YoungPersonRecord handler, CancellationToken ct) =>
            (await handler.UpdateAsync(await current.RequireAsync(ct), key, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("UpdateYoungPerson").WithSummary("Correct a young person's personal details (send the version you read)");
        people.MapGet("/{key}/access-log", async (string key, string? format, DateOnly? from, DateOnly? to, Guid? organisationId, int? page, int? pageSize,
                CurrentActor current, AccessOverview overview, CancellationToken ct) =>
            format is not (null or "json" or "csv")
                ? Error.Invalid("format", "Use 'json' or 'csv'.").ToProblem()
                : (await overview.GetAsync(await current.RequireAsync(ct), key, new AccessLogQuery(from, to, organisationId, page ?? 1, pageSize ?? 100),
                    format == "csv", ct)).ToHttp(log => format == "csv"
                    ? (Results<FileContentHttpResult, Ok<AccessLog>>)TypedResults.File(System.Text.Encoding.UTF8.GetBytes(AccessOverview.ToCsv(log)),
                        "text/csv; charset=utf-8", $"access-{log.Pseudonym}.csv")
                    : TypedResults.Ok(log)))
            .WithName("GetAccessLog").WithSummary("Who opened or changed her dossier, newest first: paged (page, pageSize ≤ 500, total), "
                + "filtered by period (from, to) and organisation; format=csv exports the whole selection")
            .ProducesContent("text/csv");
        people.MapPost("/{key}/trajectories", async (string key, OpenTrajectoryRequest body, CurrentActor current, OpenTrajectory handler, CancellationToken ct) =>
            (await handler.HandleAsync(await current.RequireAsync(ct), key, body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{r.TrajectoryId}", r)))
            .WithName("OpenTrajectory").WithSummary("Open a new trajectory for a young person whose earlier trajectory is closed");

        var trajectories = api.MapGroup("/trajectories").WithTags("Trajectories");
        trajectories.MapGet("/{id:guid}", async (Guid id, CurrentActor current, TrajectoryQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetTrajectory").WithSummary("A trajectory's dossier: status, lead organisation, coordinator and history, care team and what you may do");
        trajectories.MapGet("/{id:guid}/timeline", async (Guid id, string? kind, int? page, int? pageSize,
                CurrentActor current, TrajectoryQueries queries, CancellationToken ct) =>
            (await queries.TimelineAsync(await current.RequireAsync(ct), id, kind, page ?? 1, pageSize ?? 50, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetTimeline").WithSummary("The timeline of a trajectory, newest first: paged (page, pageSize), optionally one kind of event");
        trajectories.MapPost("/{id:guid}/status", async (Guid id, ChangeStatusRequest body, CurrentActor current, TrajectoryRecords commands, CancellationToken ct) =>
            (await commands.ChangeStatusAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("ChangeTrajectoryStatus").WithSummary("Change the status by hand, with a reason; closing is refused (409, with every reason and its link) while anything keeps it open");
        trajectories.MapPost("/{id:guid}/early-close", async (Guid id, EarlyCloseRequest body, CurrentActor current, TrajectoryRecords commands, CancellationToken ct) =>
            (await commands.ProposeEarlyCloseAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("ProposeEarlyClose").WithSummary("Propose an argued early close (reason of at least 50 characters) while only the aftercare keeps it open");
        trajectories.MapPost("/{id:guid}/early-close/co-sign", async (Guid id, VersionRequest body, CurrentActor current, TrajectoryRecords commands, CancellationToken ct) =>
            (await commands.CoSignEarlyCloseAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("CoSignEarlyClose").WithSummary("Co-sign the proposed early close (a designated expert of the lead organisation, not the proposer): it closes");
        trajectories.MapPost("/{id:guid}/early-close/withdraw", async (Guid id, VersionRequest body, CurrentActor current, TrajectoryRecords commands, CancellationToken ct) =>
            (await commands.WithdrawEarlyCloseAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("WithdrawEarlyClose").WithSummary("Withdraw the proposed early close");
        trajectories.MapPut("/{id:guid}/coordinator", async (Guid id, ChangeCoordinatorRequest body, CurrentActor current, TrajectoryRecords commands, CancellationToken ct) =>
            (await commands.ChangeCoordinatorAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("ChangeCoordinator").WithSummary("Appoint another coordinator for the trajectory (send the version you read)");
        trajectories.MapPut("/{id:guid}/lead-organisation", async (Guid id, HandOverRequest body, CurrentActor current, TrajectoryRecords commands, CancellationToken ct) =>
            (await commands.HandOverAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("HandOverTrajectory").WithSummary("Hand the trajectory over to another care organisation; its registration decisions travel with it");
        trajectories.MapPost("/{id:guid}/care-team", async (Guid id, AddCareTeamMemberRequest body, CurrentActor current, TrajectoryRecords commands, CancellationToken ct) =>
            (await commands.AddMemberAsync(await current.RequireAsync(ct), id, body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}", r)))
            .WithName("AddCareTeamMember").WithSummary("Add a professional to the care team with a role and period");
        trajectories.MapPost("/{id:guid}/care-team/{membershipId:guid}/end", async (Guid id, Guid membershipId, EndCareTeamMembershipRequest body,
                CurrentActor current, TrajectoryRecords commands, CancellationToken ct) =>
            (await commands.EndMemberAsync(await current.RequireAsync(ct), id, membershipId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("EndCareTeamMembership").WithSummary("End a care-team membership on a date (send the version you read)");
        return api;
    }
}
