
namespace Traject.Web.Modules.Emergency;

/// <summary>
/// "Break the glass": a professional of a youth-care, child-protection or municipal organisation opens one dossier
/// outside her care team for a limited time, after giving a reason. Each use is reported to the designated experts
/// of the lead organisation, who review it.
/// </summary>
internal sealed class EmergencyAccess : IVersioned
{
    public static readonly TimeSpan Duration = TimeSpan.FromHours(8);
    public const int MinReasonLength = 20;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public Guid ProfessionalId { get; set; }
    public Guid OrganisationId { get; set; }
    public string Reason { get; set; } = string.Empty;
    public DateTimeOffset GrantedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public Guid? ReviewedById { get; set; }
    public long Version { get; set; }
}
