using System.Buffers.Binary;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Modules.Auth;

/// <summary>RFC 6238 time-based one-time codes: HMAC-SHA1, 30-second steps, 6 digits.</summary>
internal static class Totp
{
    public const int StepSeconds = 30;

    public static long Step(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; as an HMAC it is not the weak part.
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The time step whose code this is, accepting the current step or one step either side (clock drift); null when
    /// the code matches none of them.
    /// </summary>
    public static long? MatchingStep(byte[] key, string code, DateTimeOffset now)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var step = Step(now);
        long? match = null;
        for (var drift = -1; drift <= 1; drift++)
        {
            if (CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(Code(key, step + drift)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                match = step + drift;
            }
        }

        return match;
    }

    /// <summary>Decodes RFC 4648 base32 (the form Identity stores the authenticator key in); null when malformed.</summary>
    public static byte[]? FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return bytes.ToArray();
    }
}

/// <summary>
/// Identity's authenticator provider, on the injected <see cref="TimeProvider"/> (Identity's own reads the system clock),
/// so the codes follow the app's clock everywhere, including in tests. A code counts once: the last accepted time step
/// is stored per professional, and a code of that step or an earlier one is refused (no replay within the 90-second
/// window). Two simultaneous uses of one code race on the user row's concurrency stamp, and only one wins.
/// </summary>
internal sealed class TotpTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<Professional>
{
    private const string TokenProvider = "Traject";
    private const string LastStepName = "LastTotpStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Professional> manager, Professional user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public Task<string> GenerateAsync(string purpose, UserManager<Professional> manager, Professional user) =>
        Task.FromResult(string.Empty); // the code comes from the professional's authenticator app

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Professional> manager, Professional user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var bytes = string.IsNullOrWhiteSpace(key) ? null : Totp.FromBase32(key);
        var step = bytes is { Length: > 0 } ? Totp.MatchingStep(bytes, token.Replace(" ", "", StringComparison.Ordinal), time.GetUtcNow()) : null;
        if (step is null)
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, TokenProvider, LastStepName);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var used) && step <= used)
        {
            return false;
        }

        var saved = await manager.SetAuthenticationTokenAsync(user, TokenProvider, LastStepName, step.Value.ToString(CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }
}

/// <summary>
/// Enrolment of the authenticator app. After the right password a professional without a second factor gets only a
/// short-lived enrolment cookie (its own scheme, which no page or endpoint accepts as a login) for /Account/Enrol.
/// </summary>
internal static class Enrolment
{
    public const string Scheme = "Traject.Enrolment";
    public const string Issuer = "Traject";
    public const int RecoveryCodeCount = 10;
    private const string StampClaim = "AspNet.Identity.SecurityStamp";

    /// <summary>The demo accounts keep password-only sign-in, in Development only.</summary>
    public static bool IsExempt(IHostEnvironment env, string? email) =>
        env.IsDevelopment() && email is not null && email.EndsWith(DemoOptions.Domain, StringComparison.OrdinalIgnoreCase);

    public static async Task StartAsync(HttpContext context, UserManager<Professional> users, Professional user)
    {
        if (string.IsNullOrWhiteSpace(await users.GetAuthenticatorKeyAsync(user)))
        {
            await users.ResetAuthenticatorKeyAsync(user); // changes the stamp, so read it afterwards
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(StampClaim, await users.GetSecurityStampAsync(user))],
            Scheme);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The professional this request's enrolment cookie belongs to, if she still needs to enrol.</summary>
    public static async Task<Professional?> PendingAsync(HttpContext context, UserManager<Professional> users)
    {
        var result = await context.AuthenticateAsync(Scheme);
        var id = result.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = result.Succeeded && id is not null ? await users.FindByIdAsync(id) : null;
        if (user is null || !user.IsActive || user.TwoFactorEnabled || await users.IsLockedOutAsync(user)
            || !string.Equals(result.Principal!.FindFirstValue(StampClaim), await users.GetSecurityStampAsync(user), StringComparison.Ordinal))
        {
            return null;
        }

        return user;
    }

    public static string OtpAuthUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period={Totp.StepSeconds}";

    /// <summary>The key in groups of four, for typing it in by hand.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', key.ToUpperInvariant().Chunk(4).Select(c => new string(c)));

    /// <summary>The QR code as a PNG data URL (the CSP allows data: images; no script, no inline style).</summary>
    public static string QrDataUrl(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
