
namespace Traject.Web.Pages.Trajectories;

/// <summary>Times on the forms are Amsterdam wall-clock times ("datetime-local"); the use cases take UTC.</summary>
internal static class MissingTime
{
    public static DateTimeOffset? ToUtc(DateTime? local) => local is { } value
        ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), Clock.Amsterdam.GetUtcOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified))).ToUniversalTime()
        : null;

    public static string Input(DateTimeOffset utc) => utc.ToLocal().ToString("yyyy-MM-ddTHH:mm");
}
