using Traject.Web.Modules.Statistics;

namespace Traject.Tests.Unit;

/// <summary>
/// The disclosure-control rule on hand-made tables. Besides the expected patterns, every result is checked by an
/// independent test: linear algebra over the published cells and totals must not determine any suppressed cell.
/// </summary>
public class DisclosureControlTests
{
    private static CountTable Table(string csv)
    {
        var (table, problem) = TableCsv.Read(csv.ReplaceLineEndings("\n"));
        Assert.True(table is not null, problem);
        return table!.Counts;
    }

    /// <summary>The displayed cells, one line per row, cells separated by spaces.</summary>
    private static string Shown(SuppressedTable s) => string.Join("\n", Enumerable.Range(0, s.Table.Rows.Count).Select(r =>
        string.Join(" ", Enumerable.Range(0, s.Table.Columns.Count).Select(c => s.Display(r, c)))));

    private static SuppressedTable SuppressAndCheck(CountTable table, IEnumerable<(int, int)>? also = null)
    {
        var result = DisclosureControl.Suppress(table, also);
        AssertProtected(result);
        return result;
    }

    [Fact]
    public void A_table_without_small_counts_is_published_unchanged()
    {
        var s = SuppressAndCheck(Table("""
            ,A,B,Total
            r1,5,0,5
            r2,10,20,30
            Total,15,20,35
            """));
        Assert.Equal("5 0 5\n10 20 30\n15 20 35", Shown(s));
        Assert.Equal(0, s.SuppressedCount);
    }

    [Fact]
    public void Counts_from_1_to_4_are_primary_but_0_and_5_are_shown()
    {
        var s = SuppressAndCheck(Table("""
            ,A,B,C,D,E,F
            r1,0,1,2,3,4,5
            """));
        Assert.Equal("0 <5 <5 <5 <5 5", Shown(s));
        Assert.Equal(CellStatus.Primary, s.Status(0, 1));
        Assert.Null(s.Value(0, 1));
        Assert.Equal(5, s.Value(0, 5));
    }

    [Fact]
    public void A_single_small_cell_in_a_row_takes_the_smallest_cells_of_its_row_and_column_and_closes_a_rectangle()
    {
        var s = SuppressAndCheck(Table("""
            ,A,B,C,Total
            r1,3,10,20,33
            r2,12,15,30,57
            r3,40,50,60,150
            Total,55,75,110,240
            """));
        Assert.Equal("""
            <5 x 20 33
            x x 30 57
            40 50 60 150
            55 75 110 240
            """.ReplaceLineEndings("\n"), Shown(s));
    }

    [Fact]
    public void With_only_row_totals_a_single_small_cell_needs_one_more_in_its_row()
    {
        var s = SuppressAndCheck(Table("""
            ,A,B,C,Total
            r1,3,10,20,33
            r2,12,15,30,57
            """));
        Assert.Equal("<5 x 20 33\n12 15 30 57", Shown(s));
    }

    [Fact]
    public void With_only_column_totals_a_single_small_cell_needs_one_more_in_its_column()
    {
        var s = SuppressAndCheck(Table("""
            ,A,B
            r1,3,10
            r2,12,15
            r3,40,50
            Total,55,75
            """));
        Assert.Equal("<5 10\nx 15\n40 50\n55 75", Shown(s));
    }

    [Fact]
    public void Without_totals_only_the_small_cells_are_suppressed()
    {
        var s = SuppressAndCheck(Table("""
            ,A,B
            r1,3,10
            r2,12,1
            """));
        Assert.Equal("<5 10\n12 <5", Shown(s));
    }

    [Fact]
    public void Small_cells_in_the_total_row_are_suppressed_and_protected_across_the_rows()
    {
        var s = SuppressAndCheck(Table("""
            ,A,B,C,Total
            r1,1,20,30,51
            r2,3,25,35,63
            Total,4,45,65,114
            """));
        Assert.Equal("""
            <5 x 30 51
            <5 x 35 63
            <5 x 65 114
            """.ReplaceLineEndings("\n"), Shown(s));
    }

    [Fact]
    public void A_small_total_in_the_total_column_is_protected_by_the_column_of_totals()
    {
        // Row r2 adds up to 4: all of it is small; its total must not be the difference of the column of totals.
        var s = SuppressAndCheck(Table("""
            ,A,B,Total
            r1,20,30,50
            r2,2,2,4
            r3,25,35,60
            Total,47,67,114
            """));
        Assert.Equal("""
            x x x
            <5 <5 <5
            25 35 60
            47 67 114
            """.ReplaceLineEndings("\n"), Shown(s));
    }

    [Fact]
    public void A_small_grand_total_suppresses_the_whole_table()
    {
        var s = SuppressAndCheck(Table("""
            ,A,B,Total
            r1,1,0,1
            r2,0,2,2
            Total,1,2,3
            """));
        Assert.Equal("<5 0 <5\n0 <5 <5\n<5 <5 <5", Shown(s));
    }

    [Fact]
    public void A_suppressed_cell_that_links_two_protected_blocks_is_protected_too()
    {
        // Every line has two or more suppressed cells, yet r1/C joins the blocks {r1,r2}x{A,B} and {r3,r4}x{C,D}
        // by a single path: the row and column equations around it would give it away. The rule must close a cycle.
        var table = Table("""
            ,A,B,C,D,E,Total
            r1,1,2,3,50,60,116
            r2,2,1,40,45,50,138
            r3,30,35,1,2,70,138
            r4,31,36,2,1,80,150
            r5,40,41,42,43,44,210
            Total,104,115,88,141,304,752
            """);
        var lineRuleOnly = new[] { (0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (0, 2) };
        Assert.Contains((0, 2), Determined(table, lineRuleOnly));
        var s = SuppressAndCheck(table);
        Assert.True(s.SuppressedCount > lineRuleOnly.Length);
    }

    [Fact]
    public void Complementary_cells_are_the_smallest_non_zero_ones_and_interior_before_totals()
    {
        var s = SuppressAndCheck(Table("""
            ,A,B,C,Total
            r1,2,0,7,9
            r2,9,9,9,27
            Total,11,9,16,36
            """));
        // Row r1: 0 is passed over, 7 is taken (not its total 9); column A: 9 (r2) before the total 11.
        Assert.Equal(CellStatus.Complementary, s.Status(0, 2));
        Assert.Equal(CellStatus.Shown, s.Status(0, 1));
        Assert.Equal(CellStatus.Shown, s.Status(0, 3));
        Assert.Equal(CellStatus.Complementary, s.Status(1, 0));
    }

    [Fact]
    public void Cells_suppressed_because_a_linked_table_suppresses_them_are_protected_as_well()
    {
        var s = SuppressAndCheck(Table("""
            ,A,B,Total
            r1,20,30,50
            r2,25,35,60
            Total,45,65,110
            """), [(2, 0)]);
        Assert.Equal(CellStatus.Complementary, s.Status(2, 0));
        Assert.Equal("x x 50\n25 35 60\nx x 110", Shown(s));
    }

    [Fact]
    public void Random_tables_never_reveal_a_suppressed_cell()
    {
        var random = new Random(20261202);
        for (var n = 0; n < 400; n++)
        {
            var rows = random.Next(1, 6);
            var columns = random.Next(1, 6);
            var interior = new long[rows, columns];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    interior[r, c] = random.Next(4) switch { 0 => 0, 1 => random.Next(1, 5), _ => random.Next(5, 60) };
                }
            }

            var table = WithTotals(interior, totalRow: random.Next(3) > 0, totalColumn: random.Next(3) > 0);
            var s = SuppressAndCheck(table);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var small = table[r, c] is > 0 and < 5;
                    Assert.Equal(small, s.Status(r, c) == CellStatus.Primary);
                    Assert.Equal(s.IsSuppressed(r, c) ? null : table[r, c], s.Value(r, c));
                }
            }
        }
    }

    private static CountTable WithTotals(long[,] interior, bool totalRow, bool totalColumn)
    {
        var rows = interior.GetLength(0);
        var columns = interior.GetLength(1);
        var cells = new long[rows + (totalRow ? 1 : 0), columns + (totalColumn ? 1 : 0)];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                cells[r, c] = interior[r, c];
                if (totalColumn)
                {
                    cells[r, columns] += interior[r, c];
                }

                if (totalRow)
                {
                    cells[rows, c] += interior[r, c];
                }

                if (totalRow && totalColumn)
                {
                    cells[rows, columns] += interior[r, c];
                }
            }
        }

        var rowLabels = Enumerable.Range(1, rows).Select(r => $"r{r}").Concat(totalRow ? ["Total"] : []).ToList();
        var columnLabels = Enumerable.Range(1, columns).Select(c => $"c{c}").Concat(totalColumn ? ["Total"] : []).ToList();
        return new CountTable(rowLabels, columnLabels, cells, totalRow, totalColumn);
    }

    private static void AssertProtected(SuppressedTable s)
    {
        var suppressed = Enumerable.Range(0, s.Table.Rows.Count)
            .SelectMany(r => Enumerable.Range(0, s.Table.Columns.Count).Select(c => (r, c)))
            .Where(x => s.IsSuppressed(x.r, x.c)).ToList();
        var determined = Determined(s.Table, suppressed);
        Assert.True(determined.Count == 0, "Recoverable from the totals: " + string.Join(", ", determined));
    }

    /// <summary>
    /// The suppressed cells that the published cells and the totals' equations determine: a cell is determined when its
    /// unit vector lies in the row space of the equations restricted to the suppressed cells (Gaussian elimination).
    /// </summary>
    private static List<(int, int)> Determined(CountTable table, IReadOnlyList<(int R, int C)> suppressed)
    {
        var equations = new List<double[]>();
        var rows = table.Rows.Count;
        var columns = table.Columns.Count;
        if (table.HasTotalColumn)
        {
            for (var r = 0; r < rows; r++)
            {
                equations.Add(suppressed.Select(x => x.R != r ? 0d : x.C == columns - 1 ? -1d : 1d).ToArray());
            }
        }

        if (table.HasTotalRow)
        {
            for (var c = 0; c < columns; c++)
            {
                equations.Add(suppressed.Select(x => x.C != c ? 0d : x.R == rows - 1 ? -1d : 1d).ToArray());
            }
        }

        var rank = Rank(equations);
        var result = new List<(int, int)>();
        for (var k = 0; k < suppressed.Count; k++)
        {
            var unit = new double[suppressed.Count];
            unit[k] = 1;
            if (Rank([.. equations, unit]) == rank)
            {
                result.Add(suppressed[k]);
            }
        }

        return result;
    }

    private static int Rank(List<double[]> matrix)
    {
        var m = matrix.Select(r => (double[])r.Clone()).ToList();
        var rank = 0;
        var width = m.Count == 0 ? 0 : m[0].Length;
        for (var col = 0; col < width && rank < m.Count; col++)
        {
            var pivot = Enumerable.Range(rank, m.Count - rank).FirstOrDefault(i => Math.Abs(m[i][col]) > 1e-9, -1);
            if (pivot < 0)
            {
                continue;
            }

            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var i = 0; i < m.Count; i++)
            {
                if (i != rank && Math.Abs(m[i][col]) > 1e-9)
                {
                    var factor = m[i][col] / m[rank][col];
                    for (var j = col; j < width; j++)
                    {
                        m[i][j] -= factor * m[rank][j];
                    }
                }
            }

            rank++;
        }

        return rank;
    }
}
