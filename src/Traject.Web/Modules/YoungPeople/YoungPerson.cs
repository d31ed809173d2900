
namespace Traject.Web.Modules.YoungPeople;

internal enum Gender
{
    Girl,
    Boy,
    Other,
    Unknown,
}

internal enum Nationality
{
    Dutch,
    Other,

    /// <summary>Not known yet, e.g. for a young person first known through a pooled signal.</summary>
    Unknown,
}

/// <summary>
/// A young person. Names and date of birth are personal data shown only inside the dossier;
/// logs, exports and URLs use the pseudonymous code.
/// </summary>
internal sealed class YoungPerson : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string PseudonymCode { get; set; } = string.Empty;
    public string GivenName { get; set; } = string.Empty;
    public string FamilyName { get; set; } = string.Empty;
    public DateOnly DateOfBirth { get; set; }
    public Gender Gender { get; set; }
    public Nationality Nationality { get; set; }
    public string? NationalityCountry { get; set; }
    public string Municipality { get; set; } = string.Empty;
    public DateTimeOffset RegisteredAt { get; set; }
    public Guid RegisteredByOrganisationId { get; set; }
    public long Version { get; set; }

    public int AgeOn(DateOnly date) => Clock.AgeOn(DateOfBirth, date);
}
