using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Traject.Web.Common.Auditing;

/// <summary>The outcome of checking the audit chain: fine, or the first entry that was altered, removed or moved.</summary>
internal sealed record AuditVerification(bool Intact, long Checked, long? FirstBadSequence, string? Problem);

/// <summary>
/// The audit trail as a hash chain: each entry carries SHA-256 over its canonical content and the previous entry's
/// hash, and a one-row head keeps the last sequence and hash (so removing entries at the end is noticed too).
/// Linking happens inside the transaction that saves the entries, under the head's lock, which serialises writers on
/// both database engines (and across nodes).
/// </summary>
internal static class AuditChain
{
    public const int HeadId = 1;

    /// <summary>Both engines store the time exactly to 0.1 ms (SQLite through its binary converter): hash that.</summary>
    public static DateTimeOffset Normalise(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 1000), TimeSpan.Zero);

    /// <summary>Length-prefixed fields in a fixed order: no two different entries share a canonical form.</summary>
    public static string Canonical(AuditEntry e)
    {
        var sb = new StringBuilder(256);
        void Field(string? value) => sb.Append(value?.Length.ToString(CultureInfo.InvariantCulture) ?? "-").Append(':').Append(value).Append(';');
        Field(e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(e.Id.ToString("D"));
        Field(Normalise(e.At).UtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(e.ActorId?.ToString("D"));
        Field(e.ActorOrganisationId?.ToString("D"));
        Field(e.ActorRoles);
        Field(e.OnBehalfOfId?.ToString("D"));
        Field(e.Action);
        Field(e.EntityType);
        Field(e.EntityId?.ToString("D"));
        Field(e.Pseudonym);
        Field(e.Basis);
        Field(e.BasisReason);
        Field(e.Outcome);
        Field(e.Channel);
        Field(e.ClientAddress);
        Field(e.PreviousHash);
        if (e.Detail is not null)
        {
            // Only entries that name parts carry the field, so every entry written before it keeps its hash.
            Field(e.Detail);
        }

        return sb.ToString();
    }

    public static string ComputeHash(AuditEntry e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(e))));

    /// <summary>
    /// Gives new entries their place in the chain and marks the head for update. Call inside the transaction that
    /// saves them, before saving.
    /// </summary>
    public static async Task LinkAsync(TrajectDb db, IReadOnlyList<AuditEntry> added, CancellationToken ct)
    {
        var (sequence, hash) = Link(added, await LockHeadAsync(db, ct));

        // The new head goes out in the same batch of statements as the entries.
        var head = db.AuditChainHeads.Local.FirstOrDefault(h => h.Id == HeadId)
            ?? db.AuditChainHeads.Attach(new AuditChainHead { Id = HeadId }).Entity;
        head.Sequence = sequence;
        head.Hash = hash;
        db.Entry(head).Property(h => h.Sequence).IsModified = true;
        db.Entry(head).Property(h => h.Hash).IsModified = true;
    }

    /// <summary>Numbers and hashes the entries, in order, after the given head; returns the new head.</summary>
    public static (long Sequence, string Hash) Link(IEnumerable<AuditEntry> added, (long Sequence, string Hash) head)
    {
        var (sequence, previous) = head;
        foreach (var entry in added)
        {
            entry.At = Normalise(entry.At);
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = ComputeHash(entry);
            previous = entry.Hash;
        }

        return (sequence, previous);
    }

    /// <summary>
    /// Seals entries written before the chain existed (sequence numbered, hash empty) into the chain, in order.
    /// Runs after migrating; does nothing once everything is chained.
    /// </summary>
    public static async Task<int> SealUnchainedAsync(TrajectDb db, CancellationToken ct = default)
    {
        if (!await db.AuditEntries.AnyAsync(a => a.Hash == string.Empty, ct))
        {
            return 0;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (sequence, previous) = await LockHeadAsync(db, ct);
        var pending = await db.AuditEntries.Where(a => a.Sequence > sequence).OrderBy(a => a.Sequence).ToListAsync(ct);
        foreach (var entry in pending)
        {
            if (entry.Hash.Length > 0 || entry.Sequence != sequence + 1)
            {
                throw new InvalidOperationException($"Audit entry {entry.Sequence} cannot be sealed: the chain is not contiguous.");
            }

            entry.PreviousHash = previous;
            entry.Hash = ComputeHash(entry);
            previous = entry.Hash;
            sequence = entry.Sequence;
        }

        await db.BaseSaveChangesAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"AuditChainHeads\" SET \"Sequence\" = {sequence}, \"Hash\" = {previous} WHERE \"Id\" = {HeadId}", ct);
        await tx.CommitAsync(ct);
        return pending.Count;
    }

    /// <summary>Checks the whole chain, streaming, and reports the first altered, missing or reordered entry.</summary>
    public static async Task<AuditVerification> VerifyAsync(TrajectDb db, CancellationToken ct = default)
    {
        long expected = 1;
        var previous = string.Empty;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Sequence != expected)
            {
                return new(false, expected - 1, expected, $"Entry {expected} is missing (the next one is {entry.Sequence}).");
            }

            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new(false, expected - 1, expected, $"Entry {expected} does not follow entry {expected - 1}: entries were removed, inserted or reordered.");
            }

            if (!string.Equals(ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
            {
                return new(false, expected - 1, expected, $"Entry {expected} was altered.");
            }

            previous = entry.Hash;
            expected++;
        }

        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == HeadId, ct);
        var last = expected - 1;
        if (head is not null && (head.Sequence != last || !string.Equals(head.Hash, previous, StringComparison.Ordinal)))
        {
            return new(false, last, last + 1, $"The chain ends at entry {last}, but {head.Sequence} entries were written: entries at the end were removed.");
        }

        return new(true, last, null, null);
    }

    /// <summary>
    /// Takes the head's lock for the current transaction and reads it: on PostgreSQL with one <c>SELECT … FOR
    /// UPDATE</c> (no new row version); on SQLite with a write first, which takes the database's write lock before
    /// anything is read. Plain commands: this runs for every batch of entries.
    /// </summary>
    public static async Task<(long Sequence, string Hash)> LockHeadAsync(TrajectDb db, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The audit chain head is locked inside a transaction only.");
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = db.IsSqlite
            ? $"UPDATE \"AuditChainHeads\" SET \"Sequence\" = \"Sequence\" WHERE \"Id\" = {HeadId}; SELECT \"Sequence\", \"Hash\" FROM \"AuditChainHeads\" WHERE \"Id\" = {HeadId}"
            : $"SELECT \"Sequence\", \"Hash\" FROM \"AuditChainHeads\" WHERE \"Id\" = {HeadId} FOR UPDATE";
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                return (reader.GetInt64(0), reader.GetString(1));
            }
        }

        // Only a database made without the migrations (which insert the head) gets here.
        command.CommandText = $"INSERT INTO \"AuditChainHeads\" (\"Id\", \"Sequence\", \"Hash\") VALUES ({HeadId}, 0, '')";
        await command.ExecuteNonQueryAsync(ct);
        return (0, string.Empty);
    }
}
