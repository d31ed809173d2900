
namespace Traject.Web.Modules.Organisations;

internal sealed class Organisation : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = string.Empty;
    public OrganisationKind Kind { get; set; }
    public Guid RegionId { get; set; }
    public Region? Region { get; set; }
    public bool IsActive { get; set; } = true;
    public long Version { get; set; }

    /// <summary>Organisations whose professionals give care and so may hold dossiers.</summary>
    public static bool IsCareKind(OrganisationKind kind) => kind is OrganisationKind.YouthCareProvider
        or OrganisationKind.MunicipalTeam or OrganisationKind.ChildProtection or OrganisationKind.YouthMentalHealthCare;
}
