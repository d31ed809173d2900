using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Traject.Bench.AuditCost;

/// <summary>
/// Bench-only middleware, outermost in the pipeline: times every request on the server (from the first middleware
/// until the response is written) while recording is on. It also gives each simulated professional her own client
/// address from <see cref="ClientHeader"/>, as 20 people on 20 machines would have, so the per-address login limit
/// and the audit trail see 20 clients rather than one.
/// </summary>
internal sealed class ServerTiming : IStartupFilter
{
    public const string ClientHeader = "X-Bench-Client";

    private readonly Lock _gate = new();
    private List<double> _samples = [];
    private volatile bool _recording;

    public void Start()
    {
        lock (_gate)
        {
            _samples = [];
        }

        _recording = true;
    }

    /// <summary>Stops recording and returns the server times (ms) of the requests since <see cref="Start"/>.</summary>
    public List<double> Stop()
    {
        _recording = false;
        lock (_gate)
        {
            return _samples;
        }
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[ClientHeader].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            var recording = _recording;
            var start = Stopwatch.GetTimestamp();
            await nextMiddleware(context);
            if (recording)
            {
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                lock (_gate)
                {
                    _samples.Add(ms);
                }
            }
        });
        next(app);
    };
}
