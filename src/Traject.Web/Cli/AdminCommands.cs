using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Data.Seeding;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Cli;

/// <summary>
/// Administrative verbs on the same executable: <c>migrate</c>, <c>seed</c>, <c>create-admin</c>,
/// <c>schema-script</c>, <c>verify-audit</c>, <c>screen</c> and <c>stats</c>.
/// </summary>
internal static class AdminCommands
{
    private static readonly string[] Verbs = ["migrate", "seed", "create-admin", "verify-audit", "schema-script", "screen", "stats", "help"];

    public static bool IsVerb(string arg) => Verbs.Contains(arg, StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args[0];
        var options = ParseOptions(args.Skip(1).ToArray());
        if (verb == "help")
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var builder = WebApplication.CreateBuilder(args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal) || a.Contains('=', StringComparison.Ordinal)).ToArray());
        builder.Configuration["Database:MigrateOnStartup"] = "false";
        TrajectApp.ConfigureServices(builder);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        try
        {
            switch (verb)
            {
                case "migrate":
                    var applied = await sp.GetRequiredService<SchemaMigrator>().MigrateAsync();
                    await sp.GetRequiredService<DemoSeeder>().EnsureReferenceDataAsync();
                    Console.WriteLine($"Applied {applied} migration(s); the schema is up to date.");
                    return 0;
                case "seed":
                    await sp.GetRequiredService<SchemaMigrator>().MigrateAsync();
                    await sp.GetRequiredService<DemoSeeder>().EnsureReferenceDataAsync();
                    if (options.ContainsKey("demo"))
                    {
                        var seeded = await sp.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(force: true);
                        Console.WriteLine(seeded ? "Demo data added." : "Demo data already present; nothing added.");
                    }

                    if (options.TryGetValue("scale", out var n))
                    {
                        if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 1_000_000)
                        {
                            Console.Error.WriteLine("--scale needs a number from 1 to 1000000.");
                            return 2;
                        }

                        var made = await sp.GetRequiredService<ScaleSeeder>().SeedAsync(count);
                        Console.WriteLine($"Generated {made} fictitious young people with their trajectories.");
                    }

                    if (!options.ContainsKey("demo") && !options.ContainsKey("scale"))
                    {
                        Console.WriteLine("Reference data (regions, roles, the built-in screening instrument) is present. Use --demo or --scale N for more.");
                    }

                    return 0;
                case "create-admin":
                    return await CreateAdminAsync(sp, options);
                case "schema-script":
                    Console.WriteLine(sp.GetRequiredService<TrajectDb>().Database.GenerateCreateScript());
                    return 0;
                case "verify-audit":
                    var check = await Common.Auditing.AuditChain.VerifyAsync(sp.GetRequiredService<TrajectDb>());
                    if (check.Intact)
                    {
                        Console.WriteLine($"Audit trail intact: {check.Checked} entries checked.");
                        return 0;
                    }

                    Console.Error.WriteLine($"Audit trail NOT intact after {check.Checked} good entries: {check.Problem}");
                    return 1;
                case "screen":
                    return await ScreenCommand.RunAsync(sp, options);
                case "stats":
                    return await StatsCommand.RunAsync(sp, args.Length > 1 ? args[1] : null, options);
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"{verb} failed: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    private const string Usage = """
        Usage: Traject.Web [verb] [options]
          (no verb)                 run the web application
          migrate                   apply pending schema migrations
          seed [--demo] [--scale N] add reference data; --demo adds the demo organisations, logins and young people;
                                    --scale N adds N fictitious young people with histories (load tests)
          create-admin --email E --name "N" --organisation "O" [--region "R"]
                                    create an administrator; the password is read from TRAJECT_ADMIN_PASSWORD or stdin
          schema-script             print the SQL the current model expects (for writing migrations)
          verify-audit              check the whole audit hash chain; exit 1 and name the first altered, missing or
                                    reordered entry when it is broken
          screen --file case.json [--culture en]
                                    evaluate a case ({"dateOfBirth", "observationDate", "signals", "instrumentVersion"?})
                                    and print the same JSON as POST /api/v1/screening/evaluate; without a version the
                                    built-in instrument is used and no database is needed
          stats suppress --in table.csv
                                    print the table with counts from 1 to 4 as <5 and the cells suppressed to protect
                                    them as x (first row: column labels; first column: row labels; optional last row
                                    and/or column "Total" or "Totaal"); exit 2 naming the row and column of bad input
          stats national --year 2026 --format csv|json [--table victims|exploitation|region|organisation-kind] [--culture en]
                                    print one table of the national figures, suppressed as on the page and in the API
        Configuration comes from appsettings, environment (Database__Provider, Database__ConnectionString) or --Key=Value.
        """;

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && !args[i].Contains('=', StringComparison.Ordinal))
            {
                var key = args[i][2..];
                var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
                result[key] = value;
            }
        }

        return result;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider sp, Dictionary<string, string> options)
    {
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("name", out var name)
            || !options.TryGetValue("organisation", out var orgName))
        {
            Console.Error.WriteLine("create-admin needs --email, --name and --organisation.");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("TRAJECT_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            if (!Console.IsInputRedirected)
            {
                Console.Write("Password (at least 12 characters): ");
            }

            password = Console.ReadLine();
        }

        var db = sp.GetRequiredService<TrajectDb>();
        await sp.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await sp.GetRequiredService<DemoSeeder>().EnsureReferenceDataAsync();
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Name == orgName);
        if (org is null)
        {
            var regionName = options.GetValueOrDefault("region");
            var region = regionName is null ? await db.Regions.OrderBy(r => r.Name).FirstAsync() : await db.Regions.SingleOrDefaultAsync(r => r.Name == regionName);
            if (region is null)
            {
                Console.Error.WriteLine("Unknown region.");
                return 2;
            }

            org = new Organisation { Name = orgName, Kind = OrganisationKind.Other, RegionId = region.Id };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
        }

        var users = sp.GetRequiredService<UserManager<Professional>>();
        var user = new Professional
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganisationId = org.Id,
            CreatedAt = sp.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password ?? string.Empty);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.Administrator);
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine(error.Description);
            }

            return 1;
        }

        Console.WriteLine($"Administrator {user.Id} created.");
        return 0;
    }

    public static void PrintWelcome(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("Traject is running at " + string.Join(", ", addresses));
        if (app.Environment.IsDevelopment())
        {
            Console.WriteLine($"Demo logins (Development only), password {DemoSeeder.DemoPassword}:");
            foreach (var (email, role) in DemoSeeder.DemoAccounts)
            {
                Console.WriteLine($"  {email,-28} {role}");
            }
        }

        Console.WriteLine();
    }
}
