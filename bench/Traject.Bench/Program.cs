using BenchmarkDotNet.Running;

namespace Traject.Bench;

/// <summary>
/// Benchmarks: <c>dotnet run -c Release --project bench/Traject.Bench -- --filter '*'</c>.
/// Results go to BenchmarkDotNet.Artifacts (not committed); figures are reported in the issue notes.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
