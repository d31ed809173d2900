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
            .WithName("PoolSignals").WithSummary("Pool signals about a young person outside your care team, by name and date of birth. The answer is the same whether she is known or not.");
        api.MapGet("/trajectories/{id:guid}/pooled-signals", async (Guid id, CurrentActor current, PooledSignalQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Signal pooling")
            .WithName("ListPooledSignals").WithSummary("Pooled signals filed to this trajectory, for its coordinator and the lead organisation's designated experts");
        return api;
    }
}
