namespace Traject.Web.Common;

/// <summary>
/// A mutable record with an optimistic concurrency token. The version goes up by one on every save;
/// a write based on an older version is refused.
/// </summary>
internal interface IVersioned
{
    long Version { get; set; }
}
