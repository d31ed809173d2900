using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Registration;

/// <summary>
/// The registration decisions belong to the trajectory and travel with it when another organisation takes the lead;
/// the timeline states the current decision for the receiving organisation.
/// </summary>
internal sealed class DecisionTravelsWithLead(TrajectDb db, TimelineWriter timeline) : IDomainEventHandler<LeadOrganisationChanged>
{
    public async Task HandleAsync(LeadOrganisationChanged e, CancellationToken ct)
    {
        var names = await db.Organisations.AsNoTracking().Where(o => o.Id == e.From || o.Id == e.To).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var decision = await db.RegistrationDecisions.AsNoTracking().Where(d => d.TrajectoryId == e.Trajectory.Id && d.SupersededAt == null)
            .Select(d => (RegistrationOutcome?)d.Outcome).SingleOrDefaultAsync(ct);
        var link = $"/trajectories/{e.Trajectory.Id}/registration";
        if (decision is { } outcome)
        {
            timeline.Add(e.Trajectory.Id, e.Actor, RegistrationTimelineKinds.HandedOver, link, "Handed over from {0} to {1}; registration decision: {2}",
                names[e.From], names[e.To], outcome);
        }
        else
        {
            timeline.Add(e.Trajectory.Id, e.Actor, RegistrationTimelineKinds.HandedOver, link, "Handed over from {0} to {1}; no registration decision yet",
                names[e.From], names[e.To]);
        }
    }
}
