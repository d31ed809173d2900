using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Traject.Web.Modules.Organisations;

namespace Traject.Tests.Infrastructure;

/// <summary>
/// The tests' own authenticator app: RFC 6238 (HMAC-SHA1, 30-second steps, 6 digits), written independently of the
/// app's code. The app validates codes on its injected clock, so the tests compute them at the fake clock's time.
/// </summary>
internal static class Authenticator
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = FromBase32(base32Key);
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 is HMAC-SHA1
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Moves the fake clock to the next 30-second step and returns its code: the app accepts each code once, so a test
    /// that logs in again waits for a new code as a person would.
    /// </summary>
    public static string Next(string base32Key, FakeClock clock)
    {
        var now = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(30 - (now.ToUnixTimeSeconds() % 30)));
        return Code(base32Key, clock.GetUtcNow());
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()
            .Select(c => Convert.ToString(alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }

    /// <summary>Enrols a professional directly (as if she had completed /Account/Enrol) and returns her key.</summary>
    public static async Task<string> EnrolAsync(WebApplicationFactory<Program> host, string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Professional>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No professional " + email);
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }
}
