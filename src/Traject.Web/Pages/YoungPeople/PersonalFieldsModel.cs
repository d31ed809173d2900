using Microsoft.AspNetCore.Mvc.ModelBinding;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Pages.YoungPeople;

/// <summary>What the shared personal-details fields show: values and their errors.</summary>
internal sealed record PersonalFieldsModel(
    string? GivenName, string? FamilyName, DateOnly? DateOfBirth, Gender? Gender, Nationality? Nationality,
    string? NationalityCountry, string? Municipality, ModelStateDictionary State)
{
    public string Errors(string key) =>
        State.TryGetValue(key, out var entry) ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : string.Empty;
}
