namespace Traject.Web.Modules.Registration;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class RegistrationAuditActions
{
    public const string RegistrationRead = "registration.read";
    public const string RegistrationDecided = "registration.decide";
    public const string ConsentRecorded = "registration.consent";
    public const string ConsentWithdrawn = "registration.consent.withdraw";
    public const string ConsentPolicyChanged = "registration.consentpolicy";
    public const string RegistrationOverviewRead = "registration.overview";
    public const string NotificationsExported = "registration.export";
    public const string NotificationExportRead = "registration.export.read";
}
