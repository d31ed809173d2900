using Traject.Web.Modules.Statistics;

namespace Traject.Tests.Unit;

/// <summary>Reading tables of counts from CSV: what is accepted, and malformed input refused naming row and column.</summary>
public class TableCsvTests
{
    private static string Problem(string csv)
    {
        var (table, problem) = TableCsv.Read(csv);
        Assert.Null(table);
        return problem!;
    }

    [Fact]
    public void A_table_with_quoted_labels_totals_and_a_byte_order_mark_is_read_and_written_back_with_only_suppressed_cells_changed()
    {
        const string csv = "\uFEFFregion,\"Minors, girls\",Adults,Totaal\r\nNorth,3,10,13\r\n\"West \"\"coast\"\"\",12,15,27\r\nTOTAL,15,25,40\r\n\r\n";
        var (table, problem) = TableCsv.Read(csv);
        Assert.Null(problem);
        Assert.True(table!.Counts.HasTotalRow);
        Assert.True(table.Counts.HasTotalColumn);
        Assert.Equal(["North", "West \"coast\"", "TOTAL"], table.Counts.Rows);
        var written = TableCsv.WriteSuppressed(table, DisclosureControl.Suppress(table.Counts));
        Assert.Equal("region,\"Minors, girls\",Adults,Totaal\r\nNorth,<5,x,13\r\n\"West \"\"coast\"\"\",x,x,27\r\nTOTAL,15,25,40\r\n", written);
    }

    [Fact]
    public void Cells_keep_their_own_text_when_shown()
    {
        var (table, _) = TableCsv.Read("x,a,b\nr, 007 ,9\n");
        Assert.Equal("x,a,b\r\nr, 007 ,9\r\n", TableCsv.WriteSuppressed(table!, DisclosureControl.Suppress(table!.Counts)));
        Assert.Equal(7, table.Counts[0, 0]);
    }

    [Fact]
    public void A_table_without_totals_has_no_equations()
    {
        var (table, _) = TableCsv.Read("x,a,b\nr,1,2\ns,3,4");
        Assert.False(table!.Counts.HasTotalRow);
        Assert.False(table.Counts.HasTotalColumn);
    }

    [Fact]
    public void Ragged_rows_are_refused_naming_the_row_and_the_column()
    {
        Assert.Equal("Row 3 (\"West\") has 3 cells where row 1 has 4: column 4 (\"Total\") is missing.",
            Problem("region,A,B,Total\nNorth,1,2,3\nWest,5,6\n"));
        Assert.Equal("Row 2 (\"North\") has 5 cells where row 1 has 4: column 5 has no label.",
            Problem("region,A,B,Total\nNorth,1,2,3,4\n"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-3")]
    [InlineData("1.5")]
    [InlineData("1.208")]
    [InlineData("99999999999999999999")]
    public void Cells_that_are_not_whole_numbers_are_refused_naming_the_row_and_the_column(string cell)
    {
        Assert.Equal($"Row 3 (\"West\"), column 3 (\"B\"): \"{cell}\" is not a whole number of 0 or more.",
            Problem($"region,A,B\nNorth,1,2\nWest,5,{cell}\n"));
    }

    [Fact]
    public void Totals_that_do_not_add_up_are_refused_naming_the_row_and_the_column()
    {
        Assert.Equal("Row 3 (\"West\"), column 4 (\"Total\"): the total is 10, but the cells add up to 11.",
            Problem("region,A,B,Total\nNorth,1,2,3\nWest,5,6,10\n"));
        Assert.Equal("Row 4 (\"Totaal\"), column 2 (\"A\"): the total is 7, but the cells add up to 6.",
            Problem("region,A,B\nNorth,1,2\nWest,5,6\nTotaal,7,8\n"));
        // Row and column totals each add up, but the grand total does not.
        Assert.Equal("Row 4 (\"Total\"), column 4 (\"Total\"): the total is 15, but the cells add up to 14.",
            Problem("region,A,B,Total\nNorth,1,2,3\nWest,5,6,11\nTotal,6,8,15\n"));
    }

    [Fact]
    public void Empty_files_headers_without_rows_and_misplaced_totals_are_refused()
    {
        Assert.Equal("The file is empty.", Problem(""));
        Assert.Equal("Row 1 needs at least one column label after the row-label column.", Problem("region\nNorth\n"));
        Assert.Equal("The table has no rows below the column labels (row 1).", Problem("region,A\n"));
        Assert.Equal("Column 2 (\"Total\") is labelled as a total but is not the last column.", Problem("region,Total,B\nNorth,1,2\n"));
        Assert.Equal("Row 2 (\"Total\") is labelled as a total but is not the last row.", Problem("region,A\nTotal,1\nWest,2\n"));
        Assert.Equal("Row 2: a quoted cell is not closed.", Problem("region,A\n\"North,1\n"));
    }
}
