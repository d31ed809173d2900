using System.Net;
using Traject.Web.Common;
using Traject.Web.Modules.Screening;
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

    /// <summary>
    /// Makes "suspected victim" final as the multidisciplinary weighing does, through the API: the behavioural scientist
    /// joins the care team (unless she is in it), the coordinator records signals of an act, a means and a purpose (the
    /// legal test at any age), and both weigh them as suspected. This is what a national notification needs.
    /// </summary>
    public static async Task<ScreeningView> ConfirmSuspicionAsync(TrajectFixture f, HttpClient coordinator, Guid trajectoryId)
    {
        var instrument = BuiltInInstrument.Instance;
        string Pure(LegalElement e) => instrument.Signals.First(s => s.LegalElements.SequenceEqual([e]) && s.RiskProfiles.Count == 0 && !s.Acute).Code;
        var today = f.Clock.Today();
        var scientist = f.Ids.User(Demo.Gedrag);
        if (!(await DetailAsync(coordinator, trajectoryId)).CareTeam.Any(m => m.ProfessionalId == scientist && m.IsActive))
        {
            await AddMemberAsync(coordinator, trajectoryId, new { professionalId = scientist, role = "BehaviouralScientist" });
        }

        var url = $"/api/v1/trajectories/{trajectoryId}/screenings";
        ScreeningView screening;
        using (var recorded = await coordinator.PostJsonAsync(url,
                   new { signals = LegalTest.GeneralElements.Select(e => new { code = Pure(e), observedOn = today, source = "OwnObservation" }) }))
        {
            screening = await recorded.ReadAsync<ScreeningView>(HttpStatusCode.Created);
        }

        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        foreach (var client in new[] { coordinator, gedrag })
        {
            using var weighed = await client.PostJsonAsync($"{url}/{screening.Id}/weighings",
                new { participants = "Regievoerder en gedragswetenschapper", heldOn = today, conclusion = "Suspected" });
            screening = await weighed.ReadAsync<ScreeningView>(HttpStatusCode.Created);
        }

        return screening.FinalClassification == Classification.Suspected
            ? screening
            : throw new InvalidOperationException("The weighing did not make the suspicion final.");
    }
}
