using Traject.Web.Modules.Tasks;

namespace Traject.Web.Modules.Placements;

/// <summary>The kinds of task the placements module owns.</summary>
internal static class PlacementsTaskKinds
{
    /// <summary>Naming the next place before a placement ends.</summary>
    public static readonly CareTaskKind NameNextPlace = new(nameof(NameNextPlace)) { Page = "placements" };
}
