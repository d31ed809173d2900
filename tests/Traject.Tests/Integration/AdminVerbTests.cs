using Microsoft.Data.Sqlite;
using Traject.Web.Cli;

namespace Traject.Tests.Integration;

/// <summary>
/// The verb entry point, in process (<see cref="AdminCommands.RunIfVerbAsync"/>, what Program calls first): an unknown
/// verb fails instead of starting the server, and verify-audit checks the database under the content root it was
/// given, written either way, or stops when there is none.
/// </summary>
public sealed class AdminVerbTests
{
    private static async Task<(int? Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AdminCommands.RunIfVerbAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task An_unknown_verb_fails_listing_the_verbs_and_options_alone_start_the_server()
    {
        var (exit, output, error) = await RunAsync("no-such-verb");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("Unknown verb 'no-such-verb'", error, StringComparison.Ordinal);
        Assert.Contains("verify-audit", error, StringComparison.Ordinal);

        Assert.Null((await RunAsync()).Exit);
        Assert.Null((await RunAsync("--urls", "http://127.0.0.1:0")).Exit);
    }

    [Fact]
    public async Task An_unknown_option_fails_before_anything_runs()
    {
        var (exit, _, error) = await RunAsync("verify-audit", "--contentRot", "/nowhere");
        Assert.Equal(2, exit);
        Assert.Contains("--contentRot", error, StringComparison.Ordinal);
        Assert.Contains("help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_audit_reads_the_database_under_the_content_root_given_either_way_and_refuses_one_without()
    {
        var root = Directory.CreateTempSubdirectory("traject-verbs").FullName;
        var empty = Directory.CreateTempSubdirectory("traject-verbs-empty").FullName;
        string[] sqlite = ["--Database:Provider", "Sqlite", "--Database:ConnectionString="];
        try
        {
            var missing = await RunAsync(["verify-audit", "--contentRoot", empty, .. sqlite]);
            Assert.Equal(2, missing.Exit);
            Assert.Contains("no database at", missing.Error, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(empty, "data", "traject.db"), missing.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(empty, "data", "traject.db")), "checking must not create a database");

            var nowhere = await RunAsync(["verify-audit", "--contentRoot", Path.Combine(empty, "not-there"), .. sqlite]);
            Assert.Equal(2, nowhere.Exit);
            Assert.Contains("does not exist", nowhere.Error, StringComparison.Ordinal);

            var migrated = await RunAsync(["migrate", "--contentRoot", root, .. sqlite]);
            Assert.True(migrated.Exit == 0, migrated.Error);
            Assert.True(File.Exists(Path.Combine(root, "data", "traject.db")));

            foreach (var contentRoot in new[] { new[] { "--contentRoot", root }, new[] { "--contentRoot=" + root } })
            {
                var (exit, output, error) = await RunAsync(["verify-audit", .. contentRoot, .. sqlite]);
                Assert.True(exit == 0, error);
                Assert.StartsWith("Audit trail intact", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var folder in new[] { root, empty })
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Left for the system's temp clean-up.
                }
            }
        }
    }
}
