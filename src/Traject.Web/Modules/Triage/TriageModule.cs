using Traject.Web.Modules.Tasks;

namespace Traject.Web.Modules.Triage;

/// <summary>Triage: the problem, risk, needs and strengths analysis and matched care.</summary>
internal static class TriageModule
{
    public static IServiceCollection AddTriage(this IServiceCollection services) =>
        services.AddScoped<ProblemAnalyses>().AddScoped<Recommendations>().AddScoped<CareChoices>().AddScoped<TriageQuality>()
            .AddStepPlanStep(TriageTaskKinds.ReferralForTriage, order: 70, days: 28);

    public static RouteGroupBuilder MapTriage(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/trajectories/{id:guid}/analyses").WithTags("Triage");
        group.MapGet("/", async (Guid id, CurrentActor current, ProblemAnalyses handler, CancellationToken ct) =>
            (await handler.OverviewAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetAnalyses").WithSummary("The analyses of a trajectory, newest first, when the next is due, and whether a parent may be involved");
        group.MapPost("/", async (Guid id, CurrentActor current, ProblemAnalyses handler, CancellationToken ct) =>
            (await handler.StartAsync(await current.RequireAsync(ct), id, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/analyses/{r.Id}", r)))
            .WithName("StartAnalysis").WithSummary("Start a draft analysis as a copy of the latest one (empty the first time)");
        group.MapGet("/compare", async (Guid id, Guid? left, Guid? right, CurrentActor current, ProblemAnalyses handler, CancellationToken ct) =>
            (await handler.CompareAsync(await current.RequireAsync(ct), id, left, right, ct)).ToHttp(TypedResults.Ok))
            .WithName("CompareAnalyses").WithSummary("Two analyses side by side, with the fields that differ");
        group.MapGet("/{analysisId:guid}", async (Guid id, Guid analysisId, CurrentActor current, ProblemAnalyses handler, CancellationToken ct) =>
            (await handler.GetAsync(await current.RequireAsync(ct), id, analysisId, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetAnalysis").WithSummary("One analysis with its signatures");
        group.MapPut("/{analysisId:guid}", async (Guid id, Guid analysisId, SaveAnalysisRequest body, CurrentActor current, ProblemAnalyses handler,
                CancellationToken ct) =>
            (await handler.SaveAsync(await current.RequireAsync(ct), id, analysisId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("SaveAnalysis").WithSummary("Change a draft analysis (withdraws the signatures given so far)");
        group.MapPost("/{analysisId:guid}/signatures", async (Guid id, Guid analysisId, SignAnalysisRequest body, CurrentActor current,
                ProblemAnalyses handler, CancellationToken ct) =>
            (await handler.SignAsync(await current.RequireAsync(ct), id, analysisId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("SignAnalysis").WithSummary("Sign a draft analysis as it is (its version); two professionals, one a behavioural scientist, make it signed");
        api.MapGet("/trajectories/{id:guid}/recommendation", async (Guid id, CurrentActor current, Recommendations handler, CancellationToken ct) =>
            (await handler.GetAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Triage")
            .WithName("GetRecommendation").WithSummary("Matched care: the care programmes ranked for her, with a reason per rule (needs a signed analysis)");
        var choices = api.MapGroup("/trajectories/{id:guid}/care-choices").WithTags("Triage");
        choices.MapGet("/", async (Guid id, CurrentActor current, CareChoices handler, CancellationToken ct) =>
            (await handler.ListAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("ListCareChoices").WithSummary("The professional's choices of a care programme: the current one and the history, with the recommendation each was made against");
        choices.MapPost("/", async (Guid id, RecordCareChoiceRequest body, CurrentActor current, CareChoices handler, CancellationToken ct) =>
            (await handler.RecordAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("RecordCareChoice")
            .WithSummary("Record the choice of a programme; against the recommendation (another programme, or one that does not fit) it needs a reason and an explanation");
        api.MapGet("/quality/triage", async (string? from, string? to, CurrentActor current, TriageQuality quality, CancellationToken ct) =>
            (await quality.GetAsync(await current.RequireAsync(ct), from, to, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Triage")
            .WithName("GetTriageQuality")
            .WithSummary("Quality figures of triage for your organisation: how often matched care was possible and chosen, and analyses due or overdue (from/to as yyyy-mm)");
        return api;
    }
}
