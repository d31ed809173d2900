using System.Globalization;
using System.Security;
using System.Text;

namespace Traject.Web.Modules.Network;

/// <summary>
/// Draws a network as a small SVG, on the server: the young person in the middle, the entries on a circle around her
/// (people round, places square, accounts rounded, phone numbers as diamonds; red for risk, green for protective),
/// dashed spokes to her and solid lines for the recorded links. Only presentation attributes, no style or script, so
/// it passes the content security policy inline or on its own. Every text is XML-escaped. Pure code, no I/O.
/// </summary>
internal static class NetworkDiagram
{
    private const int Width = 760;
    private const int Height = 560;
    private const double CentreX = Width / 2.0;
    private const double CentreY = Height / 2.0 - 10;
    private const double Radius = 200;
    private const int LabelLength = 26;

    /// <param name="title">The diagram's accessible title.</param>
    /// <param name="centre">The young person's label (her pseudonym).</param>
    /// <param name="entries">The entries with the label and second line to show.</param>
    /// <param name="links">The links between entries (ids of <paramref name="entries"/>) with their descriptions.</param>
    /// <param name="legend">Texts for the legend: risk, protective, unclear, person, place, account, phone.</param>
    public static string Render(string title, string centre, IReadOnlyList<(Guid Id, NetworkEntryKind Kind, NetworkInfluence? Influence, string Label, string Detail)> entries,
        IReadOnlyList<(Guid From, Guid To, string? Nature)> links, IReadOnlyList<string> legend)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\"")
            .Append(" aria-labelledby=\"network-diagram-title\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append("<title id=\"network-diagram-title\">").Append(E(title)).Append("</title>");
        var positions = new Dictionary<Guid, (double X, double Y)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var angle = (2 * Math.PI * i / Math.Max(1, entries.Count)) - (Math.PI / 2);
            positions[entries[i].Id] = (CentreX + (Radius * Math.Cos(angle)), CentreY + (Radius * Math.Sin(angle)));
        }

        foreach (var (x, y) in positions.Values)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{CentreX:0.#}\" y1=\"{CentreY:0.#}\" x2=\"{x:0.#}\" y2=\"{y:0.#}\" stroke=\"#adb5bd\" stroke-dasharray=\"4 4\" />");
        }

        foreach (var (from, to, nature) in links)
        {
            if (!positions.TryGetValue(from, out var a) || !positions.TryGetValue(to, out var b))
            {
                continue;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{a.X:0.#}\" y1=\"{a.Y:0.#}\" x2=\"{b.X:0.#}\" y2=\"{b.Y:0.#}\" stroke=\"#212529\" stroke-width=\"2\">");
            if (nature is { Length: > 0 })
            {
                svg.Append("<title>").Append(E(nature)).Append("</title>");
            }

            svg.Append("</line>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<g><title>{E(centre)}</title><circle cx=\"{CentreX:0.#}\" cy=\"{CentreY:0.#}\" r=\"28\" fill=\"#cfe2ff\" stroke=\"#084298\" stroke-width=\"2\" />");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{CentreX:0.#}\" y=\"{CentreY + 46:0.#}\" text-anchor=\"middle\" font-weight=\"bold\">{E(centre)}</text></g>");
        foreach (var e in entries)
        {
            var (x, y) = positions[e.Id];
            svg.Append("<g><title>").Append(E(e.Label)).Append(" — ").Append(E(e.Detail)).Append("</title>");
            svg.Append(Shape(e.Kind, x, y, Fill(e.Influence), Stroke(e.Influence)));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y + 32:0.#}\" text-anchor=\"middle\">{E(Short(e.Label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y + 46:0.#}\" text-anchor=\"middle\" fill=\"#495057\">{E(Short(e.Detail))}</text></g>");
        }

        // Legend, along the bottom.
        var lx = 12.0;
        var ly = Height - 16.0;
        (string Fill, string Stroke)[] colours =
        [
            (Fill(NetworkInfluence.Risk), Stroke(NetworkInfluence.Risk)),
            (Fill(NetworkInfluence.Protective), Stroke(NetworkInfluence.Protective)),
            (Fill(null), Stroke(null)),
        ];
        for (var i = 0; i < 3 && i < legend.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx:0.#}\" y=\"{ly - 10:0.#}\" width=\"12\" height=\"12\" fill=\"{colours[i].Fill}\" stroke=\"{colours[i].Stroke}\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx + 16:0.#}\" y=\"{ly:0.#}\">{E(legend[i])}</text>");
            lx += 24 + (7 * legend[i].Length);
        }

        var kinds = new[] { NetworkEntryKind.Person, NetworkEntryKind.Place, NetworkEntryKind.OnlineAccount, NetworkEntryKind.PhoneNumber };
        for (var i = 0; i < kinds.Length && i + 3 < legend.Count; i++)
        {
            svg.Append(Shape(kinds[i], lx + 8, ly - 4, "#ffffff", "#495057", 0.45));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx + 20:0.#}\" y=\"{ly:0.#}\">{E(legend[i + 3])}</text>");
            lx += 28 + (7 * legend[i + 3].Length);
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Shape(NetworkEntryKind kind, double x, double y, string fill, string stroke, double scale = 1)
    {
        var s = 16 * scale;
        var paint = $"fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"2\"";
        return kind switch
        {
            NetworkEntryKind.Person => string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{s:0.#}\" {paint} />"),
            NetworkEntryKind.Place => string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{x - s:0.#}\" y=\"{y - s:0.#}\" width=\"{2 * s:0.#}\" height=\"{2 * s:0.#}\" {paint} />"),
            NetworkEntryKind.OnlineAccount => string.Create(CultureInfo.InvariantCulture,
                $"<rect x=\"{x - s - 4:0.#}\" y=\"{y - s + 4:0.#}\" width=\"{(2 * s) + 8:0.#}\" height=\"{(2 * s) - 8:0.#}\" rx=\"{8 * scale:0.#}\" {paint} />"),
            _ => string.Create(CultureInfo.InvariantCulture, $"<polygon points=\"{x:0.#},{y - s:0.#} {x + s:0.#},{y:0.#} {x:0.#},{y + s:0.#} {x - s:0.#},{y:0.#}\" {paint} />"),
        };
    }

    private static string Fill(NetworkInfluence? influence) => influence switch
    {
        NetworkInfluence.Risk => "#f8d7da",
        NetworkInfluence.Protective => "#d1e7dd",
        _ => "#e9ecef",
    };

    private static string Stroke(NetworkInfluence? influence) => influence switch
    {
        NetworkInfluence.Risk => "#b02a37",
        NetworkInfluence.Protective => "#146c43",
        _ => "#495057",
    };

    private static string Short(string text) => text.Length <= LabelLength ? text : text[..(LabelLength - 1)] + "…";

    private static string E(string text) => SecurityElement.Escape(text);
}
