using BenchmarkDotNet.Running;
using Traject.Bench.AuditCost;

namespace Traject.Bench;

/// <summary>
/// Benchmarks. Micro-benchmarks: <c>dotnet run -c Release --project bench/Traject.Bench -- --filter '*'</c>.
/// The audit-cost load bench: <c>dotnet run -c Release --project bench/Traject.Bench -- audit-cost [options]</c>.
/// How to run each and the figures measured are in <c>bench/README.md</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "audit-cost")
        {
            return await AuditCostBench.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == NationalFigures.NationalFiguresBench.Verb)
        {
            return await NationalFigures.NationalFiguresBench.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == WalSize.WalSizeBench.Verb)
        {
            return await WalSize.WalSizeBench.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == HotPath.HotPathBench.Verb)
        {
            return await HotPath.HotPathBench.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == Scale.ScaleBench.Verb)
        {
            return await Scale.ScaleBench.RunAsync(args[1..]);
        }

        if (args.Length == 2 && args[0] == LoadClient.Verb)
        {
            return await LoadClient.RunAsync(args[1]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
