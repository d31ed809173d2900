using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Traject.Tests.Contract;

/// <summary>
/// The committed client (tests/Traject.ApiClient/Generated) is what Kiota, as pinned in .config/dotnet-tools.json, makes
/// of the committed contract today: nobody edited it by hand and nobody forgot to regenerate it after changing the API.
/// Needs no database; runs scripts/generate-client.sh into a temporary folder (the tool comes from NuGet).
/// </summary>
public sealed class GeneratedClientCurrencyTests
{
    private const string Committed = "tests/Traject.ApiClient/Generated";

    [Fact]
    public async Task The_committed_client_is_what_the_generator_makes_of_the_committed_contract()
    {
        var root = RepositoryRoot();
        var fresh = Directory.CreateTempSubdirectory("traject-client-");
        try
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
            start.ArgumentList.Add(Path.Combine(root, "scripts", "generate-client.sh"));
            start.ArgumentList.Add(fresh.FullName);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"scripts/generate-client.sh failed ({process.ExitCode}):\n{await output}\n{await error}");

            var committed = Path.Combine(root, Committed);
            var expected = Files(fresh.FullName);
            var actual = Files(committed);
            var how = "Regenerate it with scripts/generate-client.sh (after rewriting the contract) and commit the result.";
            Assert.True(expected.Keys.Order().SequenceEqual(actual.Keys.Order()),
                $"The committed client's files differ from a fresh generation: missing {string.Join(", ", expected.Keys.Except(actual.Keys).Take(10))}; "
                + $"extra {string.Join(", ", actual.Keys.Except(expected.Keys).Take(10))}. {how}");
            var changed = expected.Where(e => e.Value != actual[e.Key]).Select(e => e.Key).ToList();
            Assert.True(changed.Count == 0, $"{changed.Count} generated files differ, e.g. {string.Join(", ", changed.Take(10))}. {how}");

            // The lock file names where the contract was read from (relative to its folder); its hash must be the same.
            static string? Hash(string folder) => (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "kiota-lock.json")))?["descriptionHash"];
            Assert.Equal(Hash(fresh.FullName), Hash(committed));
        }
        finally
        {
            fresh.Delete(recursive: true);
        }
    }

    /// <summary>The C# files of a generated client by their path in it, with their text.</summary>
    private static Dictionary<string, string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(folder, p).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Traject.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Traject.slnx) is not above " + AppContext.BaseDirectory);
    }
}
