namespace Traject.Web.Pages.YoungPeople;

/// <summary>
/// What the shared personal-details fields show: the values and, per field, its messages; on the register form also
/// which dates of birth are accepted (a hint and the latest date the date field offers).
/// </summary>
internal sealed record PersonalFieldsModel(PersonalInput Input, Func<string, string> Errors, string? DateOfBirthHint = null, DateOnly? LatestDateOfBirth = null);
