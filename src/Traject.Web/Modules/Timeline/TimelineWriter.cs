
namespace Traject.Web.Modules.Timeline;

/// <summary>Appends events to a trajectory's timeline, in the same unit of work as the change they describe.</summary>
internal sealed class TimelineWriter(TrajectDb db, TimeProvider time)
{
    public void Add(Guid trajectoryId, Actor actor, string kind, string link, string template, params object[] args) =>
        db.TimelineEvents.Add(new TimelineEvent
        {
            TrajectoryId = trajectoryId,
            OccurredAt = time.GetUtcNow(),
            Kind = kind,
            ActorId = actor.Id,
            ActorOrganisationId = actor.OrganisationId,
            Summary = Text.Encode(template, args),
            Link = link,
        });
}

/// <summary>The timeline: one append-only table, written only through <see cref="TimelineWriter"/>; its kinds belong to the modules.</summary>
internal static class TimelineModule
{
    public static IServiceCollection AddTimeline(this IServiceCollection services) => services.AddScoped<TimelineWriter>();
}
