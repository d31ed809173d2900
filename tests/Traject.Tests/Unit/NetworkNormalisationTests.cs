using Traject.Web.Modules.Network;

namespace Traject.Tests.Unit;

/// <summary>The normal forms of docs/network-normalisation.md: the same number, handle or place however it is written.</summary>
public class NetworkNormalisationTests
{
    [Theory]
    [InlineData("06-12345678", "+31612345678")]
    [InlineData("0612345678", "+31612345678")]
    [InlineData("06 12 34 56 78", "+31612345678")]
    [InlineData("+31 6 12345678", "+31612345678")]
    [InlineData("+31612345678", "+31612345678")]
    [InlineData("0031612345678", "+31612345678")]
    [InlineData("0031 6 1234 5678", "+31612345678")]
    [InlineData("+31 (0)6 1234 5678", "+31612345678")]
    [InlineData("+31 06 12345678", "+31612345678")]
    [InlineData("tel:+31-6-12345678", "+31612345678")]
    [InlineData("(020) 123 4567", "+31201234567")]
    [InlineData("020-1234567", "+31201234567")]
    [InlineData("+31 20 123 45 67", "+31201234567")]
    [InlineData("0800-1234", "+318001234")]
    [InlineData("+32 470 12 34 56", "+32470123456")]
    [InlineData("0032 470 12 34 56", "+32470123456")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("+49 (0)30 123456", "+4930123456")]
    [InlineData("06.12.34.56.78", "+31612345678")]
    [InlineData("06/12345678", "+31612345678")]
    public void Phone_numbers_in_Dutch_and_international_formats_become_one_form(string raw, string expected) =>
        Assert.Equal(expected, NetworkNormalisation.Phone(raw));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("612345678")] // no 0, 00 or +: which country?
    [InlineData("0612")]
    [InlineData("061234567890")]
    [InlineData("06-1234567a")]
    [InlineData("+")]
    [InlineData("++31612345678")]
    [InlineData("06+12345678")]
    [InlineData("+0612345678")]
    [InlineData("+32 12")]
    [InlineData("bel me")]
    public void Numbers_that_cannot_be_read_are_refused(string raw) => Assert.Null(NetworkNormalisation.Phone(raw));

    [Theory]
    [InlineData(nameof(Platform.Instagram), "@Loverboy.Demo_1", "loverboy.demo_1")]
    [InlineData(nameof(Platform.Instagram), "loverboy.demo_1", "loverboy.demo_1")]
    [InlineData(nameof(Platform.Instagram), "https://www.instagram.com/Loverboy.Demo_1/?hl=nl", "loverboy.demo_1")]
    [InlineData(nameof(Platform.TikTok), "https://www.tiktok.com/@Demo.Tik", "demo.tik")]
    [InlineData(nameof(Platform.Snapchat), "https://www.snapchat.com/add/demo-snap", "demo-snap")]
    [InlineData(nameof(Platform.Snapchat), "Demo-Snap", "demo-snap")]
    [InlineData(nameof(Platform.X), "@Demo_X", "demo_x")]
    [InlineData(nameof(Platform.X), "https://x.com/Demo_X", "demo_x")]
    [InlineData(nameof(Platform.Telegram), "t.me/Demo_Tg", "demo_tg")]
    [InlineData(nameof(Platform.Facebook), "Demo.Face.Book", "demofacebook")]
    [InlineData(nameof(Platform.Facebook), "https://facebook.com/demofacebook", "demofacebook")]
    [InlineData(nameof(Platform.Discord), "Demo.Disc_1", "demo.disc_1")]
    [InlineData(nameof(Platform.Other), "@Iemand#1234", "iemand#1234")]
    public void Handles_lose_case_the_at_sign_and_profile_addresses(string platform, string raw, string expected) =>
        Assert.Equal(expected, NetworkNormalisation.Handle(Enum.Parse<Platform>(platform), raw));

    [Theory]
    [InlineData(nameof(Platform.Instagram), "demo handle")]
    [InlineData(nameof(Platform.Instagram), "demo-handle")] // Instagram allows no hyphen
    [InlineData(nameof(Platform.X), "demo.x")]
    [InlineData(nameof(Platform.Telegram), "demo.tg")]
    [InlineData(nameof(Platform.Snapchat), "démo")]
    [InlineData(nameof(Platform.Other), "twee woorden")]
    [InlineData(nameof(Platform.Instagram), "@")]
    [InlineData(nameof(Platform.Instagram), "")]
    public void Handles_a_platform_does_not_allow_are_refused(string platform, string raw) =>
        Assert.Null(NetworkNormalisation.Handle(Enum.Parse<Platform>(platform), raw));

    [Fact]
    public void The_same_handle_on_different_platforms_is_a_different_identifier()
    {
        Assert.NotEqual(NetworkNormalisation.HandleKey(Platform.Instagram, "demo", null), NetworkNormalisation.HandleKey(Platform.TikTok, "demo", null));
        Assert.Equal(NetworkNormalisation.HandleKey(Platform.Other, "demo", "Kik  Messenger"), NetworkNormalisation.HandleKey(Platform.Other, "demo", "kik messenger"));
    }

    [Theory]
    [InlineData("Hôtel De Gouden-Leeuw", "hotel de gouden leeuw")]
    [InlineData("  HOTEL   de gouden leeuw ", "hotel de gouden leeuw")]
    [InlineData("Stationsplein 12a, 1012AB Amsterdam", "stationsplein 12 a 1012 ab amsterdam")]
    [InlineData("Stationsplein 12-A 1012 ab  AMSTERDAM", "stationsplein 12 a 1012 ab amsterdam")]
    [InlineData("Café 't Hoekje", "cafe t hoekje")]
    [InlineData("Zoë's Park", "zoe s park")]
    public void Places_lose_case_spacing_accents_and_punctuation(string raw, string expected) =>
        Assert.Equal(expected, NetworkNormalisation.Place(raw));

    [Theory]
    [InlineData("")]
    [InlineData(" - , . ")]
    public void Places_without_letters_or_digits_have_no_normal_form(string raw) => Assert.Null(NetworkNormalisation.Place(raw));

    [Fact]
    public void A_place_name_and_an_address_share_one_key_space() =>
        Assert.Equal(NetworkNormalisation.PlaceKey(NetworkNormalisation.Place("Parkweg 5, Arnhem")!),
            NetworkNormalisation.PlaceKey(NetworkNormalisation.Place("parkweg 5 arnhem")!));
}
