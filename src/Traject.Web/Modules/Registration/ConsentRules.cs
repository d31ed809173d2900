using System.Globalization;

namespace Traject.Web.Modules.Registration;

/// <summary>One row of the consent policy: from this age on (inclusive) until the next row, this consent is needed.</summary>
internal sealed record ConsentRule(int FromAge, ConsentRequirement Requirement);

/// <summary>
/// The consent policy as pure rules: whose consent a notification by name needs at the young person's age on the
/// consent date (a birthday on the consent date counts: she is that age that day), and whether given consent meets it.
/// </summary>
internal static class ConsentRules
{
    public const int MaxAge = 30;
    public const int MaxRules = 10;

    /// <summary>
    /// The default, after the committee's action plan (seed 001): every minor needs the consent of her parent(s) or
    /// guardian, from 12 her own as well; from 18 her own alone. Administrators may change it.
    /// </summary>
    public static readonly IReadOnlyList<ConsentRule> Default =
    [
        new(0, ConsentRequirement.ParentOrGuardian),
        new(12, ConsentRequirement.ParentOrGuardianAndYoungPerson),
        new(18, ConsentRequirement.YoungPerson),
    ];

    public static int AgeOn(DateOnly dateOfBirth, DateOnly consentDate) => Clock.AgeOn(dateOfBirth, consentDate);

    /// <summary>The requirement of the row with the highest starting age not above the age.</summary>
    public static ConsentRequirement RequirementFor(IReadOnlyList<ConsentRule> rules, int age) =>
        rules.Where(r => r.FromAge <= age).MaxBy(r => r.FromAge)?.Requirement ?? rules[0].Requirement;

    /// <summary>Whether the requirement asks the parent(s) or guardian (then asking them may endanger her, or they may refuse).</summary>
    public static bool NeedsParentOrGuardian(ConsentRequirement requirement) => requirement != ConsentRequirement.YoungPerson;

    public static bool IsMet(ConsentRequirement requirement, bool youngPerson, bool parentOrGuardian) => requirement switch
    {
        ConsentRequirement.ParentOrGuardian => parentOrGuardian,
        ConsentRequirement.ParentOrGuardianAndYoungPerson => parentOrGuardian && youngPerson,
        _ => youngPerson,
    };

    /// <summary>Checks a policy table: the first row starts at 0, ages ascend strictly and stay within 0..30.</summary>
    public static void Validate(IReadOnlyList<ConsentRule?>? rules, Validator v, string field = "rules")
    {
        if (rules is null || rules.Count == 0)
        {
            v.Add(field, "This field is required.");
            return;
        }

        if (rules.Count > MaxRules)
        {
            v.Add(field, "At most {0} rules.", MaxRules);
            return;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule is null)
            {
                v.Add($"{field}[{i}]", "This field is required.");
            }
            else if (rule.FromAge is < 0 or > MaxAge)
            {
                v.Add($"{field}[{i}].fromAge", "An age from 0 to 30.");
            }
            else if (!Enum.IsDefined(rule.Requirement))
            {
                v.Add($"{field}[{i}].requirement", "Unknown value.");
            }
            else if (i == 0 && rule.FromAge != 0)
            {
                v.Add($"{field}[{i}].fromAge", "The first rule starts at age 0.");
            }
            else if (i > 0 && rules[i - 1] is { } previous && rule.FromAge <= previous.FromAge)
            {
                v.Add($"{field}[{i}].fromAge", "Each rule starts at a higher age than the one before.");
            }
        }
    }

    /// <summary>The stored form: <c>0=ParentOrGuardian,12=ParentOrGuardianAndYoungPerson,18=YoungPerson</c>.</summary>
    public static string Format(IEnumerable<ConsentRule> rules) =>
        string.Join(',', rules.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.FromAge}={r.Requirement}")));

    public static IReadOnlyList<ConsentRule> Parse(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return Default;
        }

        return stored.Split(',').Select(part => part.Split('='))
            .Select(p => new ConsentRule(int.Parse(p[0], CultureInfo.InvariantCulture), Enum.Parse<ConsentRequirement>(p[1])))
            .OrderBy(r => r.FromAge).ToList();
    }
}
