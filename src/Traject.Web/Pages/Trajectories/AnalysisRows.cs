using Microsoft.Extensions.Localization;
using Traject.Web.Modules.Triage;

namespace Traject.Web.Pages.Trajectories;

/// <summary>An analysis as labelled rows, one per field, for reading it and for comparing two side by side.</summary>
internal static class AnalysisRows
{
    internal sealed record Row(string Field, string Section, string Label, string Value);

    public static IReadOnlyList<Row> Of(AnalysisContent c, IStringLocalizer l)
    {
        string Set<T>(IReadOnlyList<T> values)
            where T : struct, Enum => values.Count == 0 ? "—" : string.Join(", ", values.Select(v => l.Label(v)));
        string Yes(bool value) => value ? l["yes"] : l["no"];
        string Text(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value;
        var aces = Enum.GetValues<AdverseExperience>();
        var network = c.Network.Count == 0 ? "—" : string.Join("\n", c.Network.Select(p =>
            $"{l.Label(p.Relation)}{(p.Name.Length > 0 ? ": " + p.Name : "")}"
            + $"{(p.MayBeInvolved ? " — " + l["possibly involved in the exploitation"] : "")}{(p.Notes is null ? "" : " (" + p.Notes + ")")}"));
        return
        [
            new("exploitationCircumstances", l["The exploitation"], l["Circumstances"], Text(c.ExploitationCircumstances)),
            new("exploitationNature", l["The exploitation"], l["Nature"], Text(c.ExploitationNature)),
            new("exploitationForms", l["The exploitation"], l["Form"], Set(c.ExploitationForms)),
            new("exploitationMonths", l["The exploitation"], l["Duration in months"], c.ExploitationMonths?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"),
            new("onlineComponent", l["The exploitation"], l["Online component"], Yes(c.OnlineComponent)),
            new("onlineDetails", l["The exploitation"], l["Online: details"], Text(c.OnlineDetails)),
            new("exploiterRegionId", l["The exploitation"], l["Region of the exploiter and his network"], Text(c.ExploiterRegion)),
            new("upperProblems", l["Upper problems"], l["Upper problems"], Set(c.UpperProblems)),
            new("upperNotes", l["Upper problems"], l["Notes"], Text(c.UpperNotes)),
            new("underlyingProblems", l["Underlying problems"], l["Underlying problems"], Set(c.UnderlyingProblems)),
            new("adverseExperiences", l["Underlying problems"], l["Adverse childhood experiences"],
                $"{c.AdverseExperiences.Count}/{aces.Length}: {Set(c.AdverseExperiences)}"),
            new("underlyingNotes", l["Underlying problems"], l["Notes"], Text(c.UnderlyingNotes)),
            new("risks", l["Risks"], l["Risks"], Set(c.Risks)),
            new("riskNotes", l["Risks"], l["Notes"], Text(c.RiskNotes)),
            new("needs", l["Needs and strengths"], l["Needs"], Text(c.Needs)),
            new("strengths", l["Needs and strengths"], l["Her strengths"], Text(c.Strengths)),
            new("networkStrengths", l["Needs and strengths"], l["Strengths of her network"], Text(c.NetworkStrengths)),
            new("education", l["Education"], l["Education situation"], c.Education is { } e ? l.Label(e) : "—"),
            new("educationNotes", l["Education"], l["Notes"], Text(c.EducationNotes)),
            new("network", l["Parents and network"], l["Parents and network"], network),
            new("networkNotes", l["Parents and network"], l["Notes"], Text(c.NetworkNotes)),
            new("mixedGroupReason", l["Group"], l["Why a mixed group is acceptable (homogeneous unless)"], Text(c.MixedGroupReason)),
        ];
    }
}
