namespace Traject.Web.Modules.Journal;

/// <summary>The kinds of timeline events this module writes; the timeline's kind registry finds them by this class's name.</summary>
internal static class JournalTimelineKinds
{
    public const string Contact = "contact";
    public const string Attachment = "attachment";
}
