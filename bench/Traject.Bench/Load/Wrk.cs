using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Traject.Bench.Load;

/// <summary>Throughput and latency of one <c>wrk</c> run (milliseconds), and the non-2xx/3xx answers plus timeouts it saw.</summary>
internal sealed record WrkFigure(double PerSecond, double P50, double P99, long Errors);

/// <summary>
/// Runs <c>wrk</c> (Debian package <c>wrk</c>) against one address as the load from its own process, and reads its
/// report. Shared by the load verbs (<c>hot-path</c>, <c>scale</c>).
/// </summary>
internal static partial class Wrk
{
    public static bool Installed =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "wrk")));

    /// <summary><c>wrk -t2 -c<paramref name="connections"/> -d<paramref name="seconds"/>s --latency</c>, with one header if given.</summary>
    public static async Task<WrkFigure> RunAsync(Uri url, string? header, int connections, int seconds)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "--timeout", "10s" })
        {
            start.ArgumentList.Add(arg);
        }

        if (header is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }

        start.ArgumentList.Add(url.ToString());
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var perSecond = double.Parse(PerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        errors += Timeouts().Match(output) is { Success: true } t ? long.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkFigure(perSecond, Percentile(output, "50"), Percentile(output, "99"), errors);
    }

    /// <summary>A latency line of wrk's --latency table ("     99%   12.34ms"), in milliseconds.</summary>
    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, @"^\s+" + percent + @"%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex PerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"timeout (\d+)")]
    private static partial Regex Timeouts();
}

/// <summary>The load verbs' options: <c>--name value</c>.</summary>
internal static class BenchArgs
{
    public static string? Text(string[] args, string name, string? fallback)
    {
        var at = Array.IndexOf(args, "--" + name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    public static int Number(string[] args, string name, int fallback) =>
        Text(args, name, null) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
