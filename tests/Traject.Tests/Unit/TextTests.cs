using System.Globalization;
using Microsoft.Extensions.Localization;
using Traject.Web.Common;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Unit;

public class TextTests
{
    /// <summary>A localizer over a dictionary; keys it does not know come back unchanged, marked as not found.</summary>
    private sealed class DictionaryLocalizer(Dictionary<string, string> strings) : IStringLocalizer
    {
        public LocalizedString this[string name] =>
            strings.TryGetValue(name, out var value) ? new(name, value) : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.CurrentCulture, this[name].Value, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            strings.Select(s => new LocalizedString(s.Key, s.Value));
    }

    private static readonly DictionaryLocalizer English = new([]);

    private static readonly DictionaryLocalizer Dutch = new(new()
    {
        ["Status changed from {0} to {1}"] = "Status gewijzigd van {0} naar {1}",
        ["TrajectoryStatus.Signalled"] = "Gesignaleerd",
        ["TrajectoryStatus.Active"] = "Actief",
        ["Not found"] = "Niet gevonden",
    });

    [Fact]
    public void A_stored_message_renders_with_its_arguments_in_English()
    {
        var stored = Text.Encode("Status changed from {0} to {1}", TrajectoryStatus.Signalled, TrajectoryStatus.Active);
        Assert.DoesNotContain("Signalled", English.Render(stored).Split(' ')[0..3]);
        Assert.Equal("Status changed from Signalled to Active", English.Render(stored));
    }

    [Fact]
    public void The_same_stored_message_renders_in_Dutch()
    {
        var stored = Text.Encode("Status changed from {0} to {1}", TrajectoryStatus.Signalled, TrajectoryStatus.Active);
        Assert.Equal("Status gewijzigd van Gesignaleerd naar Actief", Dutch.Render(stored));
    }

    [Fact]
    public void Enum_labels_fall_back_to_words()
    {
        var stored = Text.Encode("{0} joined the care team as {1}", "Mira Mentor (demo)", CareTeamRole.NeighbourhoodTeam);
        Assert.Equal("Mira Mentor (demo) joined the care team as Neighbourhood team", English.Render(stored));
    }

    [Fact]
    public void Numbers_and_dates_are_stored_culture_neutral()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
        try
        {
            var stored = Text.Encode("{0} and {1}", 1.5m, new DateOnly(2026, 3, 1));
            Assert.Contains("1.5", stored, StringComparison.Ordinal);
            Assert.Equal("1.5 and 03/01/2026", English.Render(stored));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Arguments_are_text_not_format_strings()
    {
        var stored = Text.Encode("{0} joined", "A {0} {weird} name");
        Assert.Equal("A {0} {weird} name joined", English.Render(stored));
    }

    [Fact]
    public void A_message_without_arguments_is_just_looked_up()
    {
        Assert.Equal("Not found", Text.Encode("Not found"));
        Assert.Equal("Niet gevonden", Dutch.Render("Not found"));
        Assert.Equal("Some {braces} stay", English.Render("Some {braces} stay"));
    }

    [Fact]
    public void The_separator_cannot_come_from_user_input_through_the_validator()
    {
        var v = new Validator();
        v.Text("name", "Demi" + Text.Separator + "Voorbeeld", 100);
        Assert.False(v.IsValid);
    }
}
