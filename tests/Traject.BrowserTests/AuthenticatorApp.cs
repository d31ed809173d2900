using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Traject.BrowserTests;

/// <summary>
/// The professional's authenticator app in a journey: RFC 6238 time-based one-time codes (HMAC-SHA1, 30-second steps,
/// 6 digits) from the Base32 key the enrolment page shows, written independently of the app's own code. The app accepts
/// a code only once per time step, so the app here remembers the step of the last code it handed out and, like a person
/// looking at her phone, waits for the next code when that one was used already.
/// </summary>
internal sealed class AuthenticatorApp
{
    public const int StepSeconds = 30;
    private const int Digits = 6;
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private long? _lastUsedStep;

    public AuthenticatorApp(string base32Key, TimeProvider time)
    {
        _key = FromBase32(base32Key);
        if (_key.Length == 0)
        {
            throw new ArgumentException("The key is empty.", nameof(base32Key));
        }

        _time = time;
    }

    /// <summary>The number of whole 30-second steps since the Unix epoch (RFC 6238: T = floor((time - T0) / X)).</summary>
    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code the app shows at the given time.</summary>
    public string CodeAt(DateTimeOffset at) => CodeForStep(StepAt(at));

    /// <summary>How long until the app shows a code not handed out yet: zero when the current one is new.</summary>
    public TimeSpan UntilUnusedCode()
    {
        var now = _time.GetUtcNow();
        if (_lastUsedStep is not { } used || StepAt(now) > used)
        {
            return TimeSpan.Zero;
        }

        var nextStepStarts = DateTimeOffset.FromUnixTimeSeconds((used + 1) * StepSeconds);
        return nextStepStarts - now;
    }

    /// <summary>Hands out the current code and remembers its step; refuses when that step's code was handed out already.</summary>
    public string UseCurrentCode()
    {
        var step = StepAt(_time.GetUtcNow());
        if (_lastUsedStep is { } used && step <= used)
        {
            throw new InvalidOperationException($"The code of time step {step} was used already; wait {UntilUnusedCode()} for the next one.");
        }

        _lastUsedStep = step;
        return CodeForStep(step);
    }

    /// <summary>Waits until the app shows a code not used yet (at most one step), then hands it out.</summary>
    public async Task<string> UseNextCodeAsync(CancellationToken cancellationToken = default)
    {
        var wait = UntilUnusedCode();
        if (wait > TimeSpan.Zero)
        {
            // A little past the boundary, so the step has surely changed on this clock.
            await Task.Delay(wait + TimeSpan.FromMilliseconds(50), _time, cancellationToken);
        }

        return UseCurrentCode();
    }

    /// <summary>
    /// A six-digit code the server accepts at no step near now: it differs from the codes of the previous, current and
    /// next two steps (the server allows one step of drift either side, and a step may pass before it checks).
    /// </summary>
    public string WrongCode()
    {
        var step = StepAt(_time.GetUtcNow());
        var near = Enumerable.Range(-1, 4).Select(d => CodeForStep(step + d)).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), Digits)).First(code => !near.Contains(code));
    }

    /// <summary>RFC 4226 HOTP on the time step: HMAC-SHA1 of the big-endian counter, dynamic truncation, modulo 10^6.</summary>
    private string CodeForStep(long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1.
        var hash = HMACSHA1.HashData(_key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// RFC 4648 Base32, as authenticator apps read it: case and spaces (the page shows the key in groups of four) do not
    /// matter, padding is optional. Anything else is refused.
    /// </summary>
    public static byte[] FromBase32(string text)
    {
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a Base32 character.");
            }

            buffer = ((buffer << 5) | value) & 0xFFF; // at most 12 bits are ever pending
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
            }
        }

        return [.. bytes];
    }
}
