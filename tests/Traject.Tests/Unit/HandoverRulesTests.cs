using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Common.Access;
using Traject.Web.Modules.Aftercare;
using Traject.Web.Modules.Handovers;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Unit;

/// <summary>The hand-over's rules and access windows, and the follow-up schedule, on a fake clock.</summary>
public class HandoverRulesTests
{
    private static readonly Guid Leaving = Guid.NewGuid();
    private static readonly Guid Receiving = Guid.NewGuid();
    private static readonly Guid Coordinator = Guid.NewGuid();
    private static readonly Guid Mentor = Guid.NewGuid();
    private static readonly Guid Receiver = Guid.NewGuid();
    private static readonly Guid Therapist = Guid.NewGuid();

    // The lead organisation moves through the hub, which names the actor who moved it.
    private static readonly Actor ReceiverActor = new(Receiver, "Receiver", Receiving, OrganisationKind.MunicipalTeam, new HashSet<string>());

    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero));

    private DateOnly Today => _clock.Today();

    private Handover Proposed(Guid toOrganisation) => new()
    {
        TrajectoryId = Guid.NewGuid(), FromOrganisationId = Leaving, ToOrganisationId = toOrganisation, ToProfessionalId = Receiver,
        ReceivingRole = CareTeamRole.NeighbourhoodTeam, Status = HandoverStatus.Proposed, ProposedAt = _clock.GetUtcNow(),
        Checklist = Enum.GetValues<HandoverItem>().Select(i => new HandoverChecklistItem { Item = i }).ToList(),
    };

    private Handover Ready(Guid toOrganisation)
    {
        var h = Proposed(toOrganisation);
        foreach (var item in Enum.GetValues<HandoverItem>())
        {
            Assert.Null(h.Confirm(item, Receiver, _clock.GetUtcNow()));
        }

        Assert.Null(h.RecordMeeting(Today, "Jongere, mentor, wijkteam", Today, _clock.GetUtcNow()));
        return h;
    }

    private Trajectory Trajectory() => new()
    {
        LeadOrganisationId = Leaving, CoordinatorId = Coordinator,
        CareTeam =
        [
            new CareTeamMembership { ProfessionalId = Coordinator, From = Today.AddDays(-100) },
            new CareTeamMembership { ProfessionalId = Mentor, From = Today.AddDays(-50) },
            new CareTeamMembership { OrganisationId = Leaving, From = Today.AddDays(-50), To = Today.AddDays(5) },
            new CareTeamMembership { ProfessionalId = Therapist, From = Today.AddDays(-20) },
        ],
    };

    private static readonly Dictionary<Guid, Guid> OrganisationOf = new()
    {
        [Coordinator] = Leaving, [Mentor] = Leaving, [Receiver] = Receiving, [Therapist] = Guid.NewGuid(),
    };

    [Fact]
    public void Only_a_proposed_hand_over_lets_the_receiving_side_read()
    {
        Assert.True(HandoverWindows.ReceivingSideReads(HandoverStatus.Proposed));
        Assert.False(HandoverWindows.ReceivingSideReads(HandoverStatus.Accepted));
        Assert.False(HandoverWindows.ReceivingSideReads(HandoverStatus.Withdrawn));
        Assert.False(HandoverWindows.ReceivingSideReads(HandoverStatus.Refused));
    }

    [Fact]
    public void Accepting_needs_every_item_confirmed_and_the_joint_meeting()
    {
        var h = Proposed(Receiving);
        Assert.Equal(ErrorKind.Conflict, h.Accept(Receiver, Today, _clock.GetUtcNow(), 30)!.Kind);
        foreach (var item in Enum.GetValues<HandoverItem>())
        {
            Assert.Null(h.Confirm(item, Receiver, _clock.GetUtcNow()));
        }

        Assert.Equal(ErrorKind.Conflict, h.Confirm(HandoverItem.School, Receiver, _clock.GetUtcNow())!.Kind);
        Assert.False(h.IsReadyToAccept);
        Assert.Equal(ErrorKind.Conflict, h.Accept(Receiver, Today, _clock.GetUtcNow(), 30)!.Kind);
        Assert.Equal(ErrorKind.Validation, h.RecordMeeting(Today.AddDays(1), "Jongere", Today, _clock.GetUtcNow())!.Kind);
        Assert.Null(h.RecordMeeting(Today, "Jongere", Today, _clock.GetUtcNow()));
        Assert.True(h.IsReadyToAccept);
        Assert.Null(h.Accept(Receiver, Today, _clock.GetUtcNow(), 30));
        Assert.Equal(HandoverStatus.Accepted, h.Status);
        Assert.Equal(Today.AddDays(30), h.LeavingAccessUntil);
        Assert.Equal(ErrorKind.Conflict, h.Withdraw(Coordinator, _clock.GetUtcNow())!.Kind);
        Assert.Equal(ErrorKind.Conflict, h.Refuse(Receiver, "Te laat bedacht", _clock.GetUtcNow())!.Kind);
    }

    [Fact]
    public void A_refused_or_withdrawn_hand_over_is_closed_for_every_further_step()
    {
        var refused = Proposed(Receiving);
        Assert.Null(refused.Refuse(Receiver, "Geen plek beschikbaar", _clock.GetUtcNow()));
        Assert.Equal("Geen plek beschikbaar", refused.RefusalReason);
        Assert.Equal(ErrorKind.Conflict, refused.Confirm(HandoverItem.School, Receiver, _clock.GetUtcNow())!.Kind);
        Assert.Equal(ErrorKind.Conflict, refused.RecordMeeting(Today, "Jongere", Today, _clock.GetUtcNow())!.Kind);

        var withdrawn = Proposed(Receiving);
        Assert.Null(withdrawn.Withdraw(Coordinator, _clock.GetUtcNow()));
        Assert.Equal(HandoverStatus.Withdrawn, withdrawn.Status);
        Assert.Equal(ErrorKind.Conflict, withdrawn.Accept(Receiver, Today, _clock.GetUtcNow(), 30)!.Kind);
    }

    [Fact]
    public void Accepting_to_another_organisation_moves_the_lead_and_the_leaving_team_keeps_access_for_the_grace_period()
    {
        var t = Trajectory();
        var h = Ready(Receiving);
        Assert.Null(h.Accept(Receiver, Today, _clock.GetUtcNow(), 30));
        var applied = HandoverWindows.Apply(t, h, OrganisationOf, ReceiverActor, Today, _clock.GetUtcNow());

        Assert.True(applied.LeadMoved);
        Assert.Equal(Receiving, t.LeadOrganisationId);
        Assert.Equal(Coordinator, t.CoordinatorId);
        var joined = Assert.IsType<CareTeamMembership>(applied.Joined);
        Assert.Equal(Receiver, joined.ProfessionalId);
        Assert.Equal(CareTeamRole.NeighbourhoodTeam, joined.Role);
        Assert.Equal(Today, joined.From);

        // The leaving organisation's professionals end after 30 days; the organisation's own membership already ends sooner;
        // a member of a third organisation stays.
        var until = Today.AddDays(30);
        var mentor = t.CareTeam.Single(m => m.ProfessionalId == Mentor);
        Assert.Equal(until, mentor.To);
        Assert.Equal(h.Id, mentor.EndsByHandoverId);
        Assert.Equal(until, t.CareTeam.Single(m => m.ProfessionalId == Coordinator).To);
        var whole = t.CareTeam.Single(m => m.OrganisationId == Leaving);
        Assert.Equal(Today.AddDays(5), whole.To);
        Assert.Null(whole.EndsByHandoverId);
        Assert.Null(t.CareTeam.Single(m => m.ProfessionalId == Therapist).To);
        Assert.Equal(2, applied.Leaving.Count);

        // The window on the clock: the last day counts, the day after it does not.
        _clock.Advance(TimeSpan.FromDays(30));
        Assert.True(mentor.IsActiveAt(_clock.Today(), _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.False(mentor.IsActiveAt(_clock.Today(), _clock.GetUtcNow()));
        Assert.True(joined.IsActiveAt(_clock.Today(), _clock.GetUtcNow()));
    }

    [Fact]
    public void A_hand_over_inside_the_organisation_ends_no_membership_and_keeps_the_lead()
    {
        var t = Trajectory();
        var h = Ready(Leaving);
        Assert.Null(h.Accept(Receiver, Today, _clock.GetUtcNow(), 30));
        var applied = HandoverWindows.Apply(t, h, OrganisationOf, ReceiverActor, Today, _clock.GetUtcNow());
        Assert.False(applied.LeadMoved);
        Assert.Empty(applied.Leaving);
        Assert.Equal(Leaving, t.LeadOrganisationId);
        Assert.Null(t.CareTeam.Single(m => m.ProfessionalId == Mentor).To);
        Assert.NotNull(applied.Joined);
    }

    [Fact]
    public void A_receiver_already_in_the_team_does_not_join_twice()
    {
        var t = Trajectory();
        t.CareTeam.Add(new CareTeamMembership { ProfessionalId = Receiver, From = Today.AddDays(-3) });
        var h = Ready(Receiving);
        Assert.Null(h.Accept(Receiver, Today, _clock.GetUtcNow(), 0));
        var applied = HandoverWindows.Apply(t, h, OrganisationOf, ReceiverActor, Today, _clock.GetUtcNow());
        Assert.Null(applied.Joined);
        Assert.Single(t.CareTeam, m => m.ProfessionalId == Receiver);
        // A grace period of 0 days: the leaving team keeps access until the end of today.
        Assert.Equal(Today, t.CareTeam.Single(m => m.ProfessionalId == Mentor).To);
    }

    [Fact]
    public void Follow_up_contacts_are_due_3_6_12_and_24_months_after_the_end_of_care_and_open_two_weeks_before()
    {
        var trajectoryId = Guid.NewGuid();
        var closedOn = new DateOnly(2026, 8, 31);
        var planned = FollowUpSchedule.Create(trajectoryId, closedOn).ToList();
        Assert.Equal(new[] { new DateOnly(2026, 11, 30), new DateOnly(2027, 2, 28), new DateOnly(2027, 8, 31), new DateOnly(2028, 8, 31) },
            planned.Select(p => p.DueOn));
        Assert.Equal(new[] { 3, 6, 12, 24 }, planned.Select(p => p.Months));
        Assert.All(planned, p => Assert.Equal(trajectoryId, p.TrajectoryId));

        // Recorded from two weeks before it is due, once.
        var contact = planned[0];
        Assert.Equal(ErrorKind.Conflict, contact.Record(FollowUpOutcome.Stable, null, Coordinator, _clock.GetUtcNow(), new DateOnly(2026, 11, 15))!.Kind);
        Assert.Null(contact.Outcome);
        Assert.Null(contact.Record(FollowUpOutcome.Stable, null, Coordinator, _clock.GetUtcNow(), new DateOnly(2026, 11, 16)));
        Assert.Equal(ErrorKind.Conflict, contact.Record(FollowUpOutcome.NotReached, null, Coordinator, _clock.GetUtcNow(), new DateOnly(2026, 12, 1))!.Kind);
    }
}
