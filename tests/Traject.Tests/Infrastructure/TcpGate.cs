using System.Net;
using System.Net.Sockets;

namespace Traject.Tests.Infrastructure;

/// <summary>
/// A TCP forwarder on a local port in front of the shared database server, so a test can take "the database" away
/// from one app and bring it back without touching the server: closing the gate refuses new connections and cuts the
/// open ones, as a database that goes down does; opening it listens on the same port again.
/// </summary>
internal sealed class TcpGate : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly List<TcpClient> _open = [];
    private readonly Lock _lock = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;

    public TcpGate(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Open();
    }

    public int Port { get; }

    /// <summary>Listens again and forwards every new connection.</summary>
    public void Open()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    /// <summary>Stops listening (new connections are refused) and cuts every forwarded connection.</summary>
    public async Task CloseAsync()
    {
        if (_stop is not null)
        {
            await _stop.CancelAsync();
        }

        _listener?.Stop();
        lock (_lock)
        {
            foreach (var client in _open)
            {
                try
                {
                    client.Client?.LingerState = new LingerOption(true, 0); // a reset, as when the server goes away
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    // Already gone.
                }

                client.Dispose();
            }

            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient incoming;
            try
            {
                incoming = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(incoming, ct);
        }
    }

    private async Task ForwardAsync(TcpClient incoming, CancellationToken ct)
    {
        var outgoing = new TcpClient();
        lock (_lock)
        {
            _open.Add(incoming);
            _open.Add(outgoing);
        }

        try
        {
            await outgoing.ConnectAsync(_targetHost, _targetPort, ct);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var up = incoming.GetStream().CopyToAsync(outgoing.GetStream(), both.Token);
            var down = outgoing.GetStream().CopyToAsync(incoming.GetStream(), both.Token);
            await Task.WhenAny(up, down);
            await both.CancelAsync();
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The gate closed or one side hung up.
        }
        finally
        {
            incoming.Dispose();
            outgoing.Dispose();
            lock (_lock)
            {
                _open.Remove(incoming);
                _open.Remove(outgoing);
            }
        }
    }

    public async ValueTask DisposeAsync() => await CloseAsync();
}

/// <summary>The connection string of a database, reached through a <see cref="TcpGate"/>; the database itself belongs to its fixture.</summary>
internal sealed class GatedDatabase(TestDatabase database, TcpGate gate) : TestDatabase
{
    public override Traject.Web.Data.DatabaseProvider Provider => database.Provider;

    public override string ConnectionString { get; } = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString)
    {
        Host = "127.0.0.1", Port = gate.Port, Timeout = 3,
    }.ToString();

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
