using System.Text;

namespace Traject.BrowserTests;

/// <summary>The journeys' authenticator app against the test vectors of RFC 6238 (TOTP), RFC 4226 (HOTP) and RFC 4648 (Base32).</summary>
public sealed class AuthenticatorAppTests
{
    // The RFCs' SHA-1 secret, ASCII "12345678901234567890", in Base32.
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Fact]
    public void The_rfc_secret_in_base32_is_the_ascii_digits()
    {
        Assert.Equal("12345678901234567890", Encoding.ASCII.GetString(AuthenticatorApp.FromBase32(RfcKey)));
    }

    /// <summary>
    /// RFC 6238 appendix B, SHA-1 rows. The RFC prints 8 digits; truncation is the same 31-bit number modulo 10^digits,
    /// so the 6-digit code is the last six of them.
    /// </summary>
    [Theory]
    [InlineData(59L, 0x1L, "94287082")]
    [InlineData(1111111109L, 0x23523ECL, "07081804")]
    [InlineData(1111111111L, 0x23523EDL, "14050471")]
    [InlineData(1234567890L, 0x273EF07L, "89005924")]
    [InlineData(2000000000L, 0x3F940AAL, "69279037")]
    [InlineData(20000000000L, 0x27BC86AAL, "65353130")]
    public void Codes_match_the_rfc_6238_test_vectors(long unixSeconds, long step, string rfcCode)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        var app = new AuthenticatorApp(RfcKey, new ManualClock(at));

        Assert.Equal(step, AuthenticatorApp.StepAt(at));
        Assert.Equal(rfcCode[^6..], app.CodeAt(at));
    }

    /// <summary>RFC 4226 appendix D: the 6-digit HOTP values for counters 0 to 9 are the TOTP codes of steps 0 to 9.</summary>
    [Fact]
    public void Codes_of_the_first_steps_match_the_rfc_4226_hotp_values()
    {
        string[] expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
        var app = new AuthenticatorApp(RfcKey, new ManualClock(DateTimeOffset.UnixEpoch));

        var codes = Enumerable.Range(0, 10).Select(step => app.CodeAt(DateTimeOffset.FromUnixTimeSeconds(step * 30L))).ToArray();

        Assert.Equal(expected, codes);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("MY======", "f")]
    [InlineData("MZXQ====", "fo")]
    [InlineData("MZXW6===", "foo")]
    [InlineData("MZXW6YQ=", "foob")]
    [InlineData("MZXW6YTB", "fooba")]
    [InlineData("MZXW6YTBOI======", "foobar")]
    [InlineData("mzxw 6ytb oi", "foobar")]
    public void Base32_decodes_the_rfc_4648_test_vectors_and_the_grouped_form_the_page_shows(string base32, string expected)
    {
        Assert.Equal(expected, Encoding.ASCII.GetString(AuthenticatorApp.FromBase32(base32)));
    }

    [Theory]
    [InlineData("MZXW1")]
    [InlineData("MZXW-6YTB")]
    public void Base32_refuses_characters_outside_its_alphabet(string text)
    {
        Assert.Throws<FormatException>(() => AuthenticatorApp.FromBase32(text));
    }

    [Fact]
    public void Every_code_of_a_step_is_the_same_and_the_next_step_has_another()
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(1234567890 - (1234567890 % 30));
        var app = new AuthenticatorApp(RfcKey, new ManualClock(start));

        Assert.Equal(app.CodeAt(start), app.CodeAt(start.AddSeconds(29.999)));
        Assert.Equal("005924", app.CodeAt(start.AddSeconds(29)));
        Assert.NotEqual(app.CodeAt(start), app.CodeAt(start.AddSeconds(30)));
    }

    [Fact]
    public void A_used_code_is_not_handed_out_again_until_the_next_step()
    {
        var stepStart = DateTimeOffset.FromUnixTimeSeconds(1111111110); // 1111111110 = 30 * 37037037
        var clock = new ManualClock(stepStart.AddSeconds(10));
        var app = new AuthenticatorApp(RfcKey, clock);

        Assert.Equal(TimeSpan.Zero, app.UntilUnusedCode());
        Assert.Equal("050471", app.UseCurrentCode());

        Assert.Equal(TimeSpan.FromSeconds(20), app.UntilUnusedCode());
        Assert.Throws<InvalidOperationException>(app.UseCurrentCode);

        clock.Set(stepStart.AddSeconds(29));
        Assert.Equal(TimeSpan.FromSeconds(1), app.UntilUnusedCode());

        clock.Set(stepStart.AddSeconds(30));
        Assert.Equal(TimeSpan.Zero, app.UntilUnusedCode());
        Assert.Equal(app.CodeAt(clock.GetUtcNow()), app.UseCurrentCode());
    }

    [Fact]
    public async Task The_next_code_comes_at_once_when_the_current_one_is_unused()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(59);
        var app = new AuthenticatorApp(RfcKey, new ManualClock(at));

        Assert.Equal("287082", await app.UseNextCodeAsync());
    }

    [Fact]
    public void The_wrong_code_is_none_of_the_codes_the_server_could_accept()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var app = new AuthenticatorApp(RfcKey, new ManualClock(at));

        var wrong = app.WrongCode();

        Assert.Matches("^[0-9]{6}$", wrong);
        foreach (var seconds in new[] { -30, 0, 30, 60 })
        {
            Assert.NotEqual(app.CodeAt(at.AddSeconds(seconds)), wrong);
        }
    }

    [Fact]
    public void An_empty_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AuthenticatorApp("  ", TimeProvider.System));
    }

    /// <summary>A clock set by hand.</summary>
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Set(DateTimeOffset now) => _now = now;
    }
}
