using System.Text.Json;
using System.Text.Json.Serialization;

namespace Traject.Bench.AuditCost;

/// <summary>One simulated professional: her login, her own client address, and the dossiers she coordinates.</summary>
internal sealed record PlannedUser(string Email, string Address, IReadOnlyList<Guid> Dossiers);

/// <summary>What the load process needs to know: where the app listens, what to open, and who opens it.</summary>
internal sealed record LoadPlan(Uri BaseAddress, OpenTarget Target, IReadOnlyList<PlannedUser> Users);

/// <summary>What the load process measured in one round.</summary>
internal sealed record LoadResult(double WallSeconds, int Errors, double CpuMs, IReadOnlyList<double> LatenciesMs);

internal static class LoadJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
