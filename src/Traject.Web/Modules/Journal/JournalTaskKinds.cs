using Traject.Web.Modules.Tasks;

namespace Traject.Web.Modules.Journal;

/// <summary>The kinds of task the journal owns.</summary>
internal static class JournalTaskKinds
{
    /// <summary>The follow-up a contact note asks for, for its author on the date she gave.</summary>
    public static readonly CareTaskKind ContactFollowUp = new(nameof(ContactFollowUp)) { Page = "contacts" };
}
