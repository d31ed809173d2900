using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Handovers;

internal enum HandoverStatus
{
    Proposed,
    Accepted,
    Withdrawn,
    Refused,
}

/// <summary>Where the young person goes: the next placement or organisation, or the neighbourhood team for aftercare.</summary>
internal enum HandoverDestination
{
    NextPlacement,
    Aftercare,
}

/// <summary>What the leaving side hands over; the receiving side confirms each item before she accepts.</summary>
internal enum HandoverItem
{
    ExploitationSuspicion,
    RegistrationDecision,
    SafetyPlan,
    FuturePlan,
    MedicationAndCareContacts,
    School,
}

/// <summary>
/// A warm hand-over of a trajectory to a receiving professional (and her organisation): a checklist the receiving side
/// confirms item by item, a joint meeting with the young person, and acceptance or refusal by the receiving side.
/// While it is proposed the receiving professional may read the dossier; on acceptance she joins the care team, the
/// lead organisation moves to hers, and the leaving organisation's memberships end after a grace period.
/// </summary>
internal sealed class Handover : IVersioned
{
    public const int NoteMaxLength = 1000;
    public const int ParticipantsMaxLength = 500;
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrajectoryId { get; set; }

    /// <summary>The placement she leaves, when the hand-over is from a placement.</summary>
    public Guid? FromPlacementId { get; set; }
    public HandoverDestination Destination { get; set; }
    public Guid FromOrganisationId { get; set; }
    public Guid ToOrganisationId { get; set; }
    public Guid ToProfessionalId { get; set; }

    /// <summary>Her role in the care team once she accepts.</summary>
    public CareTeamRole ReceivingRole { get; set; }
    public HandoverStatus Status { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public Guid ProposedById { get; set; }
    public DateOnly? MeetingOn { get; set; }
    public string? MeetingParticipants { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedById { get; set; }
    public string? RefusalReason { get; set; }

    /// <summary>The last day the leaving organisation's team keeps access (inclusive); set on acceptance.</summary>
    public DateOnly? LeavingAccessUntil { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public long Version { get; set; }

    public List<HandoverChecklistItem> Checklist { get; set; } = [];

    public bool IsOpen => Status == HandoverStatus.Proposed;

    public bool IsReadyToAccept => MeetingOn is not null && Checklist.Count == Enum.GetValues<HandoverItem>().Length
        && Checklist.All(c => c.ConfirmedAt is not null);

    public Error? Confirm(HandoverItem item, Guid by, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Error.Conflict("This hand-over is no longer open.");
        }

        var entry = Checklist.SingleOrDefault(c => c.Item == item);
        if (entry is null)
        {
            return Error.Invalid("item", "Unknown value.");
        }

        if (entry.ConfirmedAt is not null)
        {
            return Error.Conflict("This item is already confirmed.");
        }

        entry.ConfirmedAt = now;
        entry.ConfirmedById = by;
        ChangedAt = now;
        return null;
    }

    public Error? RecordMeeting(DateOnly heldOn, string participants, DateOnly today, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Error.Conflict("This hand-over is no longer open.");
        }

        if (heldOn > today)
        {
            return Error.Invalid("heldOn", "Record the joint meeting once it has taken place.");
        }

        if (heldOn < DateOnly.FromDateTime(ProposedAt.ToLocal().DateTime).AddDays(-90))
        {
            return Error.Invalid("heldOn", "The joint meeting belongs to this hand-over: at most 90 days before it was proposed.");
        }

        MeetingOn = heldOn;
        MeetingParticipants = participants;
        ChangedAt = now;
        return null;
    }

    /// <summary>Accepting needs every item confirmed and the joint meeting held.</summary>
    public Error? Accept(Guid by, DateOnly today, DateTimeOffset now, int leavingAccessDays)
    {
        if (!IsOpen)
        {
            return Error.Conflict("This hand-over is no longer open.");
        }

        if (Checklist.Any(c => c.ConfirmedAt is null))
        {
            return Error.Conflict("Confirm every item of the checklist before accepting.");
        }

        if (MeetingOn is null)
        {
            return Error.Conflict("Record the joint meeting with the young person before accepting.");
        }

        Status = HandoverStatus.Accepted;
        DecidedAt = now;
        DecidedById = by;
        LeavingAccessUntil = HandoverWindows.LeavingAccessUntil(today, leavingAccessDays);
        ChangedAt = now;
        return null;
    }

    public Error? Refuse(Guid by, string reason, DateTimeOffset now) => End(HandoverStatus.Refused, by, reason, now);

    public Error? Withdraw(Guid by, DateTimeOffset now) => End(HandoverStatus.Withdrawn, by, null, now);

    private Error? End(HandoverStatus to, Guid by, string? reason, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Error.Conflict("This hand-over is no longer open.");
        }

        Status = to;
        DecidedAt = now;
        DecidedById = by;
        RefusalReason = reason;
        ChangedAt = now;
        return null;
    }
}

/// <summary>One item of a hand-over's checklist: what the leaving side notes, and when the receiving side confirmed it.</summary>
internal sealed class HandoverChecklistItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HandoverId { get; set; }
    public HandoverItem Item { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public Guid? ConfirmedById { get; set; }
}
