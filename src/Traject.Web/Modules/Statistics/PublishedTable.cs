using System.Text.Json.Serialization;

namespace Traject.Web.Modules.Statistics;

/// <summary>One published cell: the count (null when suppressed) and what is shown (<c>12</c>, <c>&lt;5</c> or <c>x</c>).</summary>
internal sealed record PublishedCell(long? Value, string Display)
{
    [JsonIgnore]
    public bool IsSuppressed => Value is null;
}

/// <summary>A row of a published table. <see cref="IsTotal"/> and <see cref="IsPart"/> ("of which") only shape the page.</summary>
internal sealed record PublishedRow(string Label, IReadOnlyList<PublishedCell> Cells)
{
    [JsonIgnore]
    public bool IsTotal { get; init; }

    [JsonIgnore]
    public bool IsPart { get; init; }
}

/// <summary>A table after disclosure control, as the API, the CSV download and the page show it.</summary>
internal sealed record PublishedTable(int Year, IReadOnlyList<string> Columns, IReadOnlyList<PublishedRow> Rows)
{
    /// <summary>Every cell of a suppressed table with its own labels.</summary>
    public static PublishedTable From(int year, SuppressedTable suppressed)
    {
        var t = suppressed.Table;
        var rows = Enumerable.Range(0, t.Rows.Count).Select(r => new PublishedRow(t.Rows[r],
                Enumerable.Range(0, t.Columns.Count).Select(c => new PublishedCell(suppressed.Value(r, c), suppressed.Display(r, c))).ToList())
            { IsTotal = t.IsTotalRow(r) })
            .ToList();
        return new PublishedTable(year, t.Columns, rows);
    }
}

/// <summary>What the table and bar-chart partials show: a published table, its title and the column the bars show.</summary>
internal sealed record StatisticsView(string Id, string Title, PublishedTable Table, int ChartColumn);
