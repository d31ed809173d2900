namespace Traject.Web.Modules.Screening;

/// <summary>Signalling and screening: the instrument, the engine, screenings, weighings and pooled signals.</summary>
internal static class ScreeningModule
{
    public static IServiceCollection AddScreening(this IServiceCollection services) =>
        services.AddSingleton<IInstrumentStore, BuiltInInstrumentStore>();

    public static RouteGroupBuilder MapScreening(this RouteGroupBuilder api) => api;
}
