namespace Traject.Web.Modules.Handovers;

/// <summary>The kinds of timeline events this module writes; the timeline's kind registry finds them by this class's name.</summary>
internal static class HandoversTimelineKinds
{
    public const string HandoverProposed = "handover.proposed";
    public const string HandoverChanged = "handover.changed";
    public const string HandoverDecided = "handover.decided";
    public const string LeadOrganisationChanged = "trajectory.lead";
}
