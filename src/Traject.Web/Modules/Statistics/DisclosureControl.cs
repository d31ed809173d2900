namespace Traject.Web.Modules.Statistics;

/// <summary>
/// A table of counts to publish: row and column labels and whole-number cells. When <see cref="HasTotalRow"/> the last
/// row holds the column totals, when <see cref="HasTotalColumn"/> the last column holds the row totals (and the corner
/// cell the grand total). The totals are cells like any other: they are published and may be suppressed.
/// </summary>
internal sealed class CountTable
{
    public CountTable(IReadOnlyList<string> rows, IReadOnlyList<string> columns, long[,] cells, bool hasTotalRow, bool hasTotalColumn)
    {
        if (cells.GetLength(0) != rows.Count || cells.GetLength(1) != columns.Count)
        {
            throw new ArgumentException("The cells do not match the labels.", nameof(cells));
        }

        Rows = rows;
        Columns = columns;
        Cells = cells;
        HasTotalRow = hasTotalRow;
        HasTotalColumn = hasTotalColumn;
    }

    public IReadOnlyList<string> Rows { get; }
    public IReadOnlyList<string> Columns { get; }
    public bool HasTotalRow { get; }
    public bool HasTotalColumn { get; }
    private long[,] Cells { get; }

    public long this[int row, int column] => Cells[row, column];

    public bool IsTotalRow(int row) => HasTotalRow && row == Rows.Count - 1;

    public bool IsTotalColumn(int column) => HasTotalColumn && column == Columns.Count - 1;

    public bool IsTotal(int row, int column) => IsTotalRow(row) || IsTotalColumn(column);

    /// <summary>Builds a table from rows of cells (each as long as <paramref name="columns"/>).</summary>
    public static CountTable From(IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<long>> cells,
        bool hasTotalRow, bool hasTotalColumn)
    {
        var grid = new long[rows.Count, columns.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                grid[r, c] = cells[r][c];
            }
        }

        return new CountTable(rows, columns, grid, hasTotalRow, hasTotalColumn);
    }
}

/// <summary>How one cell of a published table is shown.</summary>
internal enum CellStatus
{
    Shown,

    /// <summary>A count from 1 to 4, shown as <c>&lt;5</c>.</summary>
    Primary,

    /// <summary>Suppressed so that no primary cell can be worked out from the totals, shown as <c>x</c>.</summary>
    Complementary,
}

/// <summary>A table with the status of every cell after disclosure control.</summary>
internal sealed class SuppressedTable(CountTable table, CellStatus[,] status)
{
    public CountTable Table { get; } = table;

    public CellStatus Status(int row, int column) => status[row, column];

    public bool IsSuppressed(int row, int column) => status[row, column] != CellStatus.Shown;

    /// <summary>The published value: null for a suppressed cell.</summary>
    public long? Value(int row, int column) => IsSuppressed(row, column) ? null : Table[row, column];

    public string Display(int row, int column) => status[row, column] switch
    {
        CellStatus.Primary => DisclosureControl.PrimaryMark,
        CellStatus.Complementary => DisclosureControl.ComplementaryMark,
        _ => Table[row, column].ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public int SuppressedCount
    {
        get
        {
            var n = 0;
            foreach (var s in status)
            {
                n += s == CellStatus.Shown ? 0 : 1;
            }

            return n;
        }
    }
}

/// <summary>
/// Statistical disclosure control for published counts (docs/adr/0013-disclosure-control.md).
/// <para><b>Primary suppression</b>: every cell, totals included, with a count from 1 to 4 is suppressed (<c>&lt;5</c>).
/// Zero is shown: it is not a small group of people.</para>
/// <para><b>Complementary suppression</b>: the totals make each row (when there is a total column) and each column (when
/// there is a total row) a linear equation over its cells. Seen as a graph, each such line is a node and each suppressed
/// cell an edge between its row and its column; lines without an equation are merged into one free node. A suppressed
/// cell can be worked out exactly from the published cells if and only if its edge lies on no cycle of that graph (it is
/// a bridge): a cycle lets its cells move by +t and -t in turn without changing any published total. The rule repeats
/// until stable: (1) a line with exactly one suppressed cell gets one more, its smallest non-zero unsuppressed cell;
/// (2) when no line has just one, a remaining bridge gets a cell that closes a cycle through it, the smallest non-zero
/// cell joining the two sides. Interior cells go before totals at equal value; zero cells are taken only when nothing
/// else is left. As every suppressed cell is then at least 1, a cycle can move both ways, so even the knowledge that counts
/// are not negative does not pin a suppressed cell down.</para>
/// </summary>
internal static class DisclosureControl
{
    public const long Threshold = 5;
    public const string PrimaryMark = "<5";
    public const string ComplementaryMark = "x";

    public static bool IsSmall(long count) => count is > 0 and < Threshold;

    /// <param name="alsoSuppress">Cells that must be suppressed besides the small ones (e.g. because a linked table
    /// suppresses the same count); they count as complementary.</param>
    public static SuppressedTable Suppress(CountTable table, IEnumerable<(int Row, int Column)>? alsoSuppress = null)
    {
        var rows = table.Rows.Count;
        var columns = table.Columns.Count;
        var status = new CellStatus[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                status[r, c] = IsSmall(table[r, c]) ? CellStatus.Primary : CellStatus.Shown;
            }
        }

        foreach (var (r, c) in alsoSuppress ?? [])
        {
            if (status[r, c] == CellStatus.Shown)
            {
                status[r, c] = CellStatus.Complementary;
            }
        }

        var graph = new LineGraph(table, status);
        while (graph.CompleteSingleLines() || graph.CloseOneBridge())
        {
        }

        return new SuppressedTable(table, status);
    }

    /// <summary>Rows and columns as nodes, suppressed cells as edges; lines without an equation share one free node.</summary>
    private sealed class LineGraph(CountTable table, CellStatus[,] status)
    {
        private int Rows => table.Rows.Count;
        private int Columns => table.Columns.Count;
        private int Free => Rows + Columns;

        private int RowNode(int r) => table.HasTotalColumn ? r : Free;
        private int ColumnNode(int c) => table.HasTotalRow ? Rows + c : Free;

        private bool Suppressed(int r, int c) => status[r, c] != CellStatus.Shown;

        /// <summary>Step 1: every line with an equation and exactly one suppressed cell gets its smallest other cell.</summary>
        public bool CompleteSingleLines()
        {
            var changed = false;
            bool again;
            do
            {
                again = false;
                if (table.HasTotalColumn)
                {
                    for (var r = 0; r < Rows; r++)
                    {
                        var line = Enumerable.Range(0, Columns).Select(c => (r, c)).ToList();
                        again |= CompleteLine(line);
                    }
                }

                if (table.HasTotalRow)
                {
                    for (var c = 0; c < Columns; c++)
                    {
                        var line = Enumerable.Range(0, Rows).Select(r => (r, c)).ToList();
                        again |= CompleteLine(line);
                    }
                }

                changed |= again;
            }
            while (again);

            return changed;
        }

        private bool CompleteLine(List<(int R, int C)> line)
        {
            if (line.Count(x => Suppressed(x.R, x.C)) != 1)
            {
                return false;
            }

            var pick = Smallest(line.Where(x => !Suppressed(x.R, x.C)));
            if (pick is not { } cell)
            {
                return false;
            }

            status[cell.R, cell.C] = CellStatus.Complementary;
            return true;
        }

        /// <summary>Step 2: find one suppressed cell that is a bridge and close a cycle through it.</summary>
        public bool CloseOneBridge()
        {
            var edges = SuppressedEdges();
            foreach (var edge in edges)
            {
                var (from, to) = Ends(edge);
                var reach = Reachable(edges, from, without: edge);
                if (reach.Contains(to))
                {
                    continue;
                }

                var otherSide = Reachable(edges, to, without: edge);
                var unsuppressed = AllCells().Where(x => !Suppressed(x.R, x.C)).ToList();
                var closing = Smallest(unsuppressed.Where(x =>
                {
                    var (a, b) = Ends(x);
                    return (reach.Contains(a) && otherSide.Contains(b)) || (reach.Contains(b) && otherSide.Contains(a));
                }));
                // No cell joins the two sides directly: widen one side and let the next rounds go on from there.
                closing ??= Smallest(unsuppressed.Where(x =>
                {
                    var (a, b) = Ends(x);
                    return reach.Contains(a) || reach.Contains(b) || otherSide.Contains(a) || otherSide.Contains(b);
                }));
                if (closing is { } cell)
                {
                    status[cell.R, cell.C] = CellStatus.Complementary;
                    return true;
                }
            }

            return false;
        }

        private List<(int R, int C)> SuppressedEdges() => AllCells().Where(x => Suppressed(x.R, x.C)).ToList();

        private IEnumerable<(int R, int C)> AllCells() =>
            Enumerable.Range(0, Rows).SelectMany(r => Enumerable.Range(0, Columns).Select(c => (r, c)));

        private (int From, int To) Ends((int R, int C) cell) => (RowNode(cell.R), ColumnNode(cell.C));

        private HashSet<int> Reachable(List<(int R, int C)> edges, int start, (int R, int C) without)
        {
            var seen = new HashSet<int> { start };
            var queue = new Queue<int>([start]);
            while (queue.TryDequeue(out var node))
            {
                foreach (var edge in edges)
                {
                    if (edge == without)
                    {
                        continue;
                    }

                    var (a, b) = Ends(edge);
                    var next = a == node ? b : b == node ? a : -1;
                    if (next >= 0 && seen.Add(next))
                    {
                        queue.Enqueue(next);
                    }
                }
            }

            return seen;
        }

        /// <summary>The smallest non-zero cell (interior before totals, then top-left first); a zero only when no other is left.</summary>
        private (int R, int C)? Smallest(IEnumerable<(int R, int C)> cells)
        {
            var ordered = cells
                .OrderBy(x => table[x.R, x.C] == 0)
                .ThenBy(x => table[x.R, x.C])
                .ThenBy(x => table.IsTotal(x.R, x.C))
                .ThenBy(x => x.R).ThenBy(x => x.C);
            foreach (var cell in ordered)
            {
                return cell;
            }

            return null;
        }
    }
}
