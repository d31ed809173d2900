namespace Traject.Web.Common.Access;

/// <summary>
/// The reason given with the basis of this request's dossier access (emergency access), set by the access policy and
/// written into the audit entries of the same request. Never dossier content.
/// </summary>
internal sealed class AccessReasons
{
    public string? Emergency { get; set; }

    /// <summary>Until when that emergency access holds.</summary>
    public DateTimeOffset? EmergencyUntil { get; set; }
}
