
namespace Traject.Web.Modules.YoungPeople;

/// <summary>The personal details of a young person as entered on a form or sent to the API.</summary>
internal sealed record PersonalDetailsInput(
    string? GivenName,
    string? FamilyName,
    DateOnly? DateOfBirth,
    Gender? Gender,
    Nationality? Nationality,
    string? NationalityCountry,
    string? Municipality);

internal sealed record PersonalDetails(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    Gender Gender,
    Nationality Nationality,
    string? NationalityCountry,
    string Municipality)
{
    public const int MaxAge = 30;

    public static PersonalDetails Validate(PersonalDetailsInput input, Validator v, DateOnly today)
    {
        var given = v.Text("givenName", input.GivenName, 100);
        var family = v.Text("familyName", input.FamilyName, 100);
        var dob = ValidateDateOfBirth(input.DateOfBirth, v, today);
        var gender = v.Enum("gender", input.Gender);
        var nationality = v.Enum("nationality", input.Nationality);
        var country = v.OptionalText("nationalityCountry", input.NationalityCountry, 100);
        if (input.Nationality == YoungPeople.Nationality.Other && country is null)
        {
            v.Add("nationalityCountry", "Name the country of the nationality.");
        }

        if (input.Nationality is YoungPeople.Nationality.Dutch or YoungPeople.Nationality.Unknown)
        {
            country = null;
        }

        var municipality = v.Text("municipality", input.Municipality, 100);
        return new PersonalDetails(given, family, dob, gender, nationality, country, municipality);
    }

    /// <summary>A required date of birth, not in the future and not giving an age over <see cref="MaxAge"/>.</summary>
    public static DateOnly ValidateDateOfBirth(DateOnly? value, Validator v, DateOnly today)
    {
        var dob = v.Required("dateOfBirth", value);
        if (value is null)
        {
            return dob;
        }

        if (dob > today)
        {
            v.Add("dateOfBirth", "The date of birth cannot be in the future.");
        }
        else if (Clock.AgeOn(dob, today) > MaxAge)
        {
            v.Add("dateOfBirth", "The date of birth gives an age over 30.");
        }

        return dob;
    }

    public void ApplyTo(YoungPerson y)
    {
        y.GivenName = GivenName;
        y.FamilyName = FamilyName;
        y.DateOfBirth = DateOfBirth;
        y.Gender = Gender;
        y.Nationality = Nationality;
        y.NationalityCountry = NationalityCountry;
        y.Municipality = Municipality;
    }
}
