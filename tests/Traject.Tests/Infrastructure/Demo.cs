namespace Traject.Tests.Infrastructure;

/// <summary>The demo logins (see DemoSeeder) and the names of the demo organisations.</summary>
internal static class Demo
{
    public const string Password = "Demo!Traject2026";

    public const string Admin = "admin@demo.traject";
    public const string Regie = "regie@demo.traject";
    public const string Mentor = "mentor@demo.traject";
    public const string Gedrag = "gedrag@demo.traject";
    public const string Aandacht = "aandacht@demo.traject";
    public const string Wijkteam = "wijkteam@demo.traject";
    public const string AandachtZuid = "aandacht-zuid@demo.traject";
    public const string Politie = "politie@demo.traject";
    public const string Kwaliteit = "kwaliteit@demo.traject";
    public const string Rapporteur = "rapporteur@demo.traject";

    public const string North = "Demo Jeugdzorg Noord";
    public const string South = "Demo Wijkteam Zuid";
    public const string Police = "Demo Politie Eenheid";
    public const string Centre = "Demo Landelijk Coördinatiecentrum";
    public const string Office = "Demo Beheer";

    /// <summary>Demo users whose roles never open a dossier.</summary>
    public static readonly string[] WithoutCareRole = [Admin, Politie, Rapporteur, Kwaliteit];
}
