namespace Traject.Web.Modules.Placements;

/// <summary>The kinds of timeline events this module writes; the timeline's kind registry finds them by this class's name.</summary>
internal static class PlacementsTimelineKinds
{
    public const string PlacementStarted = "placement.started";
    public const string PlacementPhase = "placement.phase";
    public const string PlacementNextStep = "placement.nextstep";
    public const string PlacementTimeOut = "placement.timeout";
    public const string PlacementEnded = "placement.ended";
}
