using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Traject.Web.Common;

/// <summary>
/// Which node may run a periodic job until when (docs/adr/0029). One row per job, written only through
/// <see cref="JobLeases"/>: taken when free, expired or already held by the same node, renewed at every run, and
/// released when the node stops.
/// </summary>
internal sealed class JobLease : IVersioned
{
    public const int JobMaxLength = 100;
    public const int HolderMaxLength = 200;

    /// <summary>The job's class name.</summary>
    public string Job { get; set; } = string.Empty;

    /// <summary>The node that holds (or last held) the lease: <see cref="JobOptions.NodeId"/>.</summary>
    public string Holder { get; set; } = string.Empty;

    /// <summary>Until when the holder may run the job; from then on any node may take the lease.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Raised by one on every take, renewal and release.</summary>
    public long Version { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> e)
    {
        e.ToTable("JobLeases");
        e.HasKey(x => x.Job);
        e.Property(x => x.Job).HasMaxLength(JobLease.JobMaxLength);
        e.Property(x => x.Holder).HasMaxLength(JobLease.HolderMaxLength);
    }
}

/// <summary>The <c>Jobs</c> configuration section.</summary>
internal sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// This node's name in the job leases; unique per running process. Empty: the machine's name, the process id and a
    /// random suffix, so two processes on one machine (or a restarted one) never take each other for the same node.
    /// </summary>
    [System.ComponentModel.DataAnnotations.MaxLength(JobLease.HolderMaxLength)]
    public string? NodeId { get; set; }

    public static string DefaultNodeId() =>
        $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}

/// <summary>
/// Leases in the database that let one node at a time run a periodic job (docs/adr/0029). Taking or renewing is one
/// conditional UPDATE (only where the lease is free, expired or this node's own) or, for a job never leased before, one
/// INSERT that does nothing when another node inserted first; the database serialises both, so of two nodes asking at
/// once exactly one gets the lease. Times are this node's clock: leases last a small multiple of the job's interval,
/// so clocks a few seconds apart do not matter.
/// </summary>
internal sealed class JobLeases(IOptions<JobOptions> options, TimeProvider time)
{
    private readonly string _node = string.IsNullOrWhiteSpace(options.Value.NodeId) ? JobOptions.DefaultNodeId() : options.Value.NodeId.Trim();

    /// <summary>This node's name in the leases.</summary>
    public string Node => _node;

    /// <summary>Takes or renews the job's lease until <paramref name="leaseFor"/> from now; false when another node holds it.</summary>
    public async Task<bool> TryAcquireAsync(TrajectDb db, string job, TimeSpan leaseFor, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var until = now + leaseFor;
        var node = _node;
        var renewed = await db.Set<JobLease>()
            .Where(l => l.Job == job && (l.Holder == node || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, node).SetProperty(l => l.ExpiresAt, until)
                .SetProperty(l => l.Version, l => l.Version + 1), ct);
        if (renewed > 0)
        {
            return true;
        }

        // Never leased before: the first node to insert the row has it. The time goes in as the model stores it.
        var stored = db.Model.FindEntityType(typeof(JobLease))!.FindProperty(nameof(JobLease.ExpiresAt))!.GetTypeMapping().Converter
            ?.ConvertToProvider(until) ?? until;
        var inserted = await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"JobLeases\" (\"Job\", \"Holder\", \"ExpiresAt\", \"Version\") VALUES ({0}, {1}, {2}, 1) ON CONFLICT (\"Job\") DO NOTHING",
            [job, node, stored], ct);
        return inserted > 0;
    }

    /// <summary>Lets the lease go, if this node holds it, so another node can take the job at its next run.</summary>
    public async Task ReleaseAsync(TrajectDb db, string job, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var node = _node;
        await db.Set<JobLease>()
            .Where(l => l.Job == job && l.Holder == node && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now).SetProperty(l => l.Version, l => l.Version + 1), ct);
    }
}
