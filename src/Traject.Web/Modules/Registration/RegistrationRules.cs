
namespace Traject.Web.Modules.Registration;

/// <summary>The forms of exploitation of a decision, checked and stored as a comma-separated list in declaration order.</summary>
internal static class RegistrationRules
{
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
