using System.Diagnostics.Metrics;
using Traject.Web.Common.Telemetry;

namespace Traject.Web.Modules.Emergency;

/// <summary><c>traject.emergency_access.requests</c>: break-the-glass requests, tagged granted or refused; nothing about whom.</summary>
internal sealed class EmergencyMetrics(TrajectMeter meter) : IMetricsSource
{
    private readonly Counter<long> _requests = meter.Meter.CreateCounter<long>("traject.emergency_access.requests", "{request}",
        "Emergency accesses (break the glass): granted, or refused because the professional may not use it or no open dossier was found.");

    public void Granted() => _requests.Add(1, new KeyValuePair<string, object?>("outcome", "granted"));

    public void Refused() => _requests.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
}
