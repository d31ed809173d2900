namespace Traject.Web.Data;

/// <summary>A data-protection key ring element, kept in the database so all app nodes share one key ring.</summary>
internal sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = string.Empty;
}
