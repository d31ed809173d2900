
namespace Traject.Web.Modules.Trajectories;

internal enum CareTeamRole
{
    Mentor,
    Therapist,
    FamilyGuardian,
    Teacher,
    NeighbourhoodTeam,
    PoliceContact,
    BehaviouralScientist,
    Other,
}

/// <summary>
/// Membership of a care team, either of one professional or of a whole organisation, for a period.
/// The period is inclusive: a membership that ends on a later day still counts on that day. A membership ended on
/// the day itself (or the day before) stops at that moment: <see cref="EndedAt"/> revokes access the same minute.
/// </summary>
internal sealed class CareTeamMembership : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }
    public Guid? ProfessionalId { get; set; }
    public Guid? OrganisationId { get; set; }
    public CareTeamRole Role { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public Guid AddedById { get; set; }

    /// <summary>When the membership was ended with immediate effect; access stops at this moment.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The accepted hand-over that set <see cref="To"/>: until then the member reads on the hand-over's grace period.</summary>
    public Guid? EndsByHandoverId { get; set; }
    public long Version { get; set; }

    public bool IsActiveAt(DateOnly today, DateTimeOffset now) =>
        From <= today && (To is null || To >= today) && (EndedAt is null || EndedAt > now);

    public Error? End(DateOnly on, DateOnly today, DateTimeOffset now)
    {
        if ((To is not null && To < today) || EndedAt is not null)
        {
            return Error.Conflict("This membership has already ended.");
        }

        if (on < From)
        {
            return Error.Invalid("endDate", "The end date cannot be before the start of the membership.");
        }

        if (To is not null && on > To)
        {
            // A member may end her own membership; ending must never extend what the coordinator decided.
            return Error.Invalid("endDate", "The end date cannot be later than the end date the membership already has.");
        }

        if (on < today.AddDays(-1))
        {
            return Error.Invalid("endDate", "A membership cannot be ended retroactively; use today or a later date.");
        }

        To = on;
        if (on <= today)
        {
            EndedAt = now;
        }

        return null;
    }
}
