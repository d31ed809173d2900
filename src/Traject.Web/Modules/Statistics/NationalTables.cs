using System.Globalization;
using Microsoft.Extensions.Localization;
using Traject.Web.Modules.Registration;

namespace Traject.Web.Modules.Statistics;

/// <summary>The tables of the national figures; the names are used in URLs and the CLI.</summary>
internal static class NationalTable
{
    public const string Victims = "victims";
    public const string Exploitation = "exploitation";
    public const string Region = "region";
    public const string OrganisationKind = "organisation-kind";

    public static readonly IReadOnlyList<string> All = [Victims, Exploitation, Region, OrganisationKind];
}

/// <summary>Victims counted in a year with the same nationality, age group, region, kind of notifying organisation and forms.</summary>
internal sealed record NotificationGroup(NotifiedNationality Nationality, bool Minor, Guid RegionId, OrganisationKind OrganisationKind, string Forms, int Count);

/// <summary>The four published tables of one year, after disclosure control of all of them together.</summary>
internal sealed record NationalFiguresView(int Year, IReadOnlyList<StatisticsView> Tables)
{
    public StatisticsView Table(string name) => Tables.Single(t => t.Id == name);
}

/// <summary>
/// Builds the national figures from counted notifications (pure, no I/O). Every table has the columns minors, adults
/// (18 and over) and total, so it has the equations that complementary suppression protects. The victims table is
/// suppressed as nationality × age and then shown in the layout of the committee's table 2.1: per nationality the
/// victims (100 %) and, of which minors, with their share. The breakdowns by region and by kind of notifying
/// organisation count every victim once and share their total row with the victims table: a total hidden in one is
/// hidden in all (repeated until they agree). A victim may have several forms of exploitation, so that breakdown has no
/// total row.
/// <para>Percentages never reveal a hidden count: a share is shown only when its count and its base are both shown,
/// so it adds nothing to what the table already shows; otherwise it is shown as <c>x</c>.</para>
/// </summary>
internal static class NationalTables
{
    private static readonly NotifiedNationality[] Nationalities = [NotifiedNationality.Dutch, NotifiedNationality.Foreign, NotifiedNationality.Unknown];

    private static readonly Dictionary<NotifiedNationality, string> NationalityLabels = new()
    {
        [NotifiedNationality.Dutch] = "Dutch victims",
        [NotifiedNationality.Foreign] = "Foreign victims",
        [NotifiedNationality.Unknown] = "Victims of unknown nationality",
    };

    public static NationalFiguresView Build(int year, IReadOnlyList<NotificationGroup> groups, IReadOnlyDictionary<Guid, string> regions,
        IStringLocalizer l)
    {
        string[] columns = [l["Minors"], l["Adults"], l["Total"]];
        var total = l["Total"].Value;

        // Nationality × age, with totals both ways.
        var victims = Counts(
            Nationalities.Select(n => l[NationalityLabels[n]].Value).Append(total).ToList(), columns,
            Nationalities.Select(n => groups.Where(g => g.Nationality == n)).ToList(), totalRow: true);

        var regionRows = regions.Keys.Union(groups.Select(g => g.RegionId))
            .Select(id => (Id: id, Name: regions.GetValueOrDefault(id, "?")))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        var byRegion = Counts(regionRows.Select(r => r.Name).Append(total).ToList(), columns,
            regionRows.Select(r => groups.Where(g => g.RegionId == r.Id)).ToList(), totalRow: true);

        var kinds = Enum.GetValues<OrganisationKind>();
        var byKind = Counts(kinds.Select(k => l.Label(k)).Append(total).ToList(), columns,
            kinds.Select(k => groups.Where(g => g.OrganisationKind == k)).ToList(), totalRow: true);

        var forms = Enum.GetValues<ExploitationForm>();
        var byForm = Counts(forms.Select(f => l.Label(f)).ToList(), columns,
            forms.Select(f => groups.Where(g => HasForm(g.Forms, f))).ToList(), totalRow: false);

        var (suppressedVictims, suppressedRegion, suppressedKind) = SuppressLinked(victims, byRegion, byKind);
        return new NationalFiguresView(year,
        [
            new StatisticsView(NationalTable.Victims, string.Format(CultureInfo.CurrentCulture, l["Registered victims in {0}"], year),
                AsTable21(year, suppressedVictims, l), ChartColumn: 0),
            new StatisticsView(NationalTable.Exploitation, l["By form of exploitation (a victim may have several)"],
                PublishedTable.From(year, DisclosureControl.Suppress(byForm)), ChartColumn: 2),
            new StatisticsView(NationalTable.Region, l["By region of the notifying organisation"],
                PublishedTable.From(year, suppressedRegion), ChartColumn: 2),
            new StatisticsView(NationalTable.OrganisationKind, l["By kind of notifying organisation"],
                PublishedTable.From(year, suppressedKind), ChartColumn: 2),
        ]);
    }

    private static bool HasForm(string forms, ExploitationForm form) =>
        forms.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(form.ToString(), StringComparer.Ordinal);

    /// <summary>Rows of minors, adults and total, and (when asked) a total row.</summary>
    private static CountTable Counts(List<string> rowLabels, string[] columns, List<IEnumerable<NotificationGroup>> rows, bool totalRow)
    {
        var cells = new long[rows.Count + (totalRow ? 1 : 0), 3];
        for (var r = 0; r < rows.Count; r++)
        {
            foreach (var g in rows[r])
            {
                cells[r, g.Minor ? 0 : 1] += g.Count;
            }

            cells[r, 2] = cells[r, 0] + cells[r, 1];
            if (totalRow)
            {
                for (var c = 0; c < 3; c++)
                {
                    cells[rows.Count, c] += cells[r, c];
                }
            }
        }

        return new CountTable(rowLabels, columns, cells, totalRow, hasTotalColumn: true);
    }

    /// <summary>Suppresses the tables that share their total row until a total hidden in one is hidden in all.</summary>
    private static (SuppressedTable, SuppressedTable, SuppressedTable) SuppressLinked(params CountTable[] tables)
    {
        var shared = new HashSet<int>();
        while (true)
        {
            var results = tables.Select(t => DisclosureControl.Suppress(t, shared.Select(c => (t.Rows.Count - 1, c)))).ToList();
            var hidden = results.SelectMany(s => Enumerable.Range(0, 3).Where(c => s.IsSuppressed(s.Table.Rows.Count - 1, c))).ToHashSet();
            if (hidden.SetEquals(shared))
            {
                return (results[0], results[1], results[2]);
            }

            shared.UnionWith(hidden);
        }
    }

    /// <summary>
    /// Table 2.1's layout: per nationality and in total the victims (100 %) and, of which minors, with their share.
    /// The cells come from the suppressed nationality × age table, so the adults column stays protected too.
    /// </summary>
    private static PublishedTable AsTable21(int year, SuppressedTable s, IStringLocalizer l)
    {
        var rows = new List<PublishedRow>();
        for (var r = 0; r < s.Table.Rows.Count; r++)
        {
            var isTotal = s.Table.IsTotalRow(r);
            rows.Add(new PublishedRow(s.Table.Rows[r], [Count(s, r, 2), Share(s, r, 2, r, 2)]) { IsTotal = isTotal });
            rows.Add(new PublishedRow(l["of which minors"], [Count(s, r, 0), Share(s, r, 0, r, 2)]) { IsTotal = isTotal, IsPart = true });
        }

        return new PublishedTable(year, ["N", "%"], rows);
    }

    private static PublishedCell Count(SuppressedTable s, int r, int c) => new(s.Value(r, c), s.Display(r, c));

    /// <summary>A share only of shown counts: a hidden count or base gives <c>x</c>; an empty base gives <c>-</c>.</summary>
    internal static PublishedCell Share(SuppressedTable s, int r, int c, int baseRow, int baseColumn)
    {
        if (s.Value(r, c) is not { } count || s.Value(baseRow, baseColumn) is not { } whole)
        {
            return new PublishedCell(null, DisclosureControl.ComplementaryMark);
        }

        if (whole == 0)
        {
            return new PublishedCell(null, "-");
        }

        var percent = (long)Math.Round(100m * count / whole, MidpointRounding.AwayFromZero);
        return new PublishedCell(percent, percent.ToString(CultureInfo.InvariantCulture) + "%");
    }
}
