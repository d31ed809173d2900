using Traject.Web.Modules.Screening;

namespace Traject.Web.Modules.Registration;

/// <summary>
/// The rules of a registration decision as pure code: the forms of exploitation (checked and stored as a
/// comma-separated list in declaration order) and whether a national notification may be made at all.
/// </summary>
internal static class RegistrationRules
{
    /// <summary>
    /// The national centre registers suspected victims, not young people at risk: a notification (by name or by date of
    /// birth only) needs a final classification of suspected or acute from the multidisciplinary weighing (the latest
    /// final one). Null when it may be made, otherwise the refusal.
    /// </summary>
    public static Error? NotificationRefusal(Classification? latestFinal) => latestFinal switch
    {
        Classification.Suspected or Classification.Acute => null,
        null => Error.Conflict("Only suspected victims are notified: this needs a final weighed classification of suspected victim or acute danger, and there is none yet."),
        { } other => Error.Conflict(Text.Encode("Only suspected victims are notified: this needs a final weighed classification of suspected victim or acute danger; the latest is {0}.", other)),
    };

    /// <summary>Whether the latest final classification allows a national notification (see <see cref="NotificationRefusal"/>).</summary>
    public static bool MayNotify(Classification? latestFinal) => NotificationRefusal(latestFinal) is null;

    /// <summary>
    /// What follows when the consent policy asks her parent(s) or guardian (<paramref name="requirement"/>, at her age on
    /// the decision date), as seed 001 has it: when asking them would endanger her, because a parent or someone close to
    /// her may be involved in the exploitation (the problem analysis' warning), or when they refuse, she is notified with
    /// her date of birth only, never by name, and the argument is recorded. So a notification by name is refused while
    /// the warning stands, and a refusal of consent is no reason not to notify. Null when the outcome may be recorded.
    /// </summary>
    public static Error? ConsentRefusal(RegistrationOutcome outcome, NonNotificationReason? reason, ConsentRequirement requirement, bool parentMayBeInvolved)
    {
        if (!ConsentRules.NeedsParentOrGuardian(requirement))
        {
            return null;
        }

        if (outcome == RegistrationOutcome.NotifyByName && parentMayBeInvolved)
        {
            return Error.Conflict("A parent may be involved in the exploitation: asking the parents for consent could endanger her. Notify with date of birth only, never by name.");
        }

        return outcome == RegistrationOutcome.DoNotNotify && reason == NonNotificationReason.ConsentRefused
            ? Error.Conflict("When the parents or guardian refuse consent, she is notified with her date of birth only: record that decision and why.")
            : null;
    }

    /// <summary>Whether a notification by name is possible at all (see <see cref="ConsentRefusal"/>).</summary>
    public static bool ByNamePossible(ConsentRequirement requirement, bool parentMayBeInvolved) =>
        ConsentRefusal(RegistrationOutcome.NotifyByName, null, requirement, parentMayBeInvolved) is null;

    public static IReadOnlyList<ExploitationForm> Forms(IReadOnlyList<ExploitationForm>? forms, Validator v)
    {
        if (forms is null || forms.Count == 0)
        {
            v.Add("forms", "Choose at least one form of exploitation.");
            return [];
        }

        if (forms.Any(f => !Enum.IsDefined(f)))
        {
            v.Add("forms", "Unknown value.");
            return [];
        }

        return forms.Distinct().Order().ToList();
    }

    public static string FormatForms(IEnumerable<ExploitationForm> forms) => string.Join(',', forms.Distinct().Order());

    public static IReadOnlyList<ExploitationForm> ParseForms(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ExploitationForm>).ToList();
}
