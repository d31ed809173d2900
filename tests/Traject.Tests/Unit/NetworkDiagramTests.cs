using System.Xml.Linq;
using Traject.Web.Modules.Network;

namespace Traject.Tests.Unit;

/// <summary>The diagram is well-formed SVG with every text escaped and no style or script.</summary>
public class NetworkDiagramTests
{
    [Fact]
    public void The_diagram_is_well_formed_svg_without_style_or_script_and_escapes_every_text()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var svg = NetworkDiagram.Render("Netwerk <script>", "J-ABCD-EFGH",
            [(a, NetworkEntryKind.Person, NetworkInfluence.Risk, "<script>alert(1)</script>", "Uitbuiter & co"),
             (b, NetworkEntryKind.PhoneNumber, null, "06-12345678", "\"quoted\"")],
            [(a, b, "<b>gebruikt</b>"), (a, Guid.NewGuid(), "link to nothing")],
            ["Risico", "Beschermend", "Onduidelijk", "Persoon", "Plek", "Account", "Telefoon"]);
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", doc.Root!.Name);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(doc.Descendants(ns + "text"), t => t.Value.StartsWith("<script>alert", StringComparison.Ordinal));
        Assert.Single(doc.Descendants(ns + "circle"), c => (string?)c.Attribute("fill") == "#f8d7da");
        // The link to an entry that is not drawn is left out; the other is drawn with its description as a title.
        Assert.Single(doc.Descendants(ns + "line"), l => (string?)l.Attribute("stroke-width") == "2");
    }
}
