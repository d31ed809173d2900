using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Traject.Tests.Infrastructure;
using Traject.Web.Data;

namespace Traject.Tests.Integration;

/// <summary>
/// SQLite's write-ahead log stays bounded while the app runs (ADR 0025): the checkpoint job runs on SQLite only, every
/// few seconds, and one run after a series of audited reads leaves the log at zero bytes. Configuration, not timings.
/// </summary>
public sealed class WalCheckpointTests(SqliteFixture f) : IClassFixture<SqliteFixture>
{
    [SkippableFact]
    public void The_checkpoint_job_runs_on_SQLite_every_five_seconds_by_default()
    {
        Assert.Single(f.Factory.Services.GetServices<IHostedService>().OfType<SqliteWalCheckpoint>());
        var options = f.Factory.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Equal(TimeSpan.FromSeconds(5), options.WalCheckpointEvery);
        Assert.Equal(TimeSpan.FromSeconds(5), new DatabaseOptions().WalCheckpointEvery);
        Assert.InRange(SqliteWalCheckpoint.JournalSizeLimitBytes, 1, 16 * 1024 * 1024);
    }

    [SkippableFact]
    public async Task A_checkpoint_after_audited_reads_truncates_the_log_to_zero_bytes()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        for (var i = 0; i < 30; i++)
        {
            using var read = await regie.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}");
            await read.ExpectAsync(System.Net.HttpStatusCode.OK);
        }

        var wal = new SqliteConnectionStringBuilder(f.Database.ConnectionString).DataSource + "-wal";
        Assert.True(File.Exists(wal), "the database runs in WAL mode");

        // Another request's read or the audit writer may hold the log for a moment: the job simply tries again later.
        WalCheckpointResult? result = null;
        for (var attempt = 0; attempt < 20 && result is not { Busy: false }; attempt++)
        {
            result = await f.WithDbAsync(db => SqliteWalCheckpoint.TruncateAsync(db));
        }

        Assert.False(result!.Busy);
        Assert.Equal(0, result.WalBytesAfter);
        Assert.Equal(0, new FileInfo(wal).Length);
    }
}

/// <summary>On PostgreSQL there is no WAL file of the app's: the job is off, as it is with an interval of zero.</summary>
public sealed class WalCheckpointSwitchTests
{
    [Theory]
    [InlineData(true, 5, 0)]
    [InlineData(false, 0, 0)]
    [InlineData(false, 5, 5)]
    public void The_job_runs_only_on_SQLite_with_an_interval(bool postgres, int seconds, int expected)
    {
        var provider = postgres ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;
        var options = Options.Create(new DatabaseOptions { Provider = provider, WalCheckpointEvery = TimeSpan.FromSeconds(seconds) });
        var job = new SqliteWalCheckpoint(null!, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<SqliteWalCheckpoint>.Instance);
        var every = typeof(SqliteWalCheckpoint).GetProperty("Every", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        Assert.Equal(TimeSpan.FromSeconds(expected), every.GetValue(job));
    }
}
