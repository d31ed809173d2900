using Traject.Web.Common;
using Traject.Web.Modules.Registration;

namespace Traject.Tests.Unit;

/// <summary>The consent policy: whose consent is needed at the age on the consent date, and checks of an edited table.</summary>
public class ConsentRulesTests
{
    private static readonly DateOnly Born = new(2010, 6, 15);

    [Theory]
    [InlineData("2022-06-14", 11, "ParentOrGuardian")]
    [InlineData("2022-06-15", 12, "ParentOrGuardianAndYoungPerson")] // the 12th birthday itself counts
    [InlineData("2026-06-14", 15, "ParentOrGuardianAndYoungPerson")]
    [InlineData("2026-06-15", 16, "ParentOrGuardianAndYoungPerson")] // every minor: her parents too (seed 001)
    [InlineData("2028-06-14", 17, "ParentOrGuardianAndYoungPerson")]
    [InlineData("2028-06-15", 18, "YoungPerson")] // the 18th birthday itself counts
    [InlineData("2010-06-15", 0, "ParentOrGuardian")]
    public void By_default_every_minor_needs_her_parents_consent_from_12_her_own_too_and_from_18_only_her_own(string consentDate, int age, string expected)
    {
        var on = DateOnly.Parse(consentDate, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(age, ConsentRules.AgeOn(Born, on));
        Assert.Equal(Enum.Parse<ConsentRequirement>(expected), ConsentRules.RequirementFor(ConsentRules.Default, ConsentRules.AgeOn(Born, on)));
    }

    [Fact]
    public void Born_on_29_February_she_has_her_birthday_on_28_February_in_other_years()
    {
        var leap = new DateOnly(2012, 2, 29);
        Assert.Equal(11, ConsentRules.AgeOn(leap, new DateOnly(2024, 2, 28).AddDays(-1)));
        Assert.Equal(12, ConsentRules.AgeOn(leap, new DateOnly(2024, 2, 29)));
        Assert.Equal(15, ConsentRules.AgeOn(leap, new DateOnly(2028, 2, 27)));
        Assert.Equal(16, ConsentRules.AgeOn(leap, new DateOnly(2028, 2, 29)));
    }

    [Theory]
    [InlineData("ParentOrGuardian", false, true, true)]
    [InlineData("ParentOrGuardian", true, false, false)]
    [InlineData("ParentOrGuardianAndYoungPerson", true, true, true)]
    [InlineData("ParentOrGuardianAndYoungPerson", true, false, false)]
    [InlineData("ParentOrGuardianAndYoungPerson", false, true, false)]
    [InlineData("YoungPerson", true, false, true)]
    [InlineData("YoungPerson", false, true, false)]
    public void Consent_meets_the_requirement_only_with_everyone_it_names(string requirement, bool youngPerson, bool parent, bool met) =>
        Assert.Equal(met, ConsentRules.IsMet(Enum.Parse<ConsentRequirement>(requirement), youngPerson, parent));

    [Fact]
    public void An_edited_table_applies_from_its_ages_and_survives_storage()
    {
        IReadOnlyList<ConsentRule> rules = [new(0, ConsentRequirement.ParentOrGuardian), new(14, ConsentRequirement.YoungPerson)];
        var stored = ConsentRules.Format(rules);
        Assert.Equal("0=ParentOrGuardian,14=YoungPerson", stored);
        Assert.Equal(rules, ConsentRules.Parse(stored));
        Assert.Equal(ConsentRequirement.ParentOrGuardian, ConsentRules.RequirementFor(rules, 13));
        Assert.Equal(ConsentRequirement.YoungPerson, ConsentRules.RequirementFor(rules, 14));
        Assert.Equal(ConsentRules.Default, ConsentRules.Parse(null));
    }

    [Fact]
    public void A_table_must_start_at_0_and_ascend()
    {
        Assert.True(Check([new(0, ConsentRequirement.ParentOrGuardian), new(12, ConsentRequirement.YoungPerson)]).IsValid);
        Assert.Contains("rules[0].fromAge", Check([new(1, ConsentRequirement.ParentOrGuardian)]).Errors.Keys);
        Assert.Contains("rules[1].fromAge", Check([new(0, ConsentRequirement.ParentOrGuardian), new(0, ConsentRequirement.YoungPerson)]).Errors.Keys);
        Assert.Contains("rules[1].fromAge", Check([new(0, ConsentRequirement.ParentOrGuardian), new(31, ConsentRequirement.YoungPerson)]).Errors.Keys);
        Assert.Contains("rules[0].requirement", Check([new(0, (ConsentRequirement)7)]).Errors.Keys);
        Assert.Contains("rules", Check([]).Errors.Keys);
        Assert.Contains("rules[1]", Check([new(0, ConsentRequirement.ParentOrGuardian), null]).Errors.Keys);
    }

    private static Validator Check(IReadOnlyList<ConsentRule?> rules)
    {
        var v = new Validator();
        ConsentRules.Validate(rules, v);
        return v;
    }

    [Theory]
    [InlineData("ParentOrGuardian", true)]
    [InlineData("ParentOrGuardianAndYoungPerson", true)]
    [InlineData("YoungPerson", false)]
    public void Whether_the_parents_are_asked(string requirement, bool asked) =>
        Assert.Equal(asked, ConsentRules.NeedsParentOrGuardian(Enum.Parse<ConsentRequirement>(requirement)));
}
