using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Statistics;

namespace Traject.Web.Cli;

/// <summary>
/// <c>stats suppress --in table.csv</c>: disclosure control for anyone's table of counts; prints the table with
/// primary suppressed cells as <c>&lt;5</c> and complementary ones as <c>x</c>. Needs no database.
/// <c>stats national --year 2026 --format csv|json [--table victims|exploitation|region|organisation-kind]</c>: one
/// table of the national figures, as the page's CSV download or the API's JSON, from the configured database.
/// </summary>
internal static class StatsCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, string? subVerb, IReadOnlyDictionary<string, string> options)
    {
        switch (subVerb)
        {
            case "suppress":
                return await SuppressAsync(options);
            case "national":
                return await NationalAsync(sp, options);
            default:
                Console.Error.WriteLine("stats needs a sub-verb: suppress --in table.csv, or national --year YYYY --format csv|json [--table name] [--culture en].");
                return 2;
        }
    }

    private static async Task<int> SuppressAsync(IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("in", out var path) || path == "true")
        {
            Console.Error.WriteLine("stats suppress needs --in with the table as CSV.");
            return 2;
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{path} cannot be read: {ex.Message}");
            return 2;
        }

        var (table, problem) = TableCsv.Read(text);
        if (table is null)
        {
            Console.Error.WriteLine($"{path}: {problem}");
            return 2;
        }

        Console.Write(TableCsv.WriteSuppressed(table, DisclosureControl.Suppress(table.Counts)));
        return 0;
    }

    private static async Task<int> NationalAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> options)
    {
        var format = options.GetValueOrDefault("format", "csv");
        if (format is not ("csv" or "json"))
        {
            Console.Error.WriteLine("--format is csv or json.");
            return 2;
        }

        if (!options.TryGetValue("year", out var yearText)
            || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < NationalFigures.FirstYear or > 9999)
        {
            Console.Error.WriteLine($"stats national needs --year with a year from {NationalFigures.FirstYear}, e.g. --year 2026.");
            return 2;
        }

        var name = NationalFigures.TableName(options.GetValueOrDefault("table"));
        if (!name.IsSuccess)
        {
            Console.Error.WriteLine($"--table is one of: {string.Join(", ", NationalTable.All)}.");
            return 2;
        }

        var culture = options.GetValueOrDefault("culture", "nl");
        if (!TrajectApp.Cultures.Any(c => c.Name == culture || c.TwoLetterISOLanguageName == culture))
        {
            Console.Error.WriteLine("--culture is nl or en.");
            return 2;
        }

        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var view = (await sp.GetRequiredService<NationalFigures>().BuildAsync(year, CancellationToken.None)).Table(name.Value);
        if (format == "json")
        {
            var json = sp.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            Console.WriteLine(JsonSerializer.Serialize(view.Table, json));
        }
        else
        {
            Console.Write(TableCsv.Write(year.ToString(CultureInfo.InvariantCulture), view.Table));
        }

        return 0;
    }
}
