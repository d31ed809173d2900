namespace Traject.Web;

/// <summary>Marker for the shared UI strings: English keys, Dutch in Resources/SharedResource.nl.resx.</summary>
internal sealed class SharedResource;
