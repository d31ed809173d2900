
namespace Traject.Web.Modules.Organisations;

/// <summary>A youth-care region (jeugdzorgregio): data, editable by administrators.</summary>
internal sealed class Region : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = string.Empty;
    public bool IsActive { get; set; } = true;
    public long Version { get; set; }
}
