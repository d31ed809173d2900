
namespace Traject.Web.Modules.Statistics;

/// <summary>Published figures after disclosure control: the national figures for national reporters.</summary>
internal static class StatisticsModule
{
    public static IServiceCollection AddStatistics(this IServiceCollection services) => services.AddScoped<NationalFigures>();

    public static RouteGroupBuilder MapStatistics(this RouteGroupBuilder api)
    {
        api.MapGet("/statistics/national", async (string? year, string? table, CurrentActor current, NationalFigures figures, CancellationToken ct) =>
            {
                var actor = await current.RequireAsync(ct);
                if (!NationalFigures.MaySee(actor))
                {
                    return Error.Forbidden("Only national reporters see the national figures.").ToProblem();
                }

                var name = NationalFigures.TableName(table);
                if (!name.IsSuccess)
                {
                    return name.Error!.ToProblem();
                }

                return (await figures.GetAsync(actor, year, ct)).ToHttp(v => TypedResults.Ok(v.Table(name.Value).Table));
            })
            .WithTags("Statistics")
            .WithName("GetNationalFigures").WithSummary("National figures of a year (default: this year) for national reporters: table=victims (table 2.1: nationality, "
                + "of which minors, with shares), exploitation, region or organisation-kind; counts from 1 to 4 as \"<5\" and cells hidden "
                + "to protect them as \"x\", both with value null");
        return api;
    }
}
