using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Traject.Web.Modules.Network;

/// <summary>The <c>Network</c> configuration section.</summary>
internal sealed class NetworkOptions
{
    public const string Section = "Network";
    public const int MinimumSecretBytes = 32;

    /// <summary>
    /// Base64 of at least 32 random bytes. It encrypts the network key ring and keys the identifier hashes; it is never
    /// stored in the database. Required outside Development. Changing it makes existing entries unreadable and existing
    /// hashes unmatchable (see docs/adr/0018).
    /// </summary>
    public string? Secret { get; set; }

    public static byte[]? Decode(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }

        var buffer = new byte[secret.Length];
        return Convert.TryFromBase64String(secret.Trim(), buffer, out var length) && length >= MinimumSecretBytes ? buffer[..length] : null;
    }

    /// <summary>Valid: a usable secret, or none at all in Development (which then uses a fixed, public development secret).</summary>
    public static bool IsValid(NetworkOptions options, IHostEnvironment env) =>
        Decode(options.Secret) is not null || (env.IsDevelopment() && string.IsNullOrWhiteSpace(options.Secret));
}

/// <summary>The keys derived from the configured secret (HKDF-SHA256, one per purpose).</summary>
internal sealed class NetworkSecrets
{
    /// <summary>Development only, and public: an installation without its own secret outside Development does not start.</summary>
    private static readonly byte[] DevelopmentSecret = Encoding.UTF8.GetBytes("Traject development only - not a secret, never for real data");

    public NetworkSecrets(IOptions<NetworkOptions> options, IHostEnvironment env)
    {
        var secret = NetworkOptions.Decode(options.Value.Secret)
            ?? (env.IsDevelopment() ? DevelopmentSecret : throw new InvalidOperationException("Network:Secret is not configured."));
        KeyRingKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "Traject network key ring v1"u8.ToArray());
        HashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "Traject network identifiers v1"u8.ToArray());
    }

    public byte[] KeyRingKey { get; }
    public byte[] HashKey { get; }

    /// <summary>HMAC-SHA256 of a canonical identifier text, in lower-case hex.</summary>
    public string Hash(string canonical) => Convert.ToHexStringLower(HMACSHA256.HashData(HashKey, Encoding.UTF8.GetBytes(canonical)));
}

/// <summary>
/// The framework's data protection for network content, with a key ring of its own: stored in the database (table
/// <c>NetworkProtectionKeys</c>) so every node shares it, and each key encrypted there with AES-256-GCM under a key
/// derived from <c>Network:Secret</c>. The database alone does not decrypt anything. See docs/adr/0018.
/// </summary>
internal sealed class NetworkProtection : IDisposable
{
    public const string Purpose = "Traject.Network.Content.v1";

    private readonly ServiceProvider _services;
    private readonly IDataProtector _protector;

    public NetworkProtection(NetworkSecrets secrets, IServiceScopeFactory scopes)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new NetworkKeyRingKey(secrets.KeyRingKey));
        services.AddDataProtection().SetApplicationName("Traject.Network");
        services.Configure<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new NetworkKeyRepository(scopes);
            o.XmlEncryptor = new NetworkKeyEncryptor(secrets.KeyRingKey);
        });
        _services = services.BuildServiceProvider();
        _protector = _services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
    }

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);

    public void Dispose() => _services.Dispose();
}

/// <summary>The key that encrypts the network key ring, for the decryptor the framework creates by type name.</summary>
internal sealed record NetworkKeyRingKey(byte[] Value);

/// <summary>Encrypts a key of the network key ring with AES-256-GCM before it is stored.</summary>
internal sealed class NetworkKeyEncryptor(byte[] key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement("encryptedKey",
            new XComment(" AES-256-GCM under a key derived from the configured Network:Secret "),
            new XElement("value", Convert.ToBase64String([.. nonce, .. tag, .. cipher])));
        return new EncryptedXmlInfo(element, typeof(NetworkKeyDecryptor));
    }
}

/// <summary>Decrypts a key of the network key ring; created by the framework with the network's own services.</summary>
internal sealed class NetworkKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetRequiredService<NetworkKeyRingKey>().Value;
        var data = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? string.Empty);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        if (data.Length < nonceSize + tagSize)
        {
            throw new CryptographicException("The network key is damaged.");
        }

        var plain = new byte[data.Length - nonceSize - tagSize];
        using (var aes = new AesGcm(key, tagSize))
        {
            aes.Decrypt(data.AsSpan(0, nonceSize), data.AsSpan(nonceSize + tagSize), data.AsSpan(nonceSize, tagSize), plain);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}

/// <summary>Keeps the network key ring in its own table, so every app node shares it.</summary>
internal sealed class NetworkKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectDb>();
        return db.Set<NetworkProtectionKey>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectDb>();
        db.Set<NetworkProtectionKey>().Add(new NetworkProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
