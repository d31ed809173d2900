using System.Globalization;
using System.Text;

namespace Traject.Web.Modules.Statistics;

/// <summary>A table read from CSV: the cells' own text (to print back unchanged) and the counts.</summary>
internal sealed record CsvTable(IReadOnlyList<IReadOnlyList<string>> Records, CountTable Counts);

/// <summary>
/// Reads and writes tables of counts as CSV (RFC 4180, comma-separated). The first row holds the column labels, the
/// first column the row labels; a last row or column labelled <c>Total</c> or <c>Totaal</c> holds totals, which must
/// add up. Problems name the row and column, counted from 1 as a spreadsheet shows them (the labels are row 1 and
/// column 1).
/// </summary>
internal static class TableCsv
{
    private static readonly string[] TotalLabels = ["Total", "Totaal"];

    public static bool IsTotalLabel(string label) => TotalLabels.Contains(label.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The table, or the first problem found.</summary>
    public static (CsvTable? Table, string? Problem) Read(string text)
    {
        var (records, problem) = Split(text);
        if (problem is not null)
        {
            return (null, problem);
        }

        if (records.Count == 0)
        {
            return (null, "The file is empty.");
        }

        var header = records[0];
        if (header.Count < 2)
        {
            return (null, "Row 1 needs at least one column label after the row-label column.");
        }

        if (records.Count < 2)
        {
            return (null, "The table has no rows below the column labels (row 1).");
        }

        var width = header.Count;
        for (var i = 1; i < records.Count; i++)
        {
            var record = records[i];
            if (record.Count < width)
            {
                return (null, $"{RowName(records, i)} has {record.Count} cells where row 1 has {width}: {ColumnName(header, record.Count)} is missing.");
            }

            if (record.Count > width)
            {
                return (null, $"{RowName(records, i)} has {record.Count} cells where row 1 has {width}: column {width + 1} has no label.");
            }
        }

        for (var c = 1; c < width - 1; c++)
        {
            if (IsTotalLabel(header[c]))
            {
                return (null, $"Column {c + 1} (\"{header[c]}\") is labelled as a total but is not the last column.");
            }
        }

        for (var i = 1; i < records.Count - 1; i++)
        {
            if (IsTotalLabel(records[i][0]))
            {
                return (null, $"{RowName(records, i)} is labelled as a total but is not the last row.");
            }
        }

        var rows = records.Count - 1;
        var columns = width - 1;
        var cells = new long[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var cell = records[r + 1][c + 1].Trim();
                if (cell.Length == 0 || !long.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return (null, $"{RowName(records, r + 1)}, {ColumnName(header, c + 1)}: \"{records[r + 1][c + 1]}\" is not a whole number of 0 or more.");
                }

                cells[r, c] = value;
            }
        }

        var table = new CountTable(
            records.Skip(1).Select(x => x[0]).ToList(), header.Skip(1).ToList(), cells,
            hasTotalRow: IsTotalLabel(records[^1][0]), hasTotalColumn: IsTotalLabel(header[^1]));
        var mismatch = CheckTotals(table);
        return mismatch is { } m
            ? (null, $"{RowName(records, m.Row + 1)}, {ColumnName(header, m.Column + 1)}: the total is {m.Total}, but the cells add up to {m.Sum}.")
            : (new CsvTable(records, table), null);
    }

    /// <summary>The first total that is not the sum of its cells (row totals first, then column totals).</summary>
    internal static (int Row, int Column, long Total, decimal Sum)? CheckTotals(CountTable table)
    {
        var rows = table.Rows.Count;
        var columns = table.Columns.Count;
        if (table.HasTotalColumn)
        {
            for (var r = 0; r < rows; r++)
            {
                decimal sum = 0;
                for (var c = 0; c < columns - 1; c++)
                {
                    sum += table[r, c];
                }

                if (sum != table[r, columns - 1])
                {
                    return (r, columns - 1, table[r, columns - 1], sum);
                }
            }
        }

        if (table.HasTotalRow)
        {
            for (var c = 0; c < columns; c++)
            {
                decimal sum = 0;
                for (var r = 0; r < rows - 1; r++)
                {
                    sum += table[r, c];
                }

                if (sum != table[rows - 1, c])
                {
                    return (rows - 1, c, table[rows - 1, c], sum);
                }
            }
        }

        return null;
    }

    /// <summary>The table as read, with primary suppressed cells as <c>&lt;5</c> and complementary ones as <c>x</c>.</summary>
    public static string WriteSuppressed(CsvTable input, SuppressedTable suppressed)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < input.Records.Count; i++)
        {
            var record = input.Records[i];
            sb.AppendJoin(',', record.Select((text, c) =>
                i == 0 || c == 0 || !suppressed.IsSuppressed(i - 1, c - 1) ? Quote(text) : suppressed.Display(i - 1, c - 1)));
            sb.Append("\r\n");
        }

        return sb.ToString();
    }

    /// <summary>
    /// A published table: the corner label, the column labels, then each row's label and displayed cells. Labels (names
    /// of regions from the database) are guarded against spreadsheet formulas; the cells are our own numbers and marks.
    /// </summary>
    public static string Write(string corner, PublishedTable table)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', table.Columns.Prepend(corner).Select(Safe));
        sb.Append("\r\n");
        foreach (var row in table.Rows)
        {
            sb.AppendJoin(',', row.Cells.Select(c => Quote(c.Display)).Prepend(Safe(row.Label)));
            sb.Append("\r\n");
        }

        return sb.ToString();
    }

    /// <summary>Text from the database: a cell that a spreadsheet could take for a formula gets a leading apostrophe.</summary>
    private static string Safe(string value) =>
        Quote(value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) && !IsNumber(value) ? "'" + value : value);

    private static bool IsNumber(string value) => decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string RowName(List<IReadOnlyList<string>> records, int index) => $"Row {index + 1} (\"{records[index][0]}\")";

    private static string ColumnName(IReadOnlyList<string> header, int index) => $"column {index + 1} (\"{header[index]}\")";

    /// <summary>RFC 4180 records; a byte-order mark and blank lines at the end are ignored.</summary>
    private static (List<IReadOnlyList<string>> Records, string? Problem) Split(string text)
    {
        var records = new List<IReadOnlyList<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var fieldStarted = false;
        for (; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r' or '\n':
                    if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    record.Add(field.ToString());
                    records.Add(record);
                    record = [];
                    field.Clear();
                    fieldStarted = false;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }

        if (quoted)
        {
            return (records, $"Row {records.Count + 1}: a quoted cell is not closed.");
        }

        if (fieldStarted || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        while (records.Count > 0 && records[^1] is [""])
        {
            records.RemoveAt(records.Count - 1);
        }

        return (records, null);
    }
}
