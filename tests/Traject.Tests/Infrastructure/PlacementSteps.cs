using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Infrastructure;

/// <summary>Care programmes of the built-in catalogue and placements started through the API, as a coordinator would.</summary>
internal static class PlacementSteps
{
    public const string VeiligLima = "veilig-lima";
    public const string Intermetzo = "intermetzo-trafficking";
    public const string EgoStrengthening = "ego-strengthening-jzplus";
    public const string Hoenderloo = "hoenderloo-loverboy";
    public const string Outpatient = "generic-outpatient";

    public static Task<Guid> ProgrammeAsync(TrajectFixture f, string code) =>
        f.WithDbAsync(db => db.CareProgrammes.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    public static string Url(Guid trajectoryId) => $"/api/v1/trajectories/{trajectoryId}/placements";

    /// <summary>Starts a placement (201) with the programme's only setting and group, and answers its id.</summary>
    public static async Task<Guid> StartAsync(HttpClient coordinator, Guid trajectoryId, Guid programmeId, Guid organisationId, DateOnly startedOn,
        object? extra = null)
    {
        using var response = await coordinator.PostJsonAsync(Url(trajectoryId), extra ?? new { programmeId, organisationId, startedOn });
        return (await response.ReadAsync<Changed>(HttpStatusCode.Created)).Id;
    }
}
