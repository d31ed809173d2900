namespace Traject.Web.Modules.Auth;

/// <summary>The audit actions this module writes (<c>area.verb</c>); their labels are <c>AuditAction.&lt;name&gt;</c> in the resources.</summary>
internal static class AuthAuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string Logout = "logout";
    public const string LogoutEverywhere = "logout.everywhere";
    public const string PasswordChanged = "password.change";
    public const string EnrolmentRequired = "secondfactor.required";
    public const string SecondFactorEnrolled = "secondfactor.enrol";
    public const string SecondFactorFailed = "secondfactor.failed";
    public const string RecoveryCodeUsed = "secondfactor.recovery";
    public const string SecondFactorReset = "secondfactor.reset";
}
