using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Traject.Tests.Infrastructure;

/// <summary>
/// Every span that ends, written out as text when it ends: source, name, status, every attribute, every event with its
/// attributes, links and baggage. Added after the app's own processors, so it sees a span as an exporter does.
/// </summary>
internal sealed class SpanCapture : BaseProcessor<Activity>
{
    public ConcurrentQueue<string> Spans { get; } = new();

    public override void OnEnd(Activity data)
    {
        var text = new StringBuilder();
        text.Append(data.Source.Name).Append(" | ").Append(data.DisplayName).Append(" | ").Append(data.OperationName)
            .Append(" | ").Append(data.Status).Append(' ').Append(data.StatusDescription);
        foreach (var tag in data.TagObjects)
        {
            text.Append(" | ").Append(tag.Key).Append('=').Append(tag.Value);
        }

        foreach (var e in data.Events)
        {
            text.Append(" | event ").Append(e.Name);
            foreach (var tag in e.Tags)
            {
                text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
            }
        }

        foreach (var link in data.Links)
        {
            foreach (var tag in link.Tags ?? [])
            {
                text.Append(" | link ").Append(tag.Key).Append('=').Append(tag.Value);
            }
        }

        foreach (var item in data.Baggage)
        {
            text.Append(" | baggage ").Append(item.Key).Append('=').Append(item.Value);
        }

        Spans.Enqueue(text.ToString());
    }
}

/// <summary>Every log record as an exporter gets it, written out as text: category, event, message, body, attributes, exception.</summary>
internal sealed class LogCapture : BaseProcessor<LogRecord>
{
    public ConcurrentQueue<string> Records { get; } = new();

    public override void OnEnd(LogRecord data)
    {
        var text = new StringBuilder();
        text.Append(data.LogLevel).Append(' ').Append(data.CategoryName).Append(" [").Append(data.EventId.Id).Append(' ').Append(data.EventId.Name)
            .Append("] ").Append(data.FormattedMessage).Append(" | body=").Append(data.Body);
        foreach (var attribute in data.Attributes ?? [])
        {
            text.Append(" | ").Append(attribute.Key).Append('=').Append(attribute.Value);
        }

        if (data.Exception is not null)
        {
            text.Append(" | exception=").Append(data.Exception);
        }

        Records.Enqueue(text.ToString());
    }
}

/// <summary>
/// A stand-in OTLP collector over HTTP on a free loopback port: it keeps the body of every export (protobuf, in which
/// strings stand as UTF-8) and answers 200 with an empty message, as a collector that accepted everything does.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, byte[] Body)> Exports { get; } = new();

    public string Endpoint { get; private set; } = "";

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver.Exports.Enqueue((context.Request.Path, body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Endpoint = address;
        return receiver;
    }

    /// <summary>The exports to one signal's path (<c>/v1/traces</c>, <c>/v1/logs</c>).</summary>
    public IReadOnlyList<byte[]> Bodies(string path) => Exports.Where(e => e.Path == path).Select(e => e.Body).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
