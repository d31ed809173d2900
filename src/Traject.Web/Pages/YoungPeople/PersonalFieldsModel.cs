namespace Traject.Web.Pages.YoungPeople;

/// <summary>What the shared personal-details fields show: the values and, per field, its messages.</summary>
internal sealed record PersonalFieldsModel(PersonalInput Input, Func<string, string> Errors);
