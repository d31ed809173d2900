using System.Net;
using Traject.Web.Common;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Infrastructure;

/// <summary>Creates young people and trajectories through the API, as a professional would.</summary>
internal static class Dossiers
{
    public static Dictionary<string, object?> NewPerson(TimeProvider clock, string givenName = "Testa") => new()
    {
        ["givenName"] = givenName,
        ["familyName"] = "Proefpersoon",
        ["dateOfBirth"] = clock.Today().AddYears(-15).AddDays(-40),
        ["gender"] = "Girl",
        ["nationality"] = "Dutch",
        ["municipality"] = "Groningen",
    };

    /// <summary>Registers a young person (201) as the given client; her first trajectory is led by the client's organisation.</summary>
    public static async Task<RegisteredYoungPerson> RegisterAsync(HttpClient client, TimeProvider clock, Action<Dictionary<string, object?>>? change = null)
    {
        var body = NewPerson(clock);
        change?.Invoke(body);
        using var response = await client.PostJsonAsync("/api/v1/young-people", body);
        return await response.ReadAsync<RegisteredYoungPerson>(HttpStatusCode.Created);
    }

    public static async Task<TrajectoryDetail> DetailAsync(HttpClient client, Guid trajectoryId)
    {
        using var response = await client.GetAsync($"/api/v1/trajectories/{trajectoryId}");
        return await response.ReadAsync<TrajectoryDetail>();
    }

    public static async Task<Changed> AddMemberAsync(HttpClient coordinator, Guid trajectoryId, object body)
    {
        using var response = await coordinator.PostJsonAsync($"/api/v1/trajectories/{trajectoryId}/care-team", body);
        return await response.ReadAsync<Changed>(HttpStatusCode.Created);
    }

    public static async Task<Changed> ChangeStatusAsync(HttpClient coordinator, Guid trajectoryId, string status, string? reason = null)
    {
        var version = (await DetailAsync(coordinator, trajectoryId)).Version;
        // Every manual move has a reason; tests that are not about the reason give a plain one.
        reason ??= "Test: status met de hand gewijzigd.";
        using var response = await coordinator.PostJsonAsync($"/api/v1/trajectories/{trajectoryId}/status", new { status, reason, version });
        return await response.ReadAsync<Changed>();
    }
}
