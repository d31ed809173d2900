using Traject.Web.Modules.Tasks;

namespace Traject.Web.Modules.Network;

/// <summary>The kinds of task the network module owns.</summary>
internal static class NetworkTaskKinds
{
    /// <summary>Mapping her network (exploiters, recruiters, protective persons): a step of the step plan, and after a missing episode.</summary>
    public static readonly CareTaskKind NetworkAnalysis = new(nameof(NetworkAnalysis)) { Page = "network" };
}
