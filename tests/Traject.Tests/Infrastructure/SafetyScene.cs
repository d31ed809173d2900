using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Common;
using Traject.Web.Modules.Safety;

namespace Traject.Tests.Infrastructure;

/// <summary>A recorded safety assessment, an open missing episode (with a notice not yet informed) and an incident, for the matrices.</summary>
internal sealed record SafetyScene(Guid AssessmentId, Guid EpisodeId, Guid NoticeId, Guid IncidentId)
{
    public static object AllItems(string concern = "None") =>
        Enum.GetNames<SafetyItem>().Select(i => new { item = i, concern }).ToArray();

    /// <summary>Records them as the trajectory's coordinator (the given client).</summary>
    public static async Task<SafetyScene> CreateAsync(TrajectFixture f, HttpClient coordinator, Guid trajectoryId)
    {
        var coordinatorId = await f.WithDbAsync(db => db.Trajectories.Where(t => t.Id == trajectoryId).Select(t => t.CoordinatorId).SingleAsync());
        var regionId = await f.WithDbAsync(db => db.Regions.OrderBy(r => r.Name).Select(r => r.Id).FirstAsync());
        Guid assessmentId;
        using (var response = await coordinator.PostJsonAsync($"/api/v1/trajectories/{trajectoryId}/safety/assessments",
                   new { items = AllItems(), treatmentCoordinatorId = coordinatorId }))
        {
            assessmentId = (await response.ReadAsync<SafetyAssessmentView>(HttpStatusCode.Created)).Id;
        }

        MissingEpisodeView episode;
        using (var response = await coordinator.PostJsonAsync($"/api/v1/trajectories/{trajectoryId}/missing-episodes", new
               {
                   lastSeenAt = f.Clock.GetUtcNow().AddHours(-2), lastSeenWhere = "Bij de groep", howSheLeft = "Door de achterdeur",
                   phoneStatus = "SwitchedOff", riskLevel = "High", homeRegionId = regionId,
               }))
        {
            episode = await response.ReadAsync<MissingEpisodeView>(HttpStatusCode.Created);
        }

        Guid incidentId;
        using (var response = await coordinator.PostJsonAsync("/api/v1/incidents", new
               {
                   kind = "Recruitment", occurredOn = f.Clock.Today(), group = "Groep Demo", description = "Een ronselpoging in de groep.",
                   actionsTaken = "Gesprek gevoerd.",
               }))
        {
            incidentId = (await response.ReadAsync<GroupIncidentView>(HttpStatusCode.Created)).Id;
        }

        return new SafetyScene(assessmentId, episode.Id, episode.Notices.First(n => n.InformedAt is null).Id, incidentId);
    }
}
