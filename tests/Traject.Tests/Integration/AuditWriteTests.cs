using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common.Auditing;
using Traject.Web.Data;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>
/// Many professionals opening dossiers at the same moment: entries that stand alone are committed together (group
/// commit), yet every open leaves exactly one entry, refusals included, changes saved meanwhile join the same chain
/// (also when a change moves the chain's end between two batches), one entry that cannot be written fails only its
/// own request, and no answer starts before its entries are committed.
/// </summary>
public abstract class AuditWriteTests(TrajectFixture f)
{
    private const int OpensPerDossier = 5;

    [SkippableFact]
    public async Task Concurrent_opens_leave_exactly_one_entry_each_in_an_intact_chain()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        using var mentor = await f.ClientAsync(Demo.Mentor);
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        var dossiers = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var person = await Dossiers.RegisterAsync(regie, f.Clock);
            await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
            dossiers.Add(person.TrajectoryId);
        }

        var opens = dossiers.SelectMany(id => Enumerable.Range(0, OpensPerDossier).SelectMany(_ => new[]
        {
            Open(regie, id, HttpStatusCode.OK),
            Open(mentor, id, HttpStatusCode.OK),
            Open(wijkteam, id, HttpStatusCode.NotFound), // outside her scope: refused, and the refusal is audited too
        }));
        await Task.WhenAll(opens);

        var reads = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == TrajectoriesAuditActions.TrajectoryRead && dossiers.Contains(a.EntityId!.Value)).ToListAsync());
        foreach (var id in dossiers)
        {
            foreach (var (user, outcome) in new[] { (Demo.Regie, AuditOutcomes.Allowed), (Demo.Mentor, AuditOutcomes.Allowed), (Demo.Wijkteam, AuditOutcomes.Denied) })
            {
                Assert.Equal(OpensPerDossier, reads.Count(a => a.EntityId == id && a.ActorId == f.Ids.User(user) && a.Outcome == outcome));
            }
        }

        Assert.Equal(dossiers.Count * OpensPerDossier * 3, reads.Count);
        await AssertChainIntactAsync();
    }

    [SkippableFact]
    public async Task Changes_saved_while_others_read_join_the_same_chain()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        using var mentor = await f.ClientAsync(Demo.Mentor);
        var known = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, known.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });

        var registrations = Enumerable.Range(0, 8).Select(_ => Dossiers.RegisterAsync(regie, f.Clock)).ToList();
        var reads = Enumerable.Range(0, 24).Select(i => Open(i % 2 == 0 ? regie : mentor, known.TrajectoryId, HttpStatusCode.OK)).ToList();
        await Task.WhenAll(reads.Concat<Task>(registrations));

        var registered = registrations.Select(r => r.Result.YoungPersonId).ToList();
        var created = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .CountAsync(a => a.Action == TrajectoriesAuditActions.YoungPersonCreated && registered.Contains(a.EntityId!.Value)));
        Assert.Equal(registrations.Count, created);
        var read = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .CountAsync(a => a.Action == TrajectoriesAuditActions.TrajectoryRead && a.EntityId == known.TrajectoryId));
        Assert.Equal(reads.Count, read);
        await AssertChainIntactAsync();
    }

    [SkippableFact]
    public async Task Entries_appended_from_many_threads_at_once_are_each_committed_once()
    {
        // Whoever finds no write under way writes at once, for the entries queued behind her too, and then hands the
        // rest to the thread pool: on every path each entry is committed exactly once, in one unbroken chain.
        var writer = f.Factory.Services.GetRequiredService<AuditWriter>();
        var entries = Enumerable.Range(0, 400).Select(_ => Entry(f.Clock)).ToList();
        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (entry, _) => await writer.AppendAsync(entry));

        var ids = entries.ConvertAll(e => e.Id);
        var saved = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync());
        Assert.Equal(ids.Order(), saved.Order());
        await AssertChainIntactAsync();
    }

    [SkippableFact]
    public async Task An_entry_that_cannot_be_written_fails_only_its_own_write()
    {
        var writer = f.Factory.Services.GetRequiredService<AuditWriter>();
        var first = Entry(f.Clock);
        await writer.AppendAsync(first);

        // Queued together, so they are likely to share one transaction; the duplicate id cannot be inserted.
        var before = Entry(f.Clock);
        var duplicate = Entry(f.Clock);
        duplicate.Id = first.Id;
        var after = Entry(f.Clock);
        var writes = new[] { writer.AppendAsync(before), writer.AppendAsync(duplicate), writer.AppendAsync(after) };
        await Assert.ThrowsAnyAsync<DbException>(() => writes[1]);
        await writes[0];
        await writes[2];

        var ids = new[] { first.Id, before.Id, after.Id };
        var saved = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync());
        Assert.Equal(3, saved.Count);
        Assert.Single(saved, a => a.Id == first.Id && a.EntityId == first.EntityId);
        await AssertChainIntactAsync();
    }

    [SkippableFact]
    public async Task A_batch_of_reads_leaves_the_connection_flushing_every_commit_again()
    {
        // Batches of reads commit without waiting for the disk (ADR 0009: synchronous=NORMAL on SQLite, synchronous_commit
        // off on PostgreSQL) on the writer's own connection, which is never pooled: the setting must not reach the
        // connections that save changes.
        var query = f.Provider == DatabaseProvider.Sqlite ? "PRAGMA synchronous" : "SHOW synchronous_commit";
        var before = await f.WithDbAsync(db => ScalarAsync(db, query));
        var writer = f.Factory.Services.GetRequiredService<AuditWriter>();
        await writer.AppendAsync(Entry(f.Clock));
        await writer.AppendAsync(Entry(f.Clock));

        var after = await f.WithDbAsync(db => ScalarAsync(db, query));
        Assert.Equal(before, after);
        if (f.Provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal("2", after); // FULL: flushed before the commit returns
        }
        await AssertChainIntactAsync();
    }

    private static async Task<string> ScalarAsync(TrajectDb db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [SkippableFact]
    public async Task A_change_saved_between_two_batches_is_followed_by_the_next_batch()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var writer = f.Factory.Services.GetRequiredService<AuditWriter>();
        var before = Entry(f.Clock);
        await writer.AppendAsync(before); // the writer now knows where the chain ends

        var person = await Dossiers.RegisterAsync(regie, f.Clock); // a change moves the head past that point
        var after = Entry(f.Clock);
        await writer.AppendAsync(after);

        var (created, saved) = await f.WithDbAsync(async db => (
            await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == TrajectoriesAuditActions.YoungPersonCreated && a.EntityId == person.YoungPersonId),
            await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == after.Id)));
        Assert.True(saved.Sequence > created.Sequence);
        await AssertChainIntactAsync();
    }

    [SkippableFact]
    public async Task An_answer_cannot_start_before_its_entry_is_committed()
    {
        var database = await f.NewDatabaseAsync();
        var host = f.NewHost(database);
        await using var scope = host.Services.CreateAsyncScope();
        var response = new StartingResponse();
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseFeature>(response);
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = context;
        var log = scope.ServiceProvider.GetRequiredService<AuditLog>();

        // The trail cannot be written: the read itself goes on, but its answer cannot start.
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" RENAME TO \"AuditEntriesGone\"");
        }

        await log.RecordAsync(null, TrajectoriesAuditActions.TrajectoryRead, "Check", Guid.CreateVersion7());
        var starting = Assert.Single(response.Callbacks);
        await Assert.ThrowsAnyAsync<DbException>(starting);
    }

    internal static AuditEntry Entry(TimeProvider clock) => new()
    {
        At = clock.GetUtcNow(), Action = OrganisationsAuditActions.AdminAction + ".check", EntityType = "Check", EntityId = Guid.CreateVersion7(),
    };

    private static async Task Open(HttpClient client, Guid trajectoryId, HttpStatusCode expected)
    {
        using var response = await client.GetAsync($"/api/v1/trajectories/{trajectoryId}");
        await response.ExpectAsync(expected);
    }

    private async Task AssertChainIntactAsync()
    {
        var check = await f.WithDbAsync(db => AuditChain.VerifyAsync(db));
        Assert.True(check.Intact, check.Problem);
        var (count, head) = await f.WithDbAsync(async db => (await db.AuditEntries.CountAsync(), await db.AuditChainHeads.AsNoTracking().SingleAsync()));
        Assert.Equal(count, check.Checked);
        Assert.Equal(count, head.Sequence);
    }
}

/// <summary>A response that keeps its "starting" callbacks, so a test can run them as the server would.</summary>
internal sealed class StartingResponse : HttpResponseFeature
{
    public List<Func<Task>> Callbacks { get; } = [];

    public override void OnStarting(Func<object, Task> callback, object state) => Callbacks.Add(() => callback(state));
}

public sealed class AuditWriteSqlite(SqliteFixture f) : AuditWriteTests(f), IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task The_writers_entries_reach_the_database_file_though_its_own_commits_never_checkpoint()
    {
        // The writer's connection has SQLite's automatic checkpoint off (its commits would otherwise pay for copying
        // and flushing the WAL); checkpoints run beside it every hundred batches instead. Without them the entries
        // would stay in an ever-growing WAL: here nothing else writes, so only the writer's checkpoints move them.
        var database = await f.NewDatabaseAsync();
        var host = f.NewHost(database); // disposed with the fixture
        var writer = host.Services.GetRequiredService<AuditWriter>();
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)"); // start from an empty WAL
        }

        var entries = Enumerable.Range(0, 250).Select(_ => Entry(f.Clock)).ToList();
        foreach (var entry in entries)
        {
            await writer.AppendAsync(entry); // one at a time: a batch each
        }

        var inFile = 0;
        for (var attempt = 0; attempt < 100 && inFile < 100; attempt++)
        {
            await Task.Delay(100);
            inFile = await CountInFileAsync(file, entries.ConvertAll(e => e.Id));
        }

        Assert.True(inFile >= 100, $"only {inFile} of the {entries.Count} entries reached the database file; at least the first 100 should have");
    }

    /// <summary>Counts the entries in a copy of the database file alone, without its WAL.</summary>
    private static async Task<int> CountInFileAsync(string file, List<Guid> ids)
    {
        var copy = Path.Combine(Path.GetDirectoryName(file)!, $"copy-{Guid.NewGuid():N}.db");
        try
        {
            File.Copy(file, copy);
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Id\" FROM \"AuditEntries\"";
            var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found.Add(reader.GetString(0));
            }

            return ids.Count(id => found.Contains(id.ToString()));
        }
        catch (SqliteException)
        {
            return 0; // copied in the middle of a checkpoint: look again
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { copy, copy + "-wal", copy + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}

public sealed class AuditWritePostgres(PostgresFixture f) : AuditWriteTests(f), IClassFixture<PostgresFixture>;
