using Traject.Web.Modules.Statistics;

namespace Traject.Web.Cli;

/// <summary>
/// <c>stats suppress --in table.csv</c>: disclosure control for anyone's table of counts; prints the table with
/// primary suppressed cells as <c>&lt;5</c> and complementary ones as <c>x</c>. Needs no database.
/// </summary>
internal static class StatsCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, string? subVerb, IReadOnlyDictionary<string, string> options)
    {
        switch (subVerb)
        {
            case "suppress":
                return await SuppressAsync(options);
            default:
                Console.Error.WriteLine("stats needs a sub-verb: suppress --in table.csv.");
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
}
