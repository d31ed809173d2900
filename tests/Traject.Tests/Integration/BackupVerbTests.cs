using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Cli;

namespace Traject.Tests.Integration;

/// <summary>
/// <c>backup --to</c> copies the embedded SQLite database while the app is writing, and the copy is a consistent
/// database whose audit trail verifies; an existing target is kept unless <c>--force</c>; PostgreSQL is refused with a
/// pointer to pg_dump.
/// </summary>
public sealed class BackupVerbTests(SqliteFixture f) : IClassFixture<SqliteFixture>
{
    private static async Task<(int? Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AdminCommands.RunIfVerbAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [SkippableFact]
    public async Task A_backup_taken_while_the_app_writes_is_a_database_whose_audit_trail_is_intact()
    {
        var folder = Directory.CreateTempSubdirectory("traject-backup").FullName;
        var copy = Path.Combine(folder, "copy.db");
        try
        {
            using var regie = await f.ClientAsync(Demo.Regie);
            using var stop = new CancellationTokenSource();
            var written = 0;
            var writer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var person = await Dossiers.RegisterAsync(regie, f.Clock);
                    using var read = await regie.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}");
                    Interlocked.Increment(ref written);
                }
            });
            for (var i = 0; i < 200 && Volatile.Read(ref written) < 3; i++)
            {
                await Task.Delay(50);
            }

            var (exit, output, error) = await RunAsync("backup", "--to", copy, "--Database:Provider", "Sqlite",
                "--Database:ConnectionString", f.Database.ConnectionString);
            var duringBackup = Volatile.Read(ref written);
            await Task.Delay(300);
            await stop.CancelAsync();
            await writer;
            Assert.True(exit == 0, error);
            Assert.Contains("Backed up", output, StringComparison.Ordinal);
            Assert.True(written > 3, $"the app kept writing ({duringBackup} before the backup ended, {written} in all)");
            Assert.Equal([copy], Directory.GetFiles(folder)); // nothing partial left beside it

            var verified = await RunAsync("verify-audit", "--Database:Provider", "Sqlite", "--Database:ConnectionString", $"Data Source={copy}");
            Assert.True(verified.Exit == 0, verified.Error);
            Assert.StartsWith("Audit trail intact", verified.Output, StringComparison.Ordinal);

            // The copy holds what was committed before it: fewer young people than the live database now has.
            var copied = await CountYoungPeopleAsync($"Data Source={copy};Pooling=False");
            var live = await f.WithDbAsync(db => db.YoungPeople.CountAsync());
            Assert.InRange(copied, 1, live);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task An_existing_target_is_kept_unless_forced_and_PostgreSQL_is_sent_to_pg_dump()
    {
        var folder = Directory.CreateTempSubdirectory("traject-backup").FullName;
        var target = Path.Combine(folder, "existing.db");
        string[] sqlite = ["--Database:Provider", "Sqlite", "--Database:ConnectionString", f.Database.ConnectionString];
        try
        {
            await File.WriteAllTextAsync(target, "not a database");
            var refused = await RunAsync(["backup", "--to", target, .. sqlite]);
            Assert.Equal(2, refused.Exit);
            Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
            Assert.Equal("not a database", await File.ReadAllTextAsync(target));

            var forced = await RunAsync(["backup", $"--to={target}", "--force", .. sqlite]);
            Assert.True(forced.Exit == 0, forced.Error);
            Assert.True(await CountYoungPeopleAsync($"Data Source={target};Pooling=False") >= 0);

            var noTarget = await RunAsync(["backup", .. sqlite]);
            Assert.Equal(2, noTarget.Exit);
            Assert.Contains("--to", noTarget.Error, StringComparison.Ordinal);

            var noFolder = await RunAsync(["backup", "--to", Path.Combine(folder, "missing", "x.db"), .. sqlite]);
            Assert.Equal(2, noFolder.Exit);

            var postgres = await RunAsync("backup", "--to", Path.Combine(folder, "pg.db"), "--Database:Provider", "PostgreSQL",
                "--Database:ConnectionString", "Host=127.0.0.1;Port=9;Username=nobody;Database=none;Timeout=2");
            Assert.Equal(2, postgres.Exit);
            Assert.Contains("pg_dump", postgres.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "pg.db")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<long> CountYoungPeopleAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"YoungPeople\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
