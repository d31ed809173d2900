using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Traject.Web.Modules.Journal;

/// <summary>
/// Encrypts attachments at rest with AES-256-GCM (docs/adr/0031). Each attachment has a key of its own, derived with
/// HKDF-SHA256 from the configured <c>Attachments:Secret</c> and the attachment's id, and a random nonce; the id is also
/// the associated data, so content moved to another row does not decrypt. The secret is never in the database, so the
/// database and its backups alone decrypt nothing.
/// </summary>
internal sealed class AttachmentProtection
{
    /// <summary>The stored format: nonce (12 bytes), tag (16 bytes), ciphertext; key derived as in version 1.</summary>
    public const int FormatVersion = 1;

    public const int MinimumSecretBytes = 32;

    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    /// <summary>Development only, and public: an installation outside Development does not start without its own secret.</summary>
    private static readonly byte[] DevelopmentSecret = Encoding.UTF8.GetBytes("Traject development only - attachments - never for real data");

    private readonly byte[] _secret;

    public AttachmentProtection(IOptions<AttachmentOptions> options, IHostEnvironment env) =>
        _secret = Decode(options.Value.Secret)
            ?? (env.IsDevelopment() ? DevelopmentSecret : throw new InvalidOperationException("Attachments:Secret is not configured."));

    /// <summary>The secret's bytes when it is base64 of at least 32 bytes, otherwise null.</summary>
    public static byte[]? Decode(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }

        var buffer = new byte[secret.Length];
        return Convert.TryFromBase64String(secret.Trim(), buffer, out var length) && length >= MinimumSecretBytes ? buffer[..length] : null;
    }

    /// <summary>Valid: a usable secret, or none at all in Development.</summary>
    public static bool IsValid(AttachmentOptions options, IHostEnvironment env) =>
        Decode(options.Secret) is not null || (env.IsDevelopment() && string.IsNullOrWhiteSpace(options.Secret));

    public byte[] Protect(Guid attachmentId, ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        var key = Key(attachmentId);
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Encrypt(nonce, plaintext, output.AsSpan(NonceBytes + TagBytes), output.AsSpan(NonceBytes, TagBytes), attachmentId.ToByteArray());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return output;
    }

    public byte[] Unprotect(Guid attachmentId, int version, byte[] stored)
    {
        if (version != FormatVersion || stored.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The attachment's content is damaged or of an unknown version.");
        }

        var plain = new byte[stored.Length - NonceBytes - TagBytes];
        var key = Key(attachmentId);
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(stored.AsSpan(0, NonceBytes), stored.AsSpan(NonceBytes + TagBytes), stored.AsSpan(NonceBytes, TagBytes), plain, attachmentId.ToByteArray());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return plain;
    }

    private byte[] Key(Guid attachmentId) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _secret, 32, salt: attachmentId.ToByteArray(), info: "Traject attachment v1"u8.ToArray());
}
