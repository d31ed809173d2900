using Traject.Tests.Infrastructure;

namespace Traject.Tests.Integration;

/// <summary>
/// <c>stats suppress --in table.csv</c> through the application's own executable, with a database that cannot be
/// reached: the verb needs none.
/// </summary>
public class StatsSuppressVerbTests
{
    [Fact]
    public async Task The_verb_prints_the_table_with_small_cells_as_less_than_5_and_complementary_cells_as_x()
    {
        var (exit, output, error) = await RunAsync("""
            ,A,B,C,Total
            r1,3,10,20,33
            r2,12,15,30,57
            r3,40,50,60,150
            Total,55,75,110,240
            """);
        Assert.True(exit == 0, error);
        Assert.Equal(",A,B,C,Total\nr1,<5,x,20,33\nr2,x,x,30,57\nr3,40,50,60,150\nTotal,55,75,110,240\n", output.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData("region,A,B,Total\nNorth,1,2,3\nWest,5,6\n", "Row 3 (\"West\") has 3 cells where row 1 has 4: column 4 (\"Total\") is missing.")]
    [InlineData("region,A,B\nNorth,1,two\n", "Row 2 (\"North\"), column 3 (\"B\"): \"two\" is not a whole number of 0 or more.")]
    [InlineData("region,A,B,Total\nNorth,1,2,3\nWest,5,6,10\n", "Row 3 (\"West\"), column 4 (\"Total\"): the total is 10, but the cells add up to 11.")]
    public async Task Malformed_tables_are_refused_with_the_row_and_column_and_nothing_printed(string csv, string message)
    {
        var (exit, output, error) = await RunAsync(csv);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.EndsWith(": " + message, error.TrimEnd('\r', '\n'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_or_option_is_refused()
    {
        var missing = await RunFileAsync(["stats", "suppress", "--in", Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv")]);
        Assert.Equal(2, missing.Exit);
        Assert.Contains("cannot be read", missing.Error, StringComparison.Ordinal);
        var noOption = await RunFileAsync(["stats", "suppress"]);
        Assert.Equal(2, noOption.Exit);
        Assert.Contains("--in", noOption.Error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string csv)
    {
        var file = Path.Combine(Path.GetTempPath(), $"traject-table-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, csv);
        try
        {
            return await RunFileAsync(["stats", "suppress", "--in", file]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Task<(int Exit, string Output, string Error)> RunFileAsync(string[] args) => VerbProcess.RunAsync(args);
}
