using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Traject.Web;
using Traject.Web.Data;
using Traject.Web.Data.Seeding;
using Traject.Web.Modules.Statistics;

namespace Traject.Bench.NationalFigures;

/// <summary>
/// <c>national-figures --connection "&lt;Npgsql connection string&gt;" [--young-people 100000] [--year Y] [--runs 20]</c>:
/// the national figures of one year (all four tables, disclosure control included) on a PostgreSQL database filled by
/// the <c>seed --scale</c> generator up to the given number of young people (seeded once, kept for the next run). Without
/// a year it takes the year with the most notifications. Prints the time per build.
/// </summary>
internal static class NationalFiguresBench
{
    public const string Verb = "national-figures";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        if (!options.TryGetValue("connection", out var connection))
        {
            Console.Error.WriteLine("national-figures needs --connection with an Npgsql connection string to a database it may fill.");
            return 2;
        }

        var youngPeople = int.Parse(options.GetValueOrDefault("young-people", "100000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(options.GetValueOrDefault("runs", "20"), CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Database:Provider"] = "PostgreSQL";
        builder.Configuration["Database:ConnectionString"] = connection;
        TrajectApp.ConfigureServices(builder);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();

        int year;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            await sp.GetRequiredService<SchemaMigrator>().MigrateAsync();
            await sp.GetRequiredService<DemoSeeder>().EnsureReferenceDataAsync();
            var db = sp.GetRequiredService<TrajectDb>();
            var have = await db.YoungPeople.CountAsync();
            if (have < youngPeople)
            {
                var seeding = Stopwatch.StartNew();
                Console.WriteLine($"Seeding {youngPeople - have} young people (have {have}) …");
                await sp.GetRequiredService<ScaleSeeder>().SeedAsync(youngPeople - have, seed: 20261202 + have);
                Console.WriteLine($"Seeded in {seeding.Elapsed.TotalMinutes:0.0} min.");
            }

            year = options.TryGetValue("year", out var y)
                ? int.Parse(y, CultureInfo.InvariantCulture)
                : await db.NationalNotifications.Where(n => n.CountedInYear).GroupBy(n => n.Year)
                    .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            Console.WriteLine($"{await db.Trajectories.CountAsync()} trajectories, {await db.NationalNotifications.CountAsync()} notifications, "
                + $"{await db.NationalNotifications.CountAsync(n => n.CountedInYear && n.Year == year)} counted in {year}.");
        }

        var times = new List<double>();
        for (var i = 0; i < runs + 3; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var figures = scope.ServiceProvider.GetRequiredService<Traject.Web.Modules.Statistics.NationalFigures>();
            var watch = Stopwatch.StartNew();
            var view = await figures.BuildAsync(year, CancellationToken.None);
            watch.Stop();
            if (i >= 3)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            if (i == 0)
            {
                Console.WriteLine(TableCsv.Write(year.ToString(CultureInfo.InvariantCulture), view.Table(NationalTable.Victims).Table));
            }
        }

        times.Sort();
        Console.WriteLine(
            FormattableString.Invariant($"national figures {year}, {runs} runs after 3 warm-up: min {times[0]:0.0} ms, median {times[times.Count / 2]:0.0} ms, ")
            + FormattableString.Invariant($"p95 {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:0.0} ms, max {times[^1]:0.0} ms"));
        return 0;
    }
}
