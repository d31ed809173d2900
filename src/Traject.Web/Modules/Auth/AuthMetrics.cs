using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Identity;
using Traject.Web.Common.Telemetry;

namespace Traject.Web.Modules.Auth;

/// <summary>
/// <c>traject.login.failures</c>: login attempts that failed, tagged with the outcome and the channel (web or api),
/// never with the address tried or the professional.
/// </summary>
internal sealed class AuthMetrics(TrajectMeter meter) : IMetricsSource
{
    private readonly Counter<long> _failures = meter.Meter.CreateCounter<long>("traject.login.failures", "{attempt}",
        "Login attempts that failed: wrong or unknown credentials, lockout, a wrong second factor, or too many attempts.");

    public void Count(LoginOutcome outcome, string scheme)
    {
        var reason = outcome switch
        {
            LoginOutcome.Failed => "failed",
            LoginOutcome.LockedOut => "locked_out",
            LoginOutcome.SecondFactorFailed => "second_factor_failed",
            LoginOutcome.RateLimited => "rate_limited",
            _ => null, // succeeded, or a step on the way (second factor or enrolment asked for)
        };
        if (reason is not null)
        {
            _failures.Add(1, new TagList { { "reason", reason }, { "channel", scheme == IdentityConstants.BearerScheme ? "api" : "web" } });
        }
    }
}
