using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Cli;

/// <summary>
/// <c>backup --to file [--force]</c>: an online copy of the embedded SQLite database with SQLite's backup API, while the
/// app goes on reading and writing (docs/deployment.md). The copy is one consistent moment of the database, written
/// beside the target first and moved into place when complete and checked, so a failed backup never leaves half a
/// file under the target's name. PostgreSQL is backed up with its own tools (pg_dump, WAL archiving).
/// </summary>
internal static class BackupCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> options, TextWriter output, TextWriter error)
    {
        var db = sp.GetRequiredService<TrajectDb>();
        if (!db.IsSqlite)
        {
            await error.WriteLineAsync("backup copies the embedded SQLite database only. Back up PostgreSQL with pg_dump "
                + "(and WAL archiving for a point in time), as docs/deployment.md describes.");
            return 2;
        }

        if (!options.TryGetValue("to", out var to))
        {
            await error.WriteLineAsync("backup needs --to <file>.");
            return 2;
        }

        var target = Path.GetFullPath(to);
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        if (string.Equals(Path.GetFullPath(source.DataSource), target, StringComparison.Ordinal))
        {
            await error.WriteLineAsync("backup: the target is the database itself.");
            return 2;
        }

        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            await error.WriteLineAsync($"backup: the folder '{folder}' does not exist.");
            return 2;
        }

        var force = options.ContainsKey("force");
        if ((File.Exists(target) || Directory.Exists(target)) && !force)
        {
            await error.WriteLineAsync($"backup: '{target}' already exists; add --force to replace it.");
            return 2;
        }

        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            await using (var from = new SqliteConnection(source.ToString()))
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await from.OpenAsync();
                await copy.OpenAsync();
                // One step over all pages under one read transaction: a consistent copy; writers go on (WAL).
                from.BackupDatabase(copy);
                await using var check = copy.CreateCommand();
                check.CommandText = "PRAGMA quick_check";
                var verdict = Convert.ToString(await check.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                if (!string.Equals(verdict, "ok", StringComparison.Ordinal))
                {
                    await error.WriteLineAsync($"backup failed: the copy does not pass SQLite's check ({verdict}).");
                    return 1;
                }
            }

            File.Move(partial, target, overwrite: force);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Backed up {source.DataSource} to {target} ({new FileInfo(target).Length} bytes)."));
            return 0;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"backup failed: {e.GetType().Name}: {e.Message}");
            return 1;
        }
        finally
        {
            foreach (var leftover in new[] { partial, partial + "-journal", partial + "-wal", partial + "-shm" })
            {
                File.Delete(leftover);
            }
        }
    }
}
