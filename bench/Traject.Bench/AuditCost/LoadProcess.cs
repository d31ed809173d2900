using System.Diagnostics;
using System.Text.Json;

namespace Traject.Bench.AuditCost;

/// <summary>The app's side of the load process (<see cref="LoadClient"/>): starts it, runs rounds, stops it.</summary>
internal sealed class LoadProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _planPath;

    private LoadProcess(Process process, string planPath)
    {
        _process = process;
        _planPath = planPath;
    }

    public static async Task<LoadProcess> StartAsync(LoadPlan plan)
    {
        var planPath = Path.Combine(Path.GetTempPath(), $"traject-load-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(planPath, JsonSerializer.Serialize(plan, LoadJson.Options));
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LoadProcess).Assembly.Location);
        }

        start.ArgumentList.Add(LoadClient.Verb);
        start.ArgumentList.Add(planPath);
        start.Environment["DOTNET_gcServer"] = "0"; // a client's GC, not the server's
        var process = Process.Start(start) ?? throw new InvalidOperationException("The load process did not start.");
        var load = new LoadProcess(process, planPath);
        if (await process.StandardOutput.ReadLineAsync() != "ready")
        {
            await load.DisposeAsync();
            throw new InvalidOperationException("The load process could not sign the professionals in.");
        }

        return load;
    }

    /// <summary>Before a round: signs in again if the tokens are getting old, so no login falls inside a round.</summary>
    public async Task PrepareAsync()
    {
        await _process.StandardInput.WriteLineAsync("renew");
        await _process.StandardInput.FlushAsync();
        if (await _process.StandardOutput.ReadLineAsync() != "ok")
        {
            throw new InvalidOperationException("The load process could not sign in again.");
        }
    }

    /// <summary>Lets every professional open her dossiers <paramref name="opensPerUser"/> times, all at once.</summary>
    public async Task<LoadResult> RunAsync(int opensPerUser)
    {
        await _process.StandardInput.WriteLineAsync($"run {opensPerUser}");
        await _process.StandardInput.FlushAsync();
        var line = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The load process stopped.");
        return JsonSerializer.Deserialize<LoadResult>(line, LoadJson.Options) ?? throw new InvalidOperationException("No round result.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.StandardInput.WriteLineAsync("exit");
            await _process.StandardInput.FlushAsync();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        File.Delete(_planPath);
    }
}
