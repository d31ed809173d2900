using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Journal;

namespace Traject.Tests.Unit;

/// <summary>What an attachment is taken for (its first bytes, never its name), the name it is stored under, and its encryption.</summary>
public sealed class AttachmentRulesTests
{
    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0 }, null)] // an executable
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67 }, null)] // "<svg": may carry script
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45 }, null)] // RIFF, but a WAVE
    [InlineData(new byte[] { 0x89, 0x50, 0x4E }, null)] // a PNG signature cut short
    public void The_type_is_found_from_the_content(byte[] content, string? expected) =>
        Assert.Equal(expected, AttachmentTypes.Sniff(content)?.ContentType);

    [Theory]
    [InlineData("Toestemming ouders.pdf", "Toestemming_ouders.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("C:\\Users\\x\\besluit rechter.exe", "besluit_rechter.pdf")]
    [InlineData("\"; filename=evil.html", "filenameevil.pdf")]
    [InlineData("Beschikking-één_2026.PDF", "Beschikking-een_2026.pdf")]
    [InlineData("....", "bijlage.pdf")]
    [InlineData(null, "bijlage.pdf")]
    public void The_stored_name_is_safe_and_has_the_extension_of_the_real_type(string? client, string expected) =>
        Assert.Equal(expected, AttachmentTypes.SafeFileName(client, AttachmentTypes.Pdf));

    [Fact]
    public void Content_is_encrypted_per_attachment_and_tampering_or_another_row_does_not_decrypt()
    {
        var protection = new AttachmentProtection(Options.Create(new AttachmentOptions { Secret = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()) }),
            new Env("Production"));
        var plain = "%PDF-1.4 fictief"u8.ToArray();
        var id = Guid.CreateVersion7();
        var stored = protection.Protect(id, plain);
        Assert.False(stored.AsSpan().IndexOf(plain) >= 0);
        Assert.NotEqual(stored, protection.Protect(id, plain)); // a fresh nonce every time
        Assert.Equal(plain, protection.Unprotect(id, AttachmentProtection.FormatVersion, stored));
        Assert.ThrowsAny<CryptographicException>(() => protection.Unprotect(Guid.CreateVersion7(), AttachmentProtection.FormatVersion, stored));
        stored[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => protection.Unprotect(id, AttachmentProtection.FormatVersion, stored));
    }

    [Fact]
    public void Outside_Development_a_secret_is_required()
    {
        Assert.False(AttachmentProtection.IsValid(new AttachmentOptions(), new Env("Production")));
        Assert.False(AttachmentProtection.IsValid(new AttachmentOptions { Secret = Convert.ToBase64String(new byte[16]) }, new Env("Production")));
        Assert.True(AttachmentProtection.IsValid(new AttachmentOptions { Secret = Convert.ToBase64String(new byte[32]) }, new Env("Production")));
        Assert.True(AttachmentProtection.IsValid(new AttachmentOptions(), new Env("Development")));
    }

    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Traject";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
