using System.Diagnostics;
using Traject.Web.Common.Telemetry;

namespace Traject.Tests.Unit;

/// <summary>The allow-list that decides which span attributes leave the app (ADR 0026).</summary>
public sealed class SpanAttributeFilterTests
{
    private static Activity Span(params (string Key, object? Value)[] tags)
    {
        var span = new Activity("test");
        foreach (var (key, value) in tags)
        {
            span.SetTag(key, value);
        }

        return span;
    }

    private static Dictionary<string, object?> Kept(Activity span)
    {
        using var filter = new SpanAttributeFilter();
        filter.OnEnd(span);
        return span.TagObjects.ToDictionary(t => t.Key, t => t.Value);
    }

    [Fact]
    public void A_routed_request_keeps_method_route_path_and_status_and_loses_query_client_and_user_agent()
    {
        using var span = Span(("http.request.method", "GET"), ("http.route", "/api/v1/young-people/{key}"), ("url.path", "/api/v1/young-people/J-ABCD-EFGH"),
            ("url.query", "?name=Jane"), ("url.full", "https://x/api/v1/young-people/J-ABCD-EFGH?name=Jane"), ("client.address", "198.51.100.7"),
            ("user_agent.original", "Mozilla/5.0"), ("http.response.status_code", 200), ("http.request.header.cookie", "x"), ("enduser.id", "someone"));

        var kept = Kept(span);

        Assert.Equal(["http.request.method", "http.response.status_code", "http.route", "url.path"], kept.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("/api/v1/young-people/J-ABCD-EFGH", kept["url.path"]);
    }

    [Fact]
    public void A_path_that_matched_no_route_is_dropped_as_whatever_a_client_typed()
    {
        using var span = Span(("http.request.method", "GET"), ("url.path", "/Jane Doe 2011-03-17"), ("http.response.status_code", 404));

        Assert.DoesNotContain("url.path", Kept(span).Keys);
    }

    [Fact]
    public void A_database_call_keeps_its_parameterised_sql_and_what_it_touched()
    {
        using var span = Span(("db.system.name", "postgresql"), ("db.namespace", "traject"), ("db.query.text", "SELECT 1 WHERE x = $1"),
            ("db.npgsql.data_source", "Host=db;Username=traject"), ("server.address", "db"), ("db.user", "traject"));

        Assert.Equal(["db.namespace", "db.query.text", "db.system.name", "server.address"], Kept(span).Keys.Order(StringComparer.Ordinal));
    }
}
