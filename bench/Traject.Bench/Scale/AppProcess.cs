using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Traject.Web.Data;

namespace Traject.Bench.Scale;

/// <summary>
/// The app's own executable (the <c>Traject.Web.dll</c> built beside the bench) as a child process on one database:
/// a verb such as <c>seed</c>, or the web server on a free loopback port. While it runs, its peak resident set
/// (<c>VmHWM</c> in <c>/proc/&lt;pid&gt;/status</c>) is what the bench reports as its memory.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    public const string MetricsKey = "scale-bench-metrics-key-not-a-secret";

    private readonly Process _process;
    private readonly List<string> _output = [];

    private AppProcess(Process process, Uri? address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri? Address { get; }

    public int Id => _process.Id;

    /// <summary>The peak resident set so far, in MB (0 once the process has gone).</summary>
    public double PeakMegabytes => Status("VmHWM:");

    /// <summary>The resident set now, in MB.</summary>
    public double ResidentMegabytes => Status("VmRSS:");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(40));
            }
        }
    }

    /// <summary>Runs a verb to its end; returns its exit code, wall time and peak memory.</summary>
    public static async Task<(int Exit, TimeSpan Took, double PeakMegabytes, string Output)> RunVerbAsync(
        ScaleDatabase database, params string[] verb)
    {
        var started = Stopwatch.StartNew();
        await using var app = Start(database, [.. verb, "--contentRoot", database.ContentRoot], null);
        var peak = 0.0;
        while (!app._process.HasExited)
        {
            peak = Math.Max(peak, app.PeakMegabytes);
            await Task.Delay(100);
        }

        await app._process.WaitForExitAsync();
        return (app._process.ExitCode, started.Elapsed, peak, app.Output);
    }

    /// <summary>Starts the web server and waits until it answers <c>/health/ready</c>.</summary>
    public static async Task<AppProcess> StartServerAsync(ScaleDatabase database)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var app = Start(database, ["--urls", address.ToString().TrimEnd('/'), "--contentRoot", database.ContentRoot], address);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            if (app._process.HasExited)
            {
                throw new InvalidOperationException($"The app stopped at start-up:\n{app.Output}");
            }

            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        await app.DisposeAsync();
        throw new TimeoutException("The app was not ready within 10 minutes.");
    }

    /// <summary>
    /// Waits until every scheduled rule named has finished its first run (the job counters on the metrics endpoint),
    /// sampling the peak memory meanwhile; returns how long that took after ready.
    /// </summary>
    public async Task<TimeSpan> FirstRunsAsync(params string[] jobs)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", MetricsKey);
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromMinutes(15))
        {
            var metrics = await client.GetStringAsync("/metrics");
            if (jobs.All(job => metrics.Contains($"job=\"{job}\"", StringComparison.Ordinal)
                && metrics.Split('\n').Any(l => l.StartsWith("traject_job_runs", StringComparison.Ordinal) && l.Contains($"job=\"{job}\"", StringComparison.Ordinal))))
            {
                return started.Elapsed;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The first runs of {string.Join(", ", jobs)} did not finish within 15 minutes.");
    }

    /// <summary>
    /// Stops the app as an operator would (SIGTERM), so it lets its job leases go and the next run's first start is not
    /// kept waiting for them to expire; killed only if it has not stopped within 30 seconds.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private static AppProcess Start(ScaleDatabase database, string[] args, Uri? address)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Traject.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // the demo logins work only here
        start.Environment["Database__Provider"] = database.Provider.ToString();
        if (database.Provider == DatabaseProvider.PostgreSQL)
        {
            start.Environment["Database__ConnectionString"] = database.ConnectionString;
        }

        start.Environment["Database__MigrateOnStartup"] = "true";
        start.Environment["Demo__SeedOnStartup"] = "false";
        start.Environment["Management__MetricsKey"] = MetricsKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Traject"] = "Information";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore.DataProtection"] = "Error";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        return new AppProcess(process, address);
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }

    private double Status(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return 0;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
