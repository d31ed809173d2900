using System.Diagnostics;

namespace Traject.Tests.Infrastructure;

/// <summary>Runs the application's own executable with an admin verb, as an operator would.</summary>
internal static class VerbProcess
{
    /// <summary>Without a database given, one that cannot be reached: a verb that needs none must not touch it.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args, TestDatabase? database = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Traject.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Database__Provider"] = database?.Provider.ToString() ?? "PostgreSQL";
        start.Environment["Database__ConnectionString"] = database?.ConnectionString ?? "Host=127.0.0.1;Port=9;Username=nobody;Database=none;Timeout=2";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
