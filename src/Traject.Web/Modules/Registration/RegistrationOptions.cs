using System.ComponentModel.DataAnnotations;

namespace Traject.Web.Modules.Registration;

/// <summary>The <c>Registration</c> configuration section.</summary>
internal sealed class RegistrationOptions
{
    public const string Section = "Registration";
    public const int SecretMinLength = 32;

    /// <summary>Used only in Development when no secret is configured; never valid elsewhere.</summary>
    public const string DevelopmentSecret = "development-only-deduplication-secret-not-for-use";

    /// <summary>Days from the confirmed suspicion within which the registration decision is due.</summary>
    [Range(1, 365)]
    public int DecisionDays { get; set; } = 30;

    /// <summary>The HMAC secret of the de-duplication keys; required outside Development (at least 32 characters).</summary>
    public string? DeduplicationSecret { get; set; }
}
