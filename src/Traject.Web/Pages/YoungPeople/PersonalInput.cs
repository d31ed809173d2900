using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Pages.YoungPeople;

/// <summary>The personal-details fields of the register and edit forms (bound as <c>Input.*</c>).</summary>
internal class PersonalInput
{
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public Gender? Gender { get; set; }
    public Nationality? Nationality { get; set; }
    public string? NationalityCountry { get; set; }
    public string? Municipality { get; set; }
}
