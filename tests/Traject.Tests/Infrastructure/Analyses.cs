using System.Net;
using Traject.Web.Modules.Triage;

namespace Traject.Tests.Infrastructure;

/// <summary>Problem analyses made through the API, as the coordinator and the behavioural scientist would.</summary>
internal static class Analyses
{
    /// <summary>
    /// Adds Gedrag (the behavioural scientist) to the team of the coordinator's trajectory, writes an analysis and has both
    /// sign it, so matched care has a signed analysis to rank from. Answers the analysis.
    /// </summary>
    public static async Task<AnalysisView> SignedAsync(TrajectFixture f, HttpClient coordinator, Guid trajectoryId)
    {
        await Dossiers.AddMemberAsync(coordinator, trajectoryId, new { professionalId = f.Ids.User(Demo.Gedrag), role = "BehaviouralScientist" });
        AnalysisView draft;
        using (var start = await coordinator.PostJsonAsync($"/api/v1/trajectories/{trajectoryId}/analyses", new { }))
        {
            draft = await start.ReadAsync<AnalysisView>(HttpStatusCode.Created);
        }

        using (var save = await coordinator.PutJsonAsync($"/api/v1/trajectories/{trajectoryId}/analyses/{draft.Id}",
                   new { needs = "Een veilige plek en traumabehandeling.", upperProblems = new[] { "RunningAway" }, version = draft.Version }))
        {
            draft = await save.ReadAsync<AnalysisView>();
        }

        using (var first = await coordinator.PostJsonAsync($"/api/v1/trajectories/{trajectoryId}/analyses/{draft.Id}/signatures", new { version = draft.Version }))
        {
            draft = await first.ReadAsync<AnalysisView>();
        }

        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using var second = await gedrag.PostJsonAsync($"/api/v1/trajectories/{trajectoryId}/analyses/{draft.Id}/signatures", new { version = draft.Version });
        var signed = await second.ReadAsync<AnalysisView>();
        Assert.NotNull(signed.SignedAt);
        return signed;
    }
}
