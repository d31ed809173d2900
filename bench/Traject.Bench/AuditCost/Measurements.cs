using System.Globalization;
using Npgsql;
using Traject.Web.Data;

namespace Traject.Bench.AuditCost;

/// <summary>What one round measured: in the load process, in the server, and in the database.</summary>
internal sealed record RoundResult(
    int Round,
    bool Audited,
    int Opens,
    LoadResult Load,
    IReadOnlyList<double> ServerMs,
    double AppCpuMs,
    double? DbCpuMs,
    long AuditEntries);

internal static class Stats
{
    public static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Average();

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static double Median(IEnumerable<double> values) => Percentile(values.ToList(), 50);
}

/// <summary>The machine's load average (<c>/proc/loadavg</c>, as <c>uptime</c> shows it).</summary>
internal static class MachineLoad
{
    public static string Now() => File.Exists("/proc/loadavg")
        ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "n/a";
}

/// <summary>
/// CPU time used by the PostgreSQL server processes that serve the bench database (read from <c>/proc</c>; the server
/// runs on this machine). Null for SQLite, which runs inside the app's process.
/// </summary>
internal sealed class DatabaseCpu(BenchDatabase database)
{
    private const double MsPerTick = 10; // USER_HZ is 100 on Linux

    public async Task<Dictionary<int, long>?> SnapshotAsync()
    {
        if (database.Provider != DatabaseProvider.PostgreSQL)
        {
            return null;
        }

        // Its own unpooled connection, so it never borrows (and then excludes) one of the app's backends.
        var cs = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString();
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";
        var ticks = new Dictionary<int, long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var pid = reader.GetInt32(0);
            if (Ticks(pid) is { } t)
            {
                ticks[pid] = t;
            }
        }

        return ticks;
    }

    public static double? Difference(Dictionary<int, long>? before, Dictionary<int, long>? after) =>
        before is null || after is null ? null : after.Sum(a => a.Value - before.GetValueOrDefault(a.Key)) * MsPerTick;

    private static long? Ticks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
