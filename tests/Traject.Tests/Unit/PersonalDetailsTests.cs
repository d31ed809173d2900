using Traject.Web.Common;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Tests.Unit;

public class PersonalDetailsTests
{
    private static readonly DateOnly Today = new(2026, 4, 15);

    private static PersonalDetailsInput Valid() =>
        new("Demi", "Voorbeeld", Today.AddYears(-15), Gender.Girl, Nationality.Dutch, null, "Groningen");

    private static readonly TargetAges Ages = new YoungPeopleOptions().TargetAges;

    private static (PersonalDetails Details, IReadOnlyDictionary<string, string[]> Errors) Check(PersonalDetailsInput input)
    {
        var v = new Validator();
        var details = PersonalDetails.Validate(input, v, Today, Today, Ages);
        return (details, v.Errors);
    }

    [Fact]
    public void Valid_details_pass_trimmed()
    {
        var (details, errors) = Check(Valid() with { GivenName = "  Demi ", Municipality = " Groningen\t" });
        Assert.Empty(errors);
        Assert.Equal("Demi", details.GivenName);
        Assert.Equal("Groningen", details.Municipality);
        Assert.Null(details.NationalityCountry);
    }

    [Fact]
    public void Every_required_field_is_named_when_missing()
    {
        var (_, errors) = Check(new PersonalDetailsInput(null, " ", null, null, null, null, ""));
        Assert.Equal(
            new[] { "dateOfBirth", "familyName", "gender", "givenName", "municipality", "nationality" },
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_date_of_birth_of_today_or_in_the_future_is_refused_with_its_own_message()
    {
        const string Message = "A date of birth cannot be today or in the future.";
        Assert.Equal([Message], Check(Valid() with { DateOfBirth = Today.AddDays(1) }).Errors["dateOfBirth"]);
        Assert.Equal([Message], Check(Valid() with { DateOfBirth = Today }).Errors["dateOfBirth"]);
    }

    [Fact]
    public void The_target_group_is_8_to_30_on_the_registration_date_by_default()
    {
        Assert.Equal(new TargetAges(8, 30), Ages);
        Assert.Empty(Check(Valid() with { DateOfBirth = Today.AddYears(-8) }).Errors); // the 8th birthday itself
        var young = Check(Valid() with { DateOfBirth = Today.AddYears(-8).AddDays(1) }).Errors["dateOfBirth"];
        Assert.Equal([Text.Encode("This date of birth gives an age of {0} on the registration date ({1}); young people from {2} to {3} years old are registered.",
            7, "15-04-2026", 8, 30)], young);
    }

    [Fact]
    public void Another_target_range_and_the_registration_date_decide_for_a_changed_date_of_birth()
    {
        var registeredOn = Today.AddYears(-3);
        var teens = new TargetAges(12, 17);
        Errors(Today.AddYears(-15), registeredOn, teens, "dateOfBirth"); // 12 when registered, 15 now: fine...
        Errors(Today.AddYears(-14), registeredOn, teens, "dateOfBirth", expected: true); // ...11 when registered is not
        Errors(Today.AddYears(-21), registeredOn, teens, "dateOfBirth", expected: true); // 18 when registered
        Errors(Today.AddYears(-21).AddDays(1), registeredOn, teens, "dateOfBirth"); // 17 when registered (18 the day after), 20 now

        // An unchanged date of birth stays as it was registered, even outside today's range (registered before the rule).
        var stored = Today.AddYears(-40);
        var v = new Validator();
        PersonalDetails.Validate(Valid() with { DateOfBirth = stored }, v, Today, registeredOn, teens, storedDateOfBirth: stored);
        Assert.True(v.IsValid);

        static void Errors(DateOnly dateOfBirth, DateOnly registeredOn, TargetAges ages, string field, bool expected = false)
        {
            var v = new Validator();
            PersonalDetails.Validate(Valid() with { DateOfBirth = dateOfBirth }, v, Today, registeredOn, ages);
            Assert.Equal(expected, v.Errors.ContainsKey(field));
        }
    }

    [Fact]
    public void An_age_over_30_is_refused_and_30_is_allowed()
    {
        Assert.Empty(Check(Valid() with { DateOfBirth = Today.AddYears(-31).AddDays(1) }).Errors);
        Assert.Contains("dateOfBirth", Check(Valid() with { DateOfBirth = Today.AddYears(-31) }).Errors.Keys);
        Assert.Contains("dateOfBirth", Check(Valid() with { DateOfBirth = new DateOnly(1900, 1, 1) }).Errors.Keys);
    }

    [Fact]
    public void Another_nationality_needs_the_country()
    {
        var (_, errors) = Check(Valid() with { Nationality = Nationality.Other, NationalityCountry = "  " });
        Assert.Contains("nationalityCountry", errors.Keys);

        var (details, ok) = Check(Valid() with { Nationality = Nationality.Other, NationalityCountry = "Demoland" });
        Assert.Empty(ok);
        Assert.Equal("Demoland", details.NationalityCountry);
    }

    [Fact]
    public void The_country_is_dropped_for_Dutch_nationality()
    {
        var (details, errors) = Check(Valid() with { Nationality = Nationality.Dutch, NationalityCountry = "Demoland" });
        Assert.Empty(errors);
        Assert.Null(details.NationalityCountry);
    }

    [Theory]
    [InlineData("Demi\u0000")]
    [InlineData("De\u0007mi")]
    [InlineData("Demi\u001F")]
    [InlineData("\u001BDemi")]
    [InlineData("De\u007Fmi")]
    [InlineData("De\u0085mi")]
    public void Control_characters_are_refused(string name) =>
        Assert.Contains("givenName", Check(Valid() with { GivenName = name }).Errors.Keys);

    [Fact]
    public void Line_breaks_and_tabs_inside_text_are_not_control_characters_here() =>
        Assert.Empty(Check(Valid() with { Municipality = "Groningen\tStad" }).Errors);

    [Theory]
    [InlineData("givenName")]
    [InlineData("familyName")]
    [InlineData("municipality")]
    [InlineData("nationalityCountry")]
    public void Strings_longer_than_100_characters_are_refused(string field)
    {
        var ok = new string('a', 100);
        var tooLong = new string('a', 101);
        PersonalDetailsInput With(string value) => field switch
        {
            "givenName" => Valid() with { GivenName = value },
            "familyName" => Valid() with { FamilyName = value },
            "municipality" => Valid() with { Municipality = value },
            _ => Valid() with { Nationality = Nationality.Other, NationalityCountry = value },
        };

        Assert.Empty(Check(With(ok)).Errors);
        Assert.Equal([field], Check(With(tooLong)).Errors.Keys);
        Assert.Equal([field], Check(With(new string('x', 100_000))).Errors.Keys);
    }

    [Fact]
    public void Undefined_enum_values_are_refused()
    {
        var (_, errors) = Check(Valid() with { Gender = (Gender)42, Nationality = (Nationality)(-1) });
        Assert.Contains("gender", errors.Keys);
        Assert.Contains("nationality", errors.Keys);
    }
}
