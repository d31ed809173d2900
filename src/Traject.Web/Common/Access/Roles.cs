namespace Traject.Web.Common.Access;

/// <summary>The kinds of organisation; the access rules and emergency access depend on them.</summary>
internal enum OrganisationKind
{
    YouthCareProvider,
    MunicipalTeam,
    ChildProtection,
    Police,
    PublicProsecution,
    YouthMentalHealthCare,
    Education,
    NationalRegistrationCentre,
    Other,
}

/// <summary>The roles a professional can hold. Names are stable identifiers stored in the database.</summary>
internal static class Roles
{
    public const string Administrator = "Administrator";
    public const string YouthCareProfessional = "YouthCareProfessional";
    public const string BehaviouralScientist = "BehaviouralScientist";
    public const string Coordinator = "Coordinator";
    public const string DesignatedExpert = "DesignatedExpert";
    public const string MunicipalTeamMember = "MunicipalTeamMember";
    public const string PoliceLiaison = "PoliceLiaison";
    public const string PublicProsecutor = "PublicProsecutor";
    public const string QualityOfficer = "QualityOfficer";
    public const string Inspector = "Inspector";
    public const string NationalReporter = "NationalReporter";
    public const string Researcher = "Researcher";

    public static readonly IReadOnlyList<string> All =
    [
        Administrator, YouthCareProfessional, BehaviouralScientist, Coordinator, DesignatedExpert, MunicipalTeamMember,
        PoliceLiaison, PublicProsecutor, QualityOfficer, Inspector, NationalReporter, Researcher,
    ];

    /// <summary>
    /// Roles that work with individual young people. Only these can ever open a dossier; every other role
    /// (administration, police, justice, oversight, research) sees no dossier unless a later, explicit rule says so.
    /// </summary>
    public static readonly IReadOnlySet<string> Care = new HashSet<string>(StringComparer.Ordinal)
    {
        YouthCareProfessional, BehaviouralScientist, Coordinator, DesignatedExpert, MunicipalTeamMember,
    };

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
