namespace Traject.Web.Data.Seeding;

/// <summary>Reference data every installation starts with. Administrators edit it afterwards.</summary>
internal static class ReferenceData
{
    /// <summary>Dutch youth-care regions (jeugdzorgregio's), as commonly named.</summary>
    public static readonly IReadOnlyList<string> Regions =
    [
        "Groningen", "Friesland", "Drenthe", "IJsselland", "Twente", "Achterhoek", "Noord-Veluwe",
        "Midden-IJssel/Oost-Veluwe", "Centraal Gelderland", "Foodvalley", "Rivierenland", "Gelderland-Zuid",
        "Flevoland", "Utrecht Stad", "Lekstroom", "Utrecht West", "Zuidoost-Utrecht", "Amersfoort",
        "Gooi en Vechtstreek", "Amsterdam-Amstelland", "Zaanstreek-Waterland", "Kennemerland", "Noord-Holland Noord",
        "Holland Rijnland", "Haaglanden", "Midden-Holland", "Rijnmond", "Zuid-Holland Zuid", "Zeeland",
        "West-Brabant-West", "West-Brabant-Oost", "Hart van Brabant", "Noordoost-Brabant", "Zuidoost-Brabant",
        "Helmond-De Peel", "Noord-Limburg", "Midden-Limburg", "Zuid-Limburg",
    ];
}
