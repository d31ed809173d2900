namespace Traject.Web.Modules.Placements;

/// <summary>
/// The catalogue every installation starts with: the six specialised programmes described by the providers with the
/// Netherlands Youth Institute (ages, settings, durations, group composition, phases as far as described), plus a generic
/// outpatient and a generic foster-care programme. Where the description names no phases, the programme has one phase
/// until the provider describes more. The restrictions per phase follow core element 10 (a strict first phase, freedoms
/// built up step by step) and are a starting point for the provider to confirm. Regions are set where the provider's
/// region is known; administrators complete the rest (a new version).
/// Facts taken from the descriptions: each of the six serves girls (girls-only groups and class, a sex-specific ward;
/// the ego-strengthening programme's mixed group takes boys from elsewhere, but the programme is for girls), the generic
/// ones serve all; ages end before the upper age ("12 to 18": until her 18th birthday); every programme with a closed
/// setting requires the JeugdzorgPlus indication (closed youth care), Hoenderloo's too since it can be followed closed;
/// "at most" is a maximum duration, "about one year" an indicative one.
/// </summary>
internal static class BuiltInProgrammes
{
    private const RestrictionLevel No = RestrictionLevel.NotAllowed;
    private const RestrictionLevel Sup = RestrictionLevel.Supervised;
    private const RestrictionLevel Lim = RestrictionLevel.Limited;
    private const RestrictionLevel Yes = RestrictionLevel.Allowed;

    private const string NoPhasesDescribed = "De beschrijving van het programma noemt geen afzonderlijke fasen; de aanbieder vult ze aan.";

    public static readonly IReadOnlyList<(CareProgrammeRequest Request, string? Region)> All =
    [
        (Programme("pinq-crisis", "PINQ-crisisopvang (Meisa)", "Spirit", [PlacementSetting.Crisis],
            "Meisjes die (vermoedelijk) slachtoffer zijn van loverboys, en andere meisjes met meisjesspecifieke problematiek, die acuut een veilige plek nodig hebben.",
            TargetGender.Girls, 12, 18, maxWeeks: 12, aboutWeeks: null, aftercare: null, RequiredIndication.None, GroupComposition.Homogeneous,
            ProgrammeReach.Regional, femaleStaff: true, protectedAddress: true,
            "Crisisopvang en crisisinterventie op een beschermd adres, met alleen vrouwelijke hulpverleners. Onderzocht wordt wat er aan de hand is en welke vervolghulp "
            + "nodig is; het streven is terugkeer naar huis of het netwerk, anders een passende vervolgplek. Meisje en ouders krijgen intensieve begeleiding. " + NoPhasesDescribed,
            [Phase("Crisisopvang en onderzoek", 12, Sup, No, Sup, Sup, "Veiligheid eerst; contact met ouders en netwerk wordt begeleid hersteld.")]),
         "Amsterdam-Amstelland"),
        (Programme("veilig-lima", "Veilig Lima", "Kompaan en de Bocht", [PlacementSetting.Open],
            "Meisjes en vrouwen van 14 tot 24 jaar die (vermoedelijk) slachtoffer zijn van mensenhandel, jeugdprostitutie of loverboyproblematiek.",
            TargetGender.Girls, 14, 24, maxWeeks: 26, aboutWeeks: null, aftercare: null, RequiredIndication.None, GroupComposition.Homogeneous,
            ProgrammeReach.National, femaleStaff: false, protectedAddress: true,
            "Residentieel behandeltraject van zes maanden op een seksespecifieke afdeling, op een beschermd adres. In vijf fasen wordt toegewerkt naar terugkeer in de "
            + "eigen omgeving of een plek om een toekomst op te bouwen; zo snel mogelijk na binnenkomst wordt zij begeleid om naar buiten te gaan. Traumabehandeling, "
            + "netwerk, zelfbeeld, zelfredzaamheid en relaties; intensieve samenwerking met onderwijs, politie en netwerk.",
            [
                Phase("Fase 1", 4, Sup, Sup, Sup, Sup, null),
                Phase("Fase 2", 5, Lim, Sup, Sup, Lim, null),
                Phase("Fase 3", 6, Lim, Lim, Lim, Lim, null),
                Phase("Fase 4", 6, Yes, Lim, Lim, Yes, null),
                Phase("Fase 5", 5, Yes, Yes, Yes, Yes, null),
            ]),
         null),
        (Programme("pinq-closed", "PINQ gesloten jeugdzorg", "De Koppeling", [PlacementSetting.Closed],
            "Meisjes die slachtoffer zijn geworden van een loverboy, bij wie de risico's zo groot zijn dat een gesloten setting het laatste redmiddel is, en hun ouders.",
            TargetGender.Girls, 12, 18, maxWeeks: 39, aboutWeeks: null, aftercare: null, RequiredIndication.JeugdzorgPlus, GroupComposition.Homogeneous,
            ProgrammeReach.Regional, femaleStaff: false, protectedAddress: false,
            "Integraal programma van jeugdhulp, onderwijs en GGZ-behandeling in een gesloten setting, zes tot negen maanden. Meisjesspecifieke groep en meisjesklas: ook "
            + "school en vrije tijd in homogene groepen. Veiligheid, stabilisatie en traumaverwerking, eigenwaarde, gezin en netwerk, interactievaardigheden. " + NoPhasesDescribed,
            [Phase("Behandeling", 39, Sup, Sup, No, Sup, "Vrijheden worden stap voor stap opgebouwd.")]),
         "Amsterdam-Amstelland"),
        (Programme("ego-strengthening-jzplus", "EgoVersterkend behandelprogramma JeugdzorgPlus", "Transferium Jeugdzorg (Parlan)", [PlacementSetting.Closed],
            "Meisjes van 12 tot 18 jaar die (vermoedelijk) slachtoffer zijn van prostitutie of daar ernstig risico op lopen.",
            TargetGender.Girls, 12, 18, maxWeeks: null, aboutWeeks: 52, aftercare: 26, RequiredIndication.JeugdzorgPlus, GroupComposition.Mixed,
            ProgrammeReach.Regional, femaleStaff: false, protectedAddress: false,
            "Geïntegreerde gesloten behandeling van ongeveer een jaar: verblijf op een gemengde groep (onderdelen van de behandeling alleen voor meisjes), groeps- en "
            + "individuele interventies en interventies voor ouders. Hechtings- en schemagericht werken, positief leefklimaat, traumabehandeling, systeembehandeling. "
            + "Vertrouwde hulpverleners blijven tot een half jaar na de plaatsing betrokken. " + NoPhasesDescribed,
            [Phase("Behandeling", 52, Sup, Sup, No, Sup, "Vrijheden worden stap voor stap opgebouwd.")]),
         "Noord-Holland Noord"),
        (Programme("intermetzo-trafficking", "Behandelaanbod slachtoffers mensenhandel", "Intermetzo", [PlacementSetting.Closed],
            "Meisjes van 10 tot 18 jaar die (vermoedelijk) slachtoffer zijn van binnenlandse mensenhandel, met meervoudige complexe problematiek waaronder "
            + "hechtingsproblematiek en ernstige traumatisering.",
            TargetGender.Girls, 10, 18, maxWeeks: 39, aboutWeeks: null, aftercare: null, RequiredIndication.JeugdzorgPlus, GroupComposition.Homogeneous,
            ProgrammeReach.Regional, femaleStaff: false, protectedAddress: false,
            "Behandeling van ten hoogste negen maanden in vier fasen. Veiligheid en stabilisatie, het systeem en positieve sociale contacten, motivatie, traumaverwerking, "
            + "zelfbeeld, lichaamsbeleving en gezonde seksualiteit, dagbesteding en re-integratie; ondersteuning bij het doen van aangifte. Een JeugdzorgPlus-indicatie is nodig.",
            [
                Phase("Stabilisatie", 8, Sup, No, No, Sup, null),
                Phase("Beeldvorming en perspectiefbepaling", 9, Sup, Sup, Sup, Sup, null),
                Phase("Versterken jeugdige en systeem", 12, Lim, Lim, Lim, Lim, null),
                Phase("Vervolgtraject en re-integratie", 10, Yes, Lim, Yes, Yes, null),
            ]),
         null),
        (Programme("hoenderloo-loverboy", "Behandelaanbod slachtoffers loverboys", "Pluryn – De Hoenderloo Groep",
            [PlacementSetting.Open, PlacementSetting.SemiClosed, PlacementSetting.Closed],
            "Meisjes van 10 tot 18 jaar die (vermoedelijk) slachtoffer zijn van een loverboy, met ernstige gedragsproblematiek en onderliggende problematiek zoals trauma, angst en depressie.",
            TargetGender.Girls, 10, 18, maxWeeks: null, aboutWeeks: null, aftercare: null, RequiredIndication.JeugdzorgPlus, GroupComposition.Homogeneous,
            ProgrammeReach.National, femaleStaff: false, protectedAddress: false,
            "Te volgen in een één-op-één-benadering of op een gesloten, besloten of open groep, vanuit een positief leefklimaat. Doelen voor het meisje zelf (trauma, "
            + "gedrag, zelfbeeld), haar netwerk (ouders, positief netwerk) en dagbesteding (onderwijs, werk).",
            [
                Phase("Observatiefase", 6, Sup, Sup, Sup, Sup, null),
                Phase("Behandelfase", null, Lim, Lim, Lim, Lim, null),
                Phase("Vertrekfase", null, Yes, Yes, Yes, Yes, null),
            ]),
         null),
        (Programme("generic-outpatient", "Ambulante hulp (algemeen)", "Aanbieder in de regio", [PlacementSetting.Outpatient],
            "Jongeren die thuis of in hun netwerk wonen en specialistische ambulante begeleiding krijgen, ook als vervolg op een residentiële plaatsing.",
            TargetGender.All, null, null, maxWeeks: null, aboutWeeks: null, aftercare: null, RequiredIndication.None, GroupComposition.NoGroup,
            ProgrammeReach.Regional, femaleStaff: false, protectedAddress: false,
            "Algemeen programma voor ambulante hulp. De afspraken over telefoon, internet en contacten staan in het veiligheidsplan.",
            [
                Phase("Kennismaking en veiligheid", 4, Yes, Yes, Yes, Yes, "Afspraken volgens het veiligheidsplan."),
                Phase("Begeleiding", null, Yes, Yes, Yes, Yes, null),
                Phase("Afronding en overdracht", 4, Yes, Yes, Yes, Yes, null),
            ]),
         null),
        (Programme("generic-foster-care", "Pleegzorg (algemeen)", "Pleegzorgaanbieder in de regio", [PlacementSetting.FosterFamily, PlacementSetting.FamilyHome],
            "Jongeren die (tijdelijk) niet thuis kunnen wonen en in een pleeggezin of gezinshuis verblijven.",
            TargetGender.All, null, null, maxWeeks: null, aboutWeeks: null, aftercare: null, RequiredIndication.None, GroupComposition.NoGroup,
            ProgrammeReach.Regional, femaleStaff: false, protectedAddress: false,
            "Algemeen programma voor pleegzorg en gezinshuizen. De afspraken over telefoon, internet en contacten maken jongere, pleegouders en hulpverlener samen.",
            [
                Phase("Wennen", 6, Lim, Lim, Sup, Sup, null),
                Phase("Verblijf", null, Yes, Lim, Lim, Lim, null),
                Phase("Vertrek en nazorg", null, Yes, Yes, Yes, Yes, null),
            ]),
         null),
    ];

    private static CareProgrammeRequest Programme(string code, string name, string provider, PlacementSetting[] settings, string targetGroup,
        TargetGender gender, int? minAge, int? maxAge, int? maxWeeks, int? aboutWeeks, int? aftercare, RequiredIndication indication, GroupComposition group,
        ProgrammeReach reach, bool femaleStaff, bool protectedAddress, string description, PhaseRequest[] phases) =>
        new(code, name, provider, settings, targetGroup, gender, minAge, maxAge, maxWeeks, aboutWeeks, aftercare, indication, group, reach, null, null,
            femaleStaff, protectedAddress, description, phases, null, true, null);

    private static PhaseRequest Phase(string name, int? weeks, RestrictionLevel phone, RestrictionLevel internet, RestrictionLevel leave,
        RestrictionLevel network, string? notes) => new(name, weeks, phone, internet, leave, network, notes);
}
