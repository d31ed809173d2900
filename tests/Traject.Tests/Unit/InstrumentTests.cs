using System.Text.Json;
using Traject.Web.Common;
using Traject.Web.Modules.Screening;

namespace Traject.Tests.Unit;

/// <summary>The built-in instrument and the checks every published version passes.</summary>
public class InstrumentTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static SignalDocument Signal(string code, string group = InstrumentGroups.Online, string? nl = "Label", string? en = "Label",
        string?[]? profiles = null, string?[]? elements = null, bool? acute = false) =>
        new(code, group, new SignalLabels(nl, en), profiles ?? [], elements ?? [], acute);

    /// <summary>The smallest valid list: one risk factor, one signal per legal element, one acute signal.</summary>
    private static List<SignalDocument?> Minimal() =>
    [
        Signal("risk", profiles: ["phase-of-life"]),
        Signal("act", elements: ["act"]),
        Signal("means", elements: ["means"]),
        Signal("purpose", elements: ["purpose"]),
        Signal("acute", acute: true),
    ];

    private static IReadOnlyDictionary<string, string[]> Errors(InstrumentDocument document)
    {
        var result = InstrumentJson.Validate(document);
        Assert.False(result.IsSuccess);
        return result.Error!.Fields!;
    }

    [Fact]
    public void The_built_in_instrument_is_valid_and_covers_every_group_tag_and_outcome()
    {
        var instrument = BuiltInInstrument.Instance;
        Assert.Equal("2026.2", instrument.Version);
        Assert.InRange(instrument.Signals.Count, 50, 65);
        Assert.Equal(InstrumentGroups.All.Order(), instrument.Signals.Select(s => s.Group).Distinct().Order());
        Assert.All(instrument.Signals, s => Assert.True(InstrumentJson.IsCode(s.Code), s.Code));
        Assert.All(instrument.Signals, s => Assert.False(string.IsNullOrWhiteSpace(s.LabelNl) || string.IsNullOrWhiteSpace(s.LabelEn), s.Code));
        Assert.Equal(Enum.GetValues<RiskProfile>(), instrument.Signals.SelectMany(s => s.RiskProfiles).Distinct().Order());

        // What other tests pick by tag: acute, pure risk factors, pure act/means/purpose, and signals that are both.
        Assert.Contains(instrument.Signals, s => s.Acute && s.RiskProfiles.Count == 0 && s.LegalElements.Count == 0);
        Assert.True(instrument.Signals.Count(s => s.RiskProfiles.Count > 0 && s.LegalElements.Count == 0 && !s.Acute) >= 3);
        foreach (var element in LegalTest.GeneralElements)
        {
            Assert.True(instrument.Signals.Count(s => s.LegalElements.SequenceEqual([element]) && s.RiskProfiles.Count == 0 && !s.Acute) >= 3, element.ToString());
        }

        Assert.Contains(instrument.Signals, s => s.RiskProfiles.Count > 0 && s.LegalElements.Count > 0);

        // The first signal of each kind is a pure one, so "the first acute / act / … signal" means just that.
        Assert.Empty(instrument.Signals.First(s => s.Acute).LegalElements);
        foreach (var element in LegalTest.GeneralElements)
        {
            var first = instrument.Signals.First(s => s.LegalElements.Contains(element));
            Assert.True(first.LegalElements.Count == 1 && first.RiskProfiles.Count == 0 && !first.Acute, first.Code);
        }
    }

    [Fact]
    public void Version_2026_2_adds_paid_sexual_acts_of_a_minor_and_keeps_every_code_of_2026_1()
    {
        Assert.Equal(["2026.1", "2026.2"], BuiltInInstrument.All.Select(i => i.Version));
        var (first, second) = (BuiltInInstrument.All[0], BuiltInInstrument.All[1]);
        Assert.Same(second, BuiltInInstrument.Instance);
        Assert.DoesNotContain(first.Signals, s => s.LegalElements.Contains(LegalElement.PaidSexMinor));

        // A code keeps its meaning: every signal of 2026.1 is in 2026.2 with the same group, labels and other tags.
        foreach (var old in first.Signals)
        {
            var now = second.Find(old.Code);
            Assert.NotNull(now);
            Assert.Equal((old.Group, old.LabelNl, old.LabelEn, old.Acute), (now.Group, now.LabelNl, now.LabelEn, now.Acute));
            Assert.Equal(old.RiskProfiles, now.RiskProfiles);
            Assert.Equal(old.LegalElements, now.LegalElements.Where(e => e != LegalElement.PaidSexMinor));
        }

        // Paid sexual acts with or for a third party, and profiting from them: each is an exploitation purpose too.
        var paid = second.Signals.Where(s => s.LegalElements.Contains(LegalElement.PaidSexMinor)).Select(s => s.Code).ToList();
        Assert.Equal(["others-profit-from-paid-sex", "sex-for-money-goods-or-shelter", "sex-arranged-by-others", "offered-online-for-sex"], paid);
        Assert.All(paid, code => Assert.Equal([LegalElement.Purpose, LegalElement.PaidSexMinor], second.Find(code)!.LegalElements));
        Assert.Equal(first.Signals.Count + 1, second.Signals.Count);
        Assert.Equal(["others-profit-from-paid-sex"], second.Signals.Select(s => s.Code).Except(first.Signals.Select(s => s.Code)));
    }

    [Fact]
    public void Paid_sex_minor_is_an_optional_tag_with_its_own_wire_name()
    {
        Assert.Equal("paid-sex-minor", InstrumentNames.Of(LegalElement.PaidSexMinor));
        Assert.True(InstrumentNames.TryParse("paid-sex-minor", out LegalElement parsed));
        Assert.Equal(LegalElement.PaidSexMinor, parsed);

        var signals = Minimal();
        signals.Add(Signal("paid", elements: ["paid-sex-minor", "purpose"]));
        var result = InstrumentJson.Validate(new InstrumentDocument("2027.1", signals));
        Assert.True(result.IsSuccess);
        Assert.Equal([LegalElement.Purpose, LegalElement.PaidSexMinor], result.Value.Find("paid")!.LegalElements);

        var errors = Errors(new InstrumentDocument("2027.1", [.. Minimal(), Signal("wrong", elements: ["paidsexminor"])]));
        Assert.Contains("paid-sex-minor", Assert.Single(errors["signals[5].legalElements[0]"]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_in_instrument_survives_storing_and_reading_back()
    {
        var stored = InstrumentJson.Serialize(BuiltInInstrument.Instance);
        var back = InstrumentJson.Parse(stored);
        Assert.Equal(BuiltInInstrument.Instance.Version, back.Version);
        Assert.Equal(BuiltInInstrument.Instance.Signals.Count, back.Signals.Count);
        for (var i = 0; i < back.Signals.Count; i++)
        {
            var (a, b) = (BuiltInInstrument.Instance.Signals[i], back.Signals[i]);
            Assert.Equal((a.Code, a.Group, a.LabelNl, a.LabelEn, a.Acute), (b.Code, b.Group, b.LabelNl, b.LabelEn, b.Acute));
            Assert.Equal(a.RiskProfiles, b.RiskProfiles);
            Assert.Equal(a.LegalElements, b.LegalElements);
        }

        Assert.Equal(stored, InstrumentJson.Serialize(back));
    }

    [Fact]
    public void The_JSON_of_the_API_is_what_a_new_version_is_published_as()
    {
        var json = JsonSerializer.Serialize(InstrumentJson.ToDocument(BuiltInInstrument.Instance), Web);
        using var parsed = JsonDocument.Parse(json);
        var first = parsed.RootElement.GetProperty("signals")[0];
        Assert.Equal("older-partner-with-gifts", first.GetProperty("code").GetString());
        Assert.Equal("relationship-and-network", first.GetProperty("group").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("labels").GetProperty("nl").GetString()));
        Assert.Equal(["phase-of-life", "influenceable"], first.GetProperty("riskProfiles").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, first.GetProperty("legalElements").GetArrayLength());
        Assert.False(first.GetProperty("acute").GetBoolean());

        var again = JsonSerializer.Deserialize<InstrumentDocument>(json, Web)! with { Version = "2026.2" };
        var result = InstrumentJson.Validate(again);
        Assert.True(result.IsSuccess);
        Assert.Equal("2026.2", result.Value.Version);
    }

    [Fact]
    public void A_minimal_list_is_valid_and_its_tags_are_kept_in_a_fixed_order()
    {
        var signals = Minimal();
        signals[0] = Signal("risk", profiles: ["traumatised", "phase-of-life"]);
        var result = InstrumentJson.Validate(new InstrumentDocument(" 2027.1-test ", signals));
        Assert.True(result.IsSuccess);
        Assert.Equal("2027.1-test", result.Value.Version);
        Assert.Equal([RiskProfile.PhaseOfLife, RiskProfile.Traumatised], result.Value.Find("risk")!.RiskProfiles);
    }

    [Theory]
    [InlineData(null, "This field is required.")]
    [InlineData("", "This field is required.")]
    [InlineData("2026 2", "Use letters, digits, dots and hyphens, starting with a letter or digit.")]
    [InlineData(".2026", "Use letters, digits, dots and hyphens, starting with a letter or digit.")]
    [InlineData("123456789012345678901234567890123", "At most {0} characters.")]
    public void The_version_name_is_checked(string? version, string message)
    {
        var errors = Errors(new InstrumentDocument(version, Minimal()));
        Assert.StartsWith(message, Assert.Single(errors["version"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_are_unique_and_kebab_case()
    {
        var signals = Minimal();
        signals.Add(Signal("risk", profiles: ["influenceable"]));
        signals.Add(Signal("Not_Kebab", profiles: ["influenceable"]));
        signals.Add(Signal("trailing-", profiles: ["influenceable"]));
        var errors = Errors(new InstrumentDocument("x", signals));
        Assert.Equal(Text.Encode("The code {0} is used twice.", "risk"), Assert.Single(errors["signals[5].code"]));
        Assert.StartsWith("Use lower-case letters", errors["signals[6].code"][0], StringComparison.Ordinal);
        Assert.StartsWith("Use lower-case letters", errors["signals[7].code"][0], StringComparison.Ordinal);
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Groups_profiles_and_legal_elements_must_be_known_and_labels_given_in_both_languages()
    {
        var signals = Minimal();
        signals.Add(Signal("a", group: "friends", profiles: ["influenceable"]));
        signals.Add(Signal("b", nl: " ", en: null, profiles: ["influenceable"]));
        signals.Add(Signal("c", profiles: ["naive", "influenceable", "influenceable"]));
        signals.Add(Signal("d", elements: ["coercion"]));
        signals.Add(Signal("e", nl: new string('x', 201), profiles: ["influenceable"]));
        signals.Add(null);
        var errors = Errors(new InstrumentDocument("x", signals));
        Assert.StartsWith("Unknown group. Known groups:", errors["signals[5].group"][0], StringComparison.Ordinal);
        Assert.Equal(["This field is required."], errors["signals[6].labels.nl"]);
        Assert.Equal(["This field is required."], errors["signals[6].labels.en"]);
        Assert.StartsWith("Unknown value. Known values:", errors["signals[7].riskProfiles[0]"][0], StringComparison.Ordinal);
        Assert.Equal(["This value is given twice."], errors["signals[7].riskProfiles[2]"]);
        Assert.StartsWith("Unknown value. Known values:", errors["signals[8].legalElements[0]"][0], StringComparison.Ordinal);
        Assert.StartsWith("At most {0} characters.", errors["signals[9].labels.nl"][0], StringComparison.Ordinal);
        Assert.Equal(["This field is required."], errors["signals[10]"]);
    }

    [Fact]
    public void Every_signal_has_a_tag_and_the_list_can_reach_every_outcome()
    {
        var untagged = Minimal();
        untagged.Add(Signal("nothing"));
        Assert.Equal(["Tag the signal as a risk factor (with its risk profiles), a legal element or acute danger."], Errors(new InstrumentDocument("x", untagged))["signals[5]"]);

        var thin = new List<SignalDocument?> { Signal("risk", profiles: ["phase-of-life"]), Signal("act", elements: ["act"]) };
        var errors = Errors(new InstrumentDocument("x", thin))["signals"];
        Assert.Contains("The instrument needs at least one acute-danger signal.", errors);
        Assert.Contains(Text.Encode("The instrument needs at least one signal of the legal element {0}.", LegalElement.Means), errors);
        Assert.Contains(Text.Encode("The instrument needs at least one signal of the legal element {0}.", LegalElement.Purpose), errors);
        Assert.DoesNotContain(Text.Encode("The instrument needs at least one signal of the legal element {0}.", LegalElement.PaidSexMinor), errors);
        Assert.DoesNotContain("The instrument needs at least one risk factor.", errors);

        Assert.StartsWith("Give from 1 to {0} signals.", Errors(new InstrumentDocument("x", []))["signals"][0], StringComparison.Ordinal);
        Assert.StartsWith("Give from 1 to {0} signals.", Errors(new InstrumentDocument("x", null))["signals"][0], StringComparison.Ordinal);
    }
}
