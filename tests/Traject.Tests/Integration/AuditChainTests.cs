using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Cli;
using Traject.Web.Common.Auditing;
using Traject.Web.Data;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>
/// The audit trail is a hash chain that the database refuses to change, and that <c>verify-audit</c> checks:
/// each kind of tampering (alter, delete in the middle, delete at the end, swap) is found and named.
/// </summary>
public abstract class AuditChainTests(TrajectFixture f)
{
    [SkippableFact]
    public async Task Real_use_builds_an_intact_chain_with_roles_and_bases()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        using (var read = await regie.GetAsync($"/api/v1/trajectories/{person.TrajectoryId}"))
        {
            await read.ExpectAsync(HttpStatusCode.OK);
        }

        var check = await f.WithDbAsync(db => AuditChain.VerifyAsync(db));
        Assert.True(check.Intact, check.Problem);
        var entries = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        var read1 = entries.Last(e => e.Action == TrajectoriesAuditActions.TrajectoryRead && e.EntityId == person.TrajectoryId);
        Assert.Equal("coordinator", read1.Basis);
        Assert.Contains("Coordinator", read1.ActorRoles!, StringComparison.Ordinal);
        Assert.Equal(person.Pseudonym, read1.Pseudonym);
        var head = await f.WithDbAsync(db => db.AuditChainHeads.AsNoTracking().SingleAsync());
        Assert.Equal(entries[^1].Sequence, head.Sequence);
        Assert.Equal(entries[^1].Hash, head.Hash);
    }

    [SkippableFact]
    public async Task The_database_refuses_to_update_or_delete_audit_entries()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        await Dossiers.RegisterAsync(regie, f.Clock);
        await f.WithDbAsync(async db =>
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'x'"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
            return 0;
        });
        Assert.True((await f.WithDbAsync(db => AuditChain.VerifyAsync(db))).Intact);
    }

    [SkippableTheory]
    [InlineData("alter", 3L, "altered")]
    [InlineData("delete", 3L, "missing")]
    [InlineData("delete-last", 0L, "at the end were removed")]
    [InlineData("swap", 3L, "does not follow")]
    [InlineData("forge", 3L, "does not follow")]
    public async Task Verify_audit_finds_each_kind_of_tampering(string tamper, long expectedFirstBad, string expectedProblem)
    {
        var database = await f.NewDatabaseAsync();
        var host = f.NewHost(database);
        await TrajectFixture.SeedDemoAsync(host);
        for (var i = 0; i < 6; i++)
        {
            await Api.LoginAsync(host, Demo.Regie); // each login writes an audit entry
        }

        await using var db = database.CreateContext();
        var count = await db.AuditEntries.CountAsync();
        Assert.True(count >= 6);
        Assert.True((await AuditChain.VerifyAsync(db)).Intact);
        Assert.Equal(0, await RunVerifyVerbAsync(database));

        await BypassAppendOnlyAsync(db);
        switch (tamper)
        {
            case "alter":
                await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Outcome\" = 'denied' WHERE \"Sequence\" = 3");
                break;
            case "delete":
                await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 3");
                break;
            case "delete-last":
                expectedFirstBad = count;
                await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {count}");
                break;
            case "swap":
                // Entries 3 and 4 change places (their sequence numbers are exchanged).
                await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Sequence\" = -3 WHERE \"Sequence\" = 3");
                await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Sequence\" = 3 WHERE \"Sequence\" = 4");
                await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Sequence\" = 4 WHERE \"Sequence\" = -3");
                break;
            case "forge":
                // Altered and re-hashed consistently, but without re-chaining the successors: still found.
                var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Sequence == 2);
                entry.Outcome = AuditOutcomes.Denied;
                var hash = AuditChain.ComputeHash(entry);
                await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEntries\" SET \"Outcome\" = 'denied', \"Hash\" = {hash} WHERE \"Sequence\" = 2");
                break;
        }

        var check = await AuditChain.VerifyAsync(db);
        Assert.False(check.Intact);
        Assert.Equal(expectedFirstBad, check.FirstBadSequence);
        Assert.Contains(expectedProblem, check.Problem, StringComparison.Ordinal);
        Assert.Equal(1, await RunVerifyVerbAsync(database));
    }

    private static async Task BypassAppendOnlyAsync(TrajectDb db)
    {
        if (db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"AuditEntries_no_update\"");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"AuditEntries_no_delete\"");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER");
        }
    }

    private static async Task<int> RunVerifyVerbAsync(TestDatabase database) => await AdminCommands.RunIfVerbAsync(
    [
        "verify-audit",
        $"--Database:Provider={database.Provider}",
        $"--Database:ConnectionString={database.ConnectionString}",
    ], TextWriter.Null, TextWriter.Null) ?? throw new InvalidOperationException("verify-audit is a verb");
}

public sealed class AuditChainSqlite(SqliteFixture f) : AuditChainTests(f), IClassFixture<SqliteFixture>;

public sealed class AuditChainPostgres(PostgresFixture f) : AuditChainTests(f), IClassFixture<PostgresFixture>;
