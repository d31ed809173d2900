using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Data.Seeding;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Cli;

/// <summary>
/// Administrative verbs on the same executable: <c>migrate</c>, <c>seed</c>, <c>create-admin</c>,
/// <c>schema-script</c>, <c>verify-audit</c>, <c>backup</c>, <c>screen</c> and <c>stats</c>.
/// </summary>
internal static class AdminCommands
{
    /// <summary>Verbs that read a database that must already be there: on a missing SQLite file they stop instead of creating one.</summary>
    private static readonly string[] NeedExistingDatabase = ["verify-audit", "stats national", "backup"];

    /// <summary>
    /// Runs the verb the first argument names and returns its exit code, or null when the arguments name no verb and the
    /// web application should start (no arguments, options such as <c>--urls</c>, or <c>Key=Value</c> settings). An
    /// unknown verb, an unknown option or a missing value is refused with a message and exit code 2.
    /// </summary>
    public static async Task<int?> RunIfVerbAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (VerbParser.StartsServer(args))
        {
            return null;
        }

        var (parsed, problem) = VerbParser.Parse(args);
        if (parsed is null)
        {
            await error.WriteLineAsync(problem);
            if (VerbParser.IsVerb(args[0]))
            {
                await error.WriteLineAsync("Run 'Traject.Web help' for every verb and its options.");
            }

            return 2;
        }

        return await RunAsync(parsed, output, error);
    }

    private static async Task<int> RunAsync(VerbArguments parsed, TextWriter output, TextWriter error)
    {
        var verb = parsed.Verb;
        var options = parsed.Options;
        if (verb == "help" || options.ContainsKey("help"))
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        if (parsed.ContentRoot is { } root && !Directory.Exists(root))
        {
            await error.WriteLineAsync($"The content root '{root}' does not exist.");
            return 2;
        }

        var builder = WebApplication.CreateBuilder([.. parsed.HostArgs]);
        builder.Configuration["Database:MigrateOnStartup"] = "false";
        var named = parsed.SubVerb is null ? verb : $"{verb} {parsed.SubVerb}";
        if (NeedExistingDatabase.Contains(named, StringComparer.Ordinal)
            && (builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions())
                .SqliteFile(builder.Environment.ContentRootPath) is { } file && !File.Exists(file))
        {
            await error.WriteLineAsync($"{named}: there is no database at '{file}'. Point --contentRoot at the app's folder "
                + "(the one holding data/traject.db) or set Database:ConnectionString.");
            return 2;
        }

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
                    await output.WriteLineAsync($"Applied {applied} migration(s); the schema is up to date.");
                    return 0;
                case "seed":
                    await sp.GetRequiredService<SchemaMigrator>().MigrateAsync();
                    await sp.GetRequiredService<DemoSeeder>().EnsureReferenceDataAsync();
                    if (options.ContainsKey("demo"))
                    {
                        var seeded = await sp.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(force: true);
                        await output.WriteLineAsync(seeded ? "Demo data added." : "Demo data already present; nothing added.");
                    }

                    if (options.TryGetValue("scale", out var n))
                    {
                        if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 1_000_000)
                        {
                            await error.WriteLineAsync("--scale needs a number from 1 to 1000000.");
                            return 2;
                        }

                        var made = await sp.GetRequiredService<ScaleSeeder>().SeedAsync(count);
                        await output.WriteLineAsync($"Generated {made} fictitious young people with their trajectories.");
                    }

                    if (!options.ContainsKey("demo") && !options.ContainsKey("scale"))
                    {
                        await output.WriteLineAsync("Reference data (regions, roles, the built-in screening instrument) is present. Use --demo or --scale N for more.");
                    }

                    return 0;
                case "create-admin":
                    return await CreateAdminAsync(sp, options, output, error);
                case "schema-script":
                    await output.WriteLineAsync(sp.GetRequiredService<TrajectDb>().Database.GenerateCreateScript());
                    return 0;
                case "verify-audit":
                    var check = await Common.Auditing.AuditChain.VerifyAsync(sp.GetRequiredService<TrajectDb>());
                    if (check.Intact)
                    {
                        await output.WriteLineAsync($"Audit trail intact: {check.Checked} entries checked.");
                        return 0;
                    }

                    await error.WriteLineAsync($"Audit trail NOT intact after {check.Checked} good entries: {check.Problem}");
                    return 1;
                case "backup":
                    return await BackupCommand.RunAsync(sp, options, output, error);
                case "screen":
                    return await ScreenCommand.RunAsync(sp, options);
                case "stats":
                    return await StatsCommand.RunAsync(sp, parsed.SubVerb, options);
                default:
                    await error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"{verb} failed: {ex.GetType().Name}: {ex.Message}");
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
          backup --to FILE [--force] copy the embedded SQLite database while the app runs (SQLite's online backup);
                                    refuses an existing FILE without --force; PostgreSQL: use pg_dump
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
        Options are written --name value or --name=value; a verb refuses an option it does not know.
        Every verb also takes --contentRoot <folder> (where data/traject.db and appsettings.json are), --environment <name>
        and configuration keys (--Database:Provider Sqlite); configuration also comes from appsettings and the
        environment (Database__Provider, Database__ConnectionString). verify-audit, backup and stats national stop when
        the SQLite database they should read does not exist.
        """;

    private static async Task<int> CreateAdminAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> options, TextWriter output, TextWriter error)
    {
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("name", out var name)
            || !options.TryGetValue("organisation", out var orgName))
        {
            await error.WriteLineAsync("create-admin needs --email, --name and --organisation.");
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
                await error.WriteLineAsync("Unknown region.");
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
            foreach (var failure in result.Errors)
            {
                await error.WriteLineAsync(failure.Description);
            }

            return 1;
        }

        await output.WriteLineAsync($"Administrator {user.Id} created.");
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
            var texts = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
            foreach (var (email, role) in DemoSeeder.DemoAccounts)
            {
                Console.WriteLine($"  {email,-28} {RoleName(texts, role, "nl-NL")} / {RoleName(texts, role, "en-GB")}");
            }
        }

        Console.WriteLine();
    }

    /// <summary>The role as the pages name it, in the language given (the console's demo list shows both).</summary>
    private static string RoleName(IStringLocalizer<SharedResource> texts, string role, string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return texts.Label("Role." + role);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
