namespace Traject.Web.Common.Telemetry;

/// <summary>
/// A singleton that makes instruments on <see cref="TrajectMeter"/>. When metrics are switched on, the meter provider
/// creates every one at start-up, so its instruments (observable gauges above all) are there from the first scrape
/// instead of from the first time some request needs the class.
/// </summary>
internal interface IMetricsSource;

internal static class MetricsSourceRegistration
{
    /// <summary>Registers <typeparamref name="T"/> as a singleton and as one of the app's metrics sources.</summary>
    public static IServiceCollection AddMetricsSource<T>(this IServiceCollection services)
        where T : class, IMetricsSource
    {
        services.AddSingleton<T>();
        services.AddSingleton<IMetricsSource>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
