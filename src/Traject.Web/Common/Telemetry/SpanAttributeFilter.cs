using System.Diagnostics;
using OpenTelemetry;

namespace Traject.Web.Common.Telemetry;

/// <summary>
/// Keeps only the span attributes that cannot carry personal data; every other one is removed before a span is
/// exported. Kept: the method, route template, status, scheme and server of a request, and the path only when the
/// request matched a route (so it holds ids and pseudonyms, not whatever a client typed); of a database call its
/// system, database, operation, table and SQL text (parameters are never in it: Npgsql sends values apart, and EF Core
/// writes parameters, not values); errors by type. Removed among others: query strings, client addresses, user agents,
/// full URLs and anything a library adds later.
/// </summary>
internal sealed class SpanAttributeFilter : BaseProcessor<Activity>
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "http.request.method", "http.request.method_original", "http.response.status_code", "http.route",
        "url.scheme", "server.address", "server.port", "network.protocol.name", "network.protocol.version", "error.type",
        "db.system", "db.system.name", "db.namespace", "db.operation.name", "db.collection.name", "db.query.text",
        "db.response.status_code", "db.npgsql.prepared", "db.npgsql.rows", "db.npgsql.connection_id",
        "otel.status_code", "otel.status_description",
    };

    public override void OnEnd(Activity data)
    {
        var routed = data.GetTagItem("http.route") is string { Length: > 0 };
        List<string>? remove = null;
        foreach (var tag in data.TagObjects)
        {
            if (!Allowed.Contains(tag.Key) && !(routed && tag.Key == "url.path"))
            {
                (remove ??= []).Add(tag.Key);
            }
        }

        foreach (var key in remove ?? [])
        {
            data.SetTag(key, null);
        }
    }
}
