using System.Diagnostics.Metrics;

namespace Traject.Web.Common.Telemetry;

/// <summary>
/// The app's own meter, <c>Traject</c>, made by the host's meter factory (so each host, also in tests, has its own).
/// Whoever owns a measurement makes its instrument here once, in a singleton: the audit writer, the periodic jobs, the
/// login, emergency access, missing episodes. Tags are few and never personal: no young person's id, no name, no text.
/// </summary>
internal sealed class TrajectMeter(IMeterFactory factory)
{
    public const string Name = "Traject";

    public Meter Meter { get; } = factory.Create(Name);
}
