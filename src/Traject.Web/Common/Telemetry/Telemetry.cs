using System.ComponentModel.DataAnnotations;
using System.Reflection;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Traject.Web.Common.Telemetry;

/// <summary>The <c>Management</c> configuration section: what the operators' endpoints need.</summary>
internal sealed class ManagementOptions
{
    public const string Section = "Management";

    /// <summary>
    /// The key a scraper sends as <c>Authorization: Bearer …</c> for <c>/metrics</c>; without one the endpoint does not
    /// exist (404) and no metrics are collected.
    /// </summary>
    [MinLength(32, ErrorMessage = "Management:MetricsKey must be at least 32 characters long.")]
    public string? MetricsKey { get; set; }
}

/// <summary>
/// Logs, metrics and traces (ADR 0026). Console logs are human-readable in Development and JSON elsewhere. Metrics —
/// ASP.NET Core, HttpClient, the runtime, Npgsql and the app's own meter — are collected only when a metrics key is
/// configured, for <c>/metrics</c> (<see cref="ManagementEndpoint"/>). Traces and logs go out over OTLP only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the other standard <c>OTEL_*</c> settings itself).
/// Nothing personal leaves in an attribute: spans keep only the attributes <see cref="SpanAttributeFilter"/> allows.
/// </summary>
internal static class Telemetry
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceName = "traject";

    /// <summary>Npgsql's own activity source and meter (what the Npgsql.OpenTelemetry package would add, without it).</summary>
    public const string NpgsqlSource = "Npgsql";

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
                o.IncludeScopes = false;
            });
        }
        else
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        }

        services.AddSingleton<TrajectMeter>();
        services.AddMetricsSource<JobMetrics>();
        services.AddOptions<ManagementOptions>().Bind(config.GetSection(ManagementOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        var metrics = !string.IsNullOrEmpty(config[$"{ManagementOptions.Section}:{nameof(ManagementOptions.MetricsKey)}"]);
        var otlp = !string.IsNullOrWhiteSpace(config[OtlpEndpointKey]);
        if (!metrics && !otlp)
        {
            return;
        }

        var version = typeof(Telemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(ServiceName, serviceVersion: version));
        if (metrics)
        {
            telemetry.WithMetrics(m => m
                .AddMeter(TrajectMeter.Name, NpgsqlSource)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // Every metrics source is made at start-up, so its gauges are there from the first scrape.
                .AddInstrumentation(sp => sp.GetServices<IMetricsSource>().ToList())
                // The key keeps strangers out, so there is no scrape storm to cache against; every scrape reads afresh.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        }

        if (otlp)
        {
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = c => !ManagementEndpoint.IsOperational(c.Request.Path);
                    o.RecordException = false;
                })
                .AddHttpClientInstrumentation(o => o.RecordException = false)
                .AddSource(NpgsqlSource)
                .AddProcessor<SpanAttributeFilter>()
                .AddOtlpExporter());
            telemetry.WithLogging(l => l.AddOtlpExporter(), o =>
            {
                o.IncludeFormattedMessage = true;
                o.IncludeScopes = false;
            });
        }
    }
}
