using Traject.Web.Modules.Tasks;

namespace Traject.Web.Modules.Aftercare;

/// <summary>The kinds of task the aftercare module owns.</summary>
internal static class AftercareTaskKinds
{
    /// <summary>A follow-up contact after care (revictimisation monitoring): done by recording its outcome.</summary>
    public static readonly CareTaskKind FollowUpContact = new(nameof(FollowUpContact))
    {
        Page = "aftercare#follow-ups",
        OutlivesClosing = true,
        DoneByRecording = "Record the outcome of the follow-up contact; that finishes the task.",
    };
}
