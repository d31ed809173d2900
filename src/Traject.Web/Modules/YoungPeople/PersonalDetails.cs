
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

    /// <summary>
    /// Checks the details of a young person registered on <paramref name="registeredOn"/>: the date of birth must lie
    /// before that day (and before <paramref name="today"/>) and give an age within <paramref name="ages"/> on it.
    /// With <paramref name="storedDateOfBirth"/> (changing the details of someone registered before), an unchanged
    /// date of birth is accepted as it was registered.
    /// </summary>
    public static PersonalDetails Validate(PersonalDetailsInput input, Validator v, DateOnly today, DateOnly registeredOn, TargetAges ages,
        DateOnly? storedDateOfBirth = null)
    {
        var given = v.Text("givenName", input.GivenName, 100);
        var family = v.Text("familyName", input.FamilyName, 100);
        var dob = input.DateOfBirth is { } same && same == storedDateOfBirth
            ? same
            : ValidateDateOfBirth(input.DateOfBirth, v, today, registeredOn, ages);
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

    /// <summary>
    /// The date of birth of someone registered on <paramref name="registeredOn"/>: required, before today and before
    /// the registration date, and giving an age within the target group's ages on the registration date.
    /// </summary>
    public static DateOnly ValidateDateOfBirth(DateOnly? value, Validator v, DateOnly today, DateOnly registeredOn, TargetAges ages)
    {
        var dob = v.Required("dateOfBirth", value);
        if (value is null)
        {
            return dob;
        }

        if (dob >= today)
        {
            v.Add("dateOfBirth", "A date of birth cannot be today or in the future.");
            return dob;
        }

        var age = dob >= registeredOn ? -1 : Clock.AgeOn(dob, registeredOn);
        if (age < ages.Min || age > ages.Max)
        {
            v.Add("dateOfBirth", "This date of birth gives an age of {0} on the registration date ({1}); young people from {2} to {3} years old are registered.",
                Math.Max(age, 0), registeredOn.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), ages.Min, ages.Max);
        }

        return dob;
    }

    /// <summary>
    /// A required date of birth, not in the future and not giving an age over <see cref="MaxAge"/> today (a pooled
    /// signal, which may be about someone not registered yet).
    /// </summary>
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
