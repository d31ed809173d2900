using Microsoft.AspNetCore.Identity;

namespace Traject.Web.Modules.Organisations;

/// <summary>A professional: an Identity user who belongs to exactly one organisation.</summary>
internal sealed class Professional : IdentityUser<Guid>
{
    public Professional()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = string.Empty;
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}
