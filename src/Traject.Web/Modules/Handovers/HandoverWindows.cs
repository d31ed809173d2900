using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Handovers;

/// <summary>
/// The access windows of a hand-over, as plain rules. The receiving professional reads the dossier while the hand-over
/// is proposed (the overlap); after acceptance she is a care-team member. The leaving organisation's team keeps its
/// memberships until <see cref="LeavingAccessUntil"/> (inclusive) and then loses access with them. The coordinator is
/// untouched: she stays unless explicitly changed.
/// </summary>
internal static class HandoverWindows
{
    public static bool ReceivingSideReads(HandoverStatus status) => status == HandoverStatus.Proposed;

    public static DateOnly LeavingAccessUntil(DateOnly acceptedOn, int leavingAccessDays) => acceptedOn.AddDays(leavingAccessDays);

    /// <summary>What acceptance changes in the trajectory: its new member, the memberships that end later, the lead organisation.</summary>
    internal sealed record Acceptance(CareTeamMembership? Joined, IReadOnlyList<CareTeamMembership> Leaving, bool LeadMoved);

    /// <summary>
    /// Applies an accepted hand-over to the trajectory (with its care team loaded), through the hub's own methods. The
    /// receiving professional joins the team from today unless she is already an active member. When the hand-over goes
    /// to another organisation the lead organisation moves to it, and every active membership of the leaving
    /// organisation (its professionals, or the organisation as a whole) ends on the last day of the grace period, unless
    /// it ends sooner already.
    /// </summary>
    public static Acceptance Apply(Trajectory t, Handover h, IReadOnlyDictionary<Guid, Guid> organisationOf, Actor by, DateOnly today, DateTimeOffset now)
    {
        var joined = t.CareTeam.Any(m => m.ProfessionalId == h.ToProfessionalId && m.IsActiveAt(today, now))
            ? null
            : t.JoinCareTeam(h.ToProfessionalId, h.ReceivingRole, today, by.Id);
        if (h.ToOrganisationId == h.FromOrganisationId)
        {
            return new Acceptance(joined, [], false);
        }

        var until = h.LeavingAccessUntil!.Value;
        var leaving = t.CareTeam
            .Where(m => m != joined && m.IsActiveAt(today, now) && m.ProfessionalId != h.ToProfessionalId
                && (m.OrganisationId == h.FromOrganisationId
                    || (m.ProfessionalId is { } p && organisationOf.TryGetValue(p, out var org) && org == h.FromOrganisationId))
                && (m.To is null || m.To > until))
            .ToList();
        t.EndMembershipsForHandover(leaving, until, h.Id);
        var moved = t.MoveLead(h.ToOrganisationId, by);
        return new Acceptance(joined, leaving, moved);
    }
}
