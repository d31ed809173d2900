using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Modules.YoungPeople;

/// <summary>
/// The young people module's API for registering someone: a pseudonym nobody has yet, and the new record added to the
/// caller's unit of work (registration by a professional, or a pooled signal about someone not known yet).
/// </summary>
internal sealed class YoungPersonRegistry(TrajectDb db, TimeProvider time)
{
    /// <summary>A pseudonym no young person has yet.</summary>
    public async Task<string> NewPseudonymAsync(CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var code = PseudonymCode.New();
            if (!await db.YoungPeople.AnyAsync(y => y.PseudonymCode == code, ct) || attempt >= 10)
            {
                return code;
            }
        }
    }

    /// <summary>Registers her with the personal details a professional gave.</summary>
    public YoungPerson Register(string pseudonym, PersonalDetails details, Guid organisationId)
    {
        var person = New(pseudonym, organisationId);
        details.ApplyTo(person);
        return person;
    }

    /// <summary>Registers her from a pooled signal: only her name and date of birth are known.</summary>
    public YoungPerson RegisterFromSignal(string pseudonym, string givenName, string familyName, DateOnly dateOfBirth, Guid organisationId)
    {
        var person = New(pseudonym, organisationId);
        person.GivenName = givenName;
        person.FamilyName = familyName;
        person.DateOfBirth = dateOfBirth;
        person.Gender = Gender.Unknown;
        person.Nationality = Nationality.Unknown;
        return person;
    }

    private YoungPerson New(string pseudonym, Guid organisationId)
    {
        var person = new YoungPerson { PseudonymCode = pseudonym, RegisteredAt = time.GetUtcNow(), RegisteredByOrganisationId = organisationId };
        db.YoungPeople.Add(person);
        return person;
    }
}
