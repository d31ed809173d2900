using Microsoft.Extensions.Localization;
using Traject.Web.Common.Access;
using Traject.Web.Modules.Registration;
using Traject.Web.Modules.Statistics;

namespace Traject.Tests.Unit;

/// <summary>The national tables from counted notifications: the layout of table 2.1, shares and linked suppression.</summary>
public class NationalTablesTests
{
    private static readonly Guid North = Guid.NewGuid();
    private static readonly Guid South = Guid.NewGuid();

    private sealed class Keys : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name, resourceNotFound: true);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments), true);
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static NationalFiguresView Build(params NotificationGroup[] groups) =>
        NationalTables.Build(2025, groups, new Dictionary<Guid, string> { [North] = "Noord", [South] = "Zuid" }, new Keys());

    private static NotificationGroup G(NotifiedNationality n, bool minor, int count, Guid? region = null, string forms = "Sexual") =>
        new(n, minor, region ?? North, OrganisationKind.YouthCareProvider, forms, count);

    private static string Row(PublishedTable t, int r) => string.Join(" ", t.Rows[r].Cells.Select(c => c.Display));

    [Fact]
    public void Table_2_1_shows_per_nationality_the_victims_and_of_which_minors_with_their_share()
    {
        var view = Build(G(NotifiedNationality.Dutch, true, 63), G(NotifiedNationality.Dutch, false, 177),
            G(NotifiedNationality.Foreign, true, 48), G(NotifiedNationality.Foreign, false, 600));
        var t = view.Table(NationalTable.Victims).Table;
        Assert.Equal(["Dutch victims", "of which minors", "Foreign victims", "of which minors", "Victims of unknown nationality", "of which minors", "Total", "of which minors"],
            t.Rows.Select(r => r.Label));
        // The committee's 2009 column: 240 / 63 (26 %), 648 / 48 (7 %), 888 / 111 (13 %).
        Assert.Equal(["240 100%", "63 26%", "648 100%", "48 7%", "0 -", "0 -", "888 100%", "111 13%"], Enumerable.Range(0, 8).Select(r => Row(t, r)));
        Assert.True(t.Rows[6].IsTotal && t.Rows[7].IsTotal && t.Rows[7].IsPart);
    }

    [Fact]
    public void A_total_hidden_in_one_table_is_hidden_in_every_table_that_shares_it()
    {
        // 2 Dutch adults: table 2.1 hides the minors and adults in total; region and kind tables show the same total row.
        var view = Build(G(NotifiedNationality.Dutch, true, 8), G(NotifiedNationality.Dutch, false, 2),
            G(NotifiedNationality.Foreign, false, 4, South), G(NotifiedNationality.Foreign, false, 2));
        var region = view.Table(NationalTable.Region).Table;
        var kind = view.Table(NationalTable.OrganisationKind).Table;
        Assert.Equal("x x 16", Row(region, region.Rows.Count - 1));
        Assert.Equal("x x 16", Row(kind, kind.Rows.Count - 1));
    }

    [Fact]
    public void A_share_is_never_shown_beside_a_hidden_count_or_of_a_hidden_base()
    {
        var random = new Random(2025);
        for (var n = 0; n < 200; n++)
        {
            var groups = Enum.GetValues<NotifiedNationality>().SelectMany(nat => new[] { true, false }
                .Select(minor => G(nat, minor, random.Next(3) == 0 ? random.Next(0, 5) : random.Next(0, 40), random.Next(2) == 0 ? North : South)))
                .ToArray();
            var t = Build(groups).Table(NationalTable.Victims).Table;
            for (var r = 0; r < t.Rows.Count; r++)
            {
                var count = t.Rows[r].Cells[0];
                var share = t.Rows[r].Cells[1];
                var whole = t.Rows[r].IsPart ? t.Rows[r - 1].Cells[0] : count;
                if (count.IsSuppressed || whole.IsSuppressed)
                {
                    Assert.Equal("x", share.Display);
                    Assert.Null(share.Value);
                }
                else if (whole.Value > 0)
                {
                    Assert.Equal((long)Math.Round(100m * count.Value!.Value / whole.Value!.Value, MidpointRounding.AwayFromZero), share.Value);
                }
            }
        }
    }

    [Fact]
    public void Forms_are_counted_for_every_form_a_victim_has_without_a_total_row()
    {
        var view = Build(G(NotifiedNationality.Dutch, true, 10, forms: "Sexual,Financial"), G(NotifiedNationality.Dutch, false, 7, forms: "Criminal"));
        var t = view.Table(NationalTable.Exploitation).Table;
        Assert.Equal(Enum.GetValues<ExploitationForm>().Length, t.Rows.Count);
        Assert.Equal("10 0 10", Row(t, 0));
        Assert.Equal("0 7 7", Row(t, 1));
        Assert.Equal("10 0 10", Row(t, 2));
        Assert.DoesNotContain(t.Rows, r => r.IsTotal);
    }
}
