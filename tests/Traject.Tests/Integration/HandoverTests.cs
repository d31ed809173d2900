using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Common.Auditing;
using Traject.Web.Modules.Aftercare;
using Traject.Web.Modules.Caseload;
using Traject.Web.Modules.Handovers;
using Traject.Web.Modules.Notifications;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Tests.Integration;

/// <summary>
/// Warm hand-overs through the API: the receiving professional's overlap, acceptance moving the lead organisation while
/// the coordinator stays, the leaving team's grace period on the fake clock, refusal and withdrawal; and aftercare: the
/// plan, the follow-up contacts planned on closing and their outcomes.
/// </summary>
public abstract class HandoverTests(TrajectFixture f)
{
    private static string Handovers(Guid trajectoryId) => $"/api/v1/trajectories/{trajectoryId}/handovers";

    private static string Aftercare(Guid trajectoryId) => $"/api/v1/trajectories/{trajectoryId}/aftercare";

    private static async Task<List<HandoverView>> ListAsync(HttpClient client, Guid trajectoryId)
    {
        using var response = await client.GetAsync(Handovers(trajectoryId));
        return await response.ReadAsync<List<HandoverView>>();
    }

    private static async Task<HttpStatusCode> DossierAsync(HttpClient client, Guid trajectoryId)
    {
        using var response = await client.GetAsync($"/api/v1/trajectories/{trajectoryId}");
        return response.StatusCode;
    }

    private static async Task<bool> ListedAsync(HttpClient client, Guid trajectoryId, string scope)
    {
        using var response = await client.GetAsync($"/api/v1/trajectories?scope={scope}&pageSize=100");
        return (await response.ReadAsync<TrajectoryPage>()).Items.Any(t => t.Id == trajectoryId);
    }

    /// <summary>Regie registers a young person (North leads), puts Mentor in the team and proposes a hand-over to Wijkteam (South).</summary>
    private async Task<(RegisteredYoungPerson Person, Changed Handover)> ProposeAsync(string destination = "Aftercare")
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        using var response = await regie.PostJsonAsync(Handovers(person.TrajectoryId), new
        {
            toProfessionalId = f.Ids.User(Demo.Wijkteam), destination,
            notes = new[] { new { item = "SafetyPlan", note = "Veiligheidsplan van maart, in het dossier" } },
        });
        return (person, await response.ReadAsync<Changed>(HttpStatusCode.Created));
    }

    private static async Task<long> ConfirmAllAsync(HttpClient receiver, Guid trajectoryId, Guid handoverId, long version)
    {
        foreach (var item in Enum.GetValues<HandoverItem>())
        {
            using var confirmed = await receiver.PostJsonAsync($"{Handovers(trajectoryId)}/{handoverId}/confirm", new { item, version });
            version = (await confirmed.ReadAsync<Changed>()).Version;
        }

        return version;
    }

    [SkippableFact]
    public async Task The_receiving_professional_reads_the_dossier_from_the_proposal_until_it_is_withdrawn()
    {
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock);
        Assert.Equal(HttpStatusCode.NotFound, await DossierAsync(wijkteam, person.TrajectoryId));

        // Team members who do not steer may not propose; outsiders do not see the trajectory at all.
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        using var mentor = await f.ClientAsync(Demo.Mentor);
        using (var refused = await mentor.PostJsonAsync(Handovers(person.TrajectoryId), new { toProfessionalId = f.Ids.User(Demo.Wijkteam), destination = "Aftercare" }))
        {
            await refused.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using (var hidden = await gedrag.GetAsync(Handovers(person.TrajectoryId)))
        {
            await hidden.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var invalid = await regie.PostJsonAsync(Handovers(person.TrajectoryId), new
        {
            toProfessionalId = f.Ids.User(Demo.Politie), destination = (string?)null,
            notes = new[] { new { item = "School", note = "a" }, new { item = "School", note = "b" } },
        }))
        {
            var fields = (await invalid.ProblemAsync(HttpStatusCode.BadRequest)).Fields();
            Assert.Contains("toProfessionalId", fields);
            Assert.Contains("destination", fields);
        }

        Changed handover;
        using (var proposed = await regie.PostJsonAsync(Handovers(person.TrajectoryId), new { toProfessionalId = f.Ids.User(Demo.Wijkteam), destination = "Aftercare" }))
        {
            handover = await proposed.ReadAsync<Changed>(HttpStatusCode.Created);
        }

        using (var second = await regie.PostJsonAsync(Handovers(person.TrajectoryId), new { toProfessionalId = f.Ids.User(Demo.Gedrag), destination = "NextPlacement" }))
        {
            await second.ProblemAsync(HttpStatusCode.Conflict);
        }

        // The overlap: she reads the dossier, finds it in her lists and is told; the policy records why.
        var detail = await Dossiers.DetailAsync(wijkteam, person.TrajectoryId);
        Assert.Equal(AccessBasis.HandoverReceiving, detail.AccessBasis);
        Assert.False(detail.CanManage);
        Assert.True(await ListedAsync(wijkteam, person.TrajectoryId, "all"));
        Assert.True(await ListedAsync(wijkteam, person.TrajectoryId, "mine"));
        using (var notes = await wijkteam.GetAsync("/api/v1/notifications"))
        {
            var note = Assert.Single(await notes.ReadAsync<List<NotificationView>>(), n => n.Message.Contains(person.Pseudonym, StringComparison.Ordinal));
            Assert.Equal($"/trajectories/{person.TrajectoryId}/handovers", note.Link);
        }

        var seen = Assert.Single(await ListAsync(wijkteam, person.TrajectoryId));
        Assert.True(seen.IsReceiving);
        Assert.False(seen.CanWithdraw);
        Assert.Equal(HandoverStatus.Proposed, seen.Status);
        Assert.Equal(Demo.North, seen.FromOrganisation);
        Assert.Equal(Demo.South, seen.ToOrganisation);
        Assert.Equal(Enum.GetValues<HandoverItem>().Length, seen.Checklist.Count);

        // Reading is all she does before accepting: no decisions in the dossier, no steering.
        using (var screening = await wijkteam.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/screenings", new { signals = Array.Empty<object>() }))
        {
            await screening.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var withdrawByHer = await wijkteam.PostJsonAsync($"{Handovers(person.TrajectoryId)}/{handover.Id}/withdraw", new { version = handover.Version }))
        {
            await withdrawByHer.ProblemAsync(HttpStatusCode.Forbidden);
        }

        // A team member who does not steer can neither accept nor confirm.
        using (var notHers = await mentor.PostJsonAsync($"{Handovers(person.TrajectoryId)}/{handover.Id}/accept", new { version = handover.Version }))
        {
            await notHers.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var withdrawn = await regie.PostJsonAsync($"{Handovers(person.TrajectoryId)}/{handover.Id}/withdraw", new { version = handover.Version }))
        {
            await withdrawn.ExpectAsync(HttpStatusCode.OK);
        }

        Assert.Equal(HttpStatusCode.NotFound, await DossierAsync(wijkteam, person.TrajectoryId));
        Assert.False(await ListedAsync(wijkteam, person.TrajectoryId, "all"));
        Assert.False(await ListedAsync(wijkteam, person.TrajectoryId, "mine"));

        var audit = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == person.TrajectoryId && a.ActorId == f.Ids.User(Demo.Wijkteam)).Select(a => new { a.Action, a.Basis, a.Outcome }).ToListAsync());
        Assert.Contains(audit, a => a.Action == TrajectoriesAuditActions.TrajectoryRead && a.Basis == AccessBasis.HandoverReceiving && a.Outcome == AuditOutcomes.Allowed);
        Assert.Contains(audit, a => a.Action == TrajectoriesAuditActions.TrajectoryRead && a.Outcome == AuditOutcomes.Denied);
    }

    [SkippableFact]
    public async Task Accepting_moves_the_lead_keeps_the_coordinator_and_the_leaving_team_reads_for_30_days()
    {
        var (person, handover) = await ProposeAsync();
        var id = person.TrajectoryId;
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        var version = await ConfirmAllAsync(wijkteam, id, handover.Id, handover.Version);

        using (var early = await wijkteam.PostJsonAsync($"{Handovers(id)}/{handover.Id}/accept", new { version }))
        {
            await early.ProblemAsync(HttpStatusCode.Conflict);
        }

        using (var future = await wijkteam.PutJsonAsync($"{Handovers(id)}/{handover.Id}/meeting",
            new { heldOn = f.Clock.Today().AddDays(2), participants = "Jongere, mentor, wijkteam", version }))
        {
            Assert.Contains("heldOn", (await future.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using var regie = await f.ClientAsync(Demo.Regie);
        using (var meeting = await regie.PutJsonAsync($"{Handovers(id)}/{handover.Id}/meeting",
            new { heldOn = f.Clock.Today(), participants = "Jongere, mentor, wijkteam", version }))
        {
            version = (await meeting.ReadAsync<Changed>()).Version;
        }

        using (var stale = await wijkteam.PostJsonAsync($"{Handovers(id)}/{handover.Id}/accept", new { version = version - 1 }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        using (var accepted = await wijkteam.PostJsonAsync($"{Handovers(id)}/{handover.Id}/accept", new { version }))
        {
            await accepted.ExpectAsync(HttpStatusCode.OK);
        }

        // The coordinator stays; the lead organisation is the receiving one; she is in the care team now.
        var detail = await Dossiers.DetailAsync(regie, id);
        Assert.Equal(f.Ids.User(Demo.Regie), detail.Coordinator.Id);
        Assert.Equal(f.Ids.Organisation(Demo.South), detail.LeadOrganisationId);
        Assert.Contains(detail.CareTeam, m => m.ProfessionalId == f.Ids.User(Demo.Wijkteam) && m.IsActive && m.Role == CareTeamRole.NeighbourhoodTeam);
        var lastDay = f.Clock.Today().AddDays(30);
        Assert.Equal(lastDay, detail.CareTeam.Single(m => m.ProfessionalId == f.Ids.User(Demo.Mentor)).To);
        Assert.Equal(AccessBasis.CareTeam, (await Dossiers.DetailAsync(wijkteam, id)).AccessBasis);
        var done = Assert.Single(await ListAsync(regie, id));
        Assert.Equal(HandoverStatus.Accepted, done.Status);
        Assert.Equal(lastDay, done.LeavingAccessUntil);

        // The leaving organisation's designated expert no longer leads; its team reads on the hand-over's grace period.
        using var aandacht = await f.ClientAsync(Demo.Aandacht);
        Assert.Equal(HttpStatusCode.NotFound, await DossierAsync(aandacht, id));
        using var mentor = await f.ClientAsync(Demo.Mentor);
        Assert.Equal(AccessBasis.HandoverLeaving, (await Dossiers.DetailAsync(mentor, id)).AccessBasis);
        Assert.True(await ListedAsync(mentor, id, "all"));

        f.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(lastDay, f.Clock.Today());
        using (var lastDayClient = await f.ClientAsync(Demo.Mentor))
        {
            Assert.Equal(HttpStatusCode.OK, await DossierAsync(lastDayClient, id));
            Assert.True(await ListedAsync(lastDayClient, id, "all"));
        }

        f.Clock.Advance(TimeSpan.FromDays(1));
        using (var after = await f.ClientAsync(Demo.Mentor))
        {
            Assert.Equal(HttpStatusCode.NotFound, await DossierAsync(after, id));
            Assert.False(await ListedAsync(after, id, "all"));
            Assert.False(await ListedAsync(after, id, "mine"));
        }

        // The coordinator and the receiving team go on.
        using (var coordinator = await f.ClientAsync(Demo.Regie))
        {
            Assert.Equal(AccessBasis.Coordinator, (await Dossiers.DetailAsync(coordinator, id)).AccessBasis);
        }

        using (var receiving = await f.ClientAsync(Demo.Wijkteam))
        {
            Assert.Equal(HttpStatusCode.OK, await DossierAsync(receiving, id));
        }

        var audit = await f.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.ActorId == f.Ids.User(Demo.Mentor) && a.EntityId == id && a.Basis == AccessBasis.HandoverLeaving).CountAsync());
        Assert.True(audit > 0);
    }

    [SkippableFact]
    public async Task The_receiving_professional_refuses_with_a_reason_and_loses_access()
    {
        var (person, handover) = await ProposeAsync("NextPlacement");
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        var url = $"{Handovers(person.TrajectoryId)}/{handover.Id}/refuse";
        using (var tooShort = await wijkteam.PostJsonAsync(url, new { reason = "nee", version = handover.Version }))
        {
            Assert.Contains("reason", (await tooShort.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var refused = await wijkteam.PostJsonAsync(url, new { reason = "Geen passende plek in de wijk op dit moment.", version = handover.Version }))
        {
            await refused.ExpectAsync(HttpStatusCode.OK);
        }

        Assert.Equal(HttpStatusCode.NotFound, await DossierAsync(wijkteam, person.TrajectoryId));
        using var regie = await f.ClientAsync(Demo.Regie);
        var seen = Assert.Single(await ListAsync(regie, person.TrajectoryId));
        Assert.Equal(HandoverStatus.Refused, seen.Status);
        Assert.Equal("Geen passende plek in de wijk op dit moment.", seen.RefusalReason);
        Assert.Equal(f.Ids.Organisation(Demo.North), (await Dossiers.DetailAsync(regie, person.TrajectoryId)).LeadOrganisationId);

        // A new proposal is possible once the first is decided.
        using var again = await regie.PostJsonAsync(Handovers(person.TrajectoryId), new { toProfessionalId = f.Ids.User(Demo.Wijkteam), destination = "Aftercare" });
        await again.ExpectAsync(HttpStatusCode.Created);
    }

    [SkippableFact]
    public async Task The_end_of_care_plans_four_follow_ups_for_the_trusted_professional_who_keeps_them_after_an_argued_early_close()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock, p => p["initialStatus"] = "Active");
        var id = person.TrajectoryId;
        await Dossiers.AddMemberAsync(regie, id, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        var plan = new
        {
            startsOn = f.Clock.Today(), months = 5, contactFrequency = "Fortnightly", trustedProfessionalId = f.Ids.User(Demo.Mentor),
            support = new[] { new { kind = "StudyFinance", note = (string?)"DUO-aanvraag samen invullen" }, new { kind = "Housing", note = (string?)null } },
        };
        using (var tooShort = await regie.PutJsonAsync($"{Aftercare(id)}/plan", plan))
        {
            Assert.Contains("months", (await tooShort.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using var mentor = await f.ClientAsync(Demo.Mentor);
        using var gedrag = await f.ClientAsync(Demo.Gedrag);
        using (var notHers = await mentor.PutJsonAsync($"{Aftercare(id)}/plan", plan with { months = 6 }))
        {
            await notHers.ProblemAsync(HttpStatusCode.Forbidden);
        }

        Changed saved;
        using (var ok = await regie.PutJsonAsync($"{Aftercare(id)}/plan", plan with { months = 6 }))
        {
            saved = await ok.ReadAsync<Changed>();
        }

        using (var stale = await regie.PutJsonAsync($"{Aftercare(id)}/plan", new
        {
            plan.startsOn, months = 9, plan.contactFrequency, plan.trustedProfessionalId, plan.support, version = saved.Version + 1,
        }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        using (var changed = await regie.PutJsonAsync($"{Aftercare(id)}/plan", new
        {
            plan.startsOn, months = 9, plan.contactFrequency, plan.trustedProfessionalId, plan.support, version = saved.Version,
        }))
        {
            await changed.ExpectAsync(HttpStatusCode.OK);
        }

        using (var read = await mentor.GetAsync(Aftercare(id)))
        {
            var view = await read.ReadAsync<AftercareView>();
            Assert.Equal(9, view.Plan!.Months);
            Assert.Equal(f.Clock.Today().AddMonths(9), view.Plan.EndsOn);
            Assert.Equal(new[] { SupportKind.StudyFinance, SupportKind.Housing }, view.Plan.Support.Select(s => s.Kind));
            Assert.False(view.CanEditPlan);
            Assert.Empty(view.FollowUps);
        }

        // The end of care plans the follow-up contacts, for the aftercare's trusted professional.
        var endOfCare = f.Clock.Today();
        await Dossiers.ChangeStatusAsync(regie, id, "Aftercare", "Plaatsing afgerond, nazorg begint.");
        List<CareTaskView> tasks;
        using (var list = await regie.GetAsync($"/api/v1/trajectories/{id}/tasks"))
        {
            tasks = (await list.ReadAsync<List<CareTaskView>>()).Where(t => t.Kind == AftercareTaskKinds.FollowUpContact).ToList();
        }

        Assert.Equal(new[] { 3, 6, 12, 24 }.Select(m => endOfCare.AddMonths(m)), tasks.Select(t => t.DueOn).Order());
        Assert.All(tasks, t => Assert.Equal(f.Ids.User(Demo.Mentor), t.Owner.Id));
        // She is told, with the link to the follow-up part she keeps.
        Assert.Equal($"/trajectories/{id}/aftercare#follow-ups", await f.WithDbAsync(db => db.Notifications
            .Where(n => n.RecipientId == f.Ids.User(Demo.Mentor) && n.Kind == Aftercares.NotificationKind).Select(n => n.Link).SingleAsync()));
        Assert.All(tasks, t => Assert.False(t.CanComplete));
        using (var plain = await regie.PostJsonAsync($"/api/v1/trajectories/{id}/tasks/{tasks[0].Id}/done", new { version = tasks[0].Version }))
        {
            await plain.ProblemAsync(HttpStatusCode.Conflict);
        }

        // Closing waits for the aftercare: the plan runs and the follow-ups are not made; both are named, with their links.
        var version = (await Dossiers.DetailAsync(regie, id)).Version;
        using (var notYet = await regie.PostJsonAsync($"/api/v1/trajectories/{id}/status", new { status = "Closed", reason = "Nazorg afgerond.", version }))
        {
            Assert.Equal([$"/trajectories/{id}/aftercare", $"/trajectories/{id}/aftercare#follow-ups"], (await notYet.ReasonsAsync()).Select(r => r.Link));
        }

        // An argued early close: at least 50 characters, proposed by the coordinator, co-signed by the designated expert.
        using (var tooShort = await regie.PostJsonAsync($"/api/v1/trajectories/{id}/early-close", new { reason = "Verhuisd.", version }))
        {
            Assert.Contains("reason", (await tooShort.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var proposed = await regie.PostJsonAsync($"/api/v1/trajectories/{id}/early-close",
                   new { reason = "Zij verhuist naar familie in het buitenland; de nazorg daar is geregeld via de ambassade.", version }))
        {
            version = (await proposed.ReadAsync<Changed>()).Version;
        }

        using (var ownSignature = await regie.PostJsonAsync($"/api/v1/trajectories/{id}/early-close/co-sign", new { version }))
        {
            await ownSignature.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using var aandacht = await f.ClientAsync(Demo.Aandacht);
        using (var coSigned = await aandacht.PostJsonAsync($"/api/v1/trajectories/{id}/early-close/co-sign", new { version }))
        {
            await coSigned.ExpectAsync(HttpStatusCode.OK);
        }

        var closedDetail = await Dossiers.DetailAsync(regie, id);
        Assert.Equal(TrajectoryStatus.Closed, closedDetail.Status);
        Assert.StartsWith("Zij verhuist", closedDetail.ClosingReason);

        // After closing the mentor is out of the dossier, but as the aftercare's trusted professional she keeps its
        // follow-up part until the last follow-up contact is recorded.
        Assert.Equal(HttpStatusCode.NotFound, await DossierAsync(mentor, id));
        using (var timeline = await mentor.GetAsync($"/api/v1/trajectories/{id}/timeline"))
        {
            await timeline.ProblemAsync(HttpStatusCode.NotFound);
        }

        // Her list of follow-ups she keeps names the closed trajectory with its next contact; no one else's list does.
        using (var kept = await mentor.GetAsync("/api/v1/follow-ups/kept"))
        {
            var mine = (await kept.ReadAsync<KeptFollowUpsView>()).Items.Single(k => k.TrajectoryId == id);
            Assert.Equal((TrajectoryStatus.Closed, 3, endOfCare.AddMonths(3), false), (mine.Status, mine.Months, mine.DueOn, mine.CanRecordNow));
        }

        using (var kept = await gedrag.GetAsync("/api/v1/follow-ups/kept"))
        {
            Assert.DoesNotContain((await kept.ReadAsync<KeptFollowUpsView>()).Items, k => k.TrajectoryId == id);
        }

        // Nothing is re-planned in a closed trajectory: the follow-up tasks stay with her.
        using (var list = await regie.GetAsync($"/api/v1/trajectories/{id}/tasks"))
        {
            var open = (await list.ReadAsync<List<CareTaskView>>()).Where(t => t.CompletedAt is null).ToList();
            Assert.Equal(4, open.Count);
            Assert.All(open, t => Assert.False(t.CanPlan));
            using var replan = await regie.PutJsonAsync($"/api/v1/trajectories/{id}/tasks/{open[0].Id}",
                new { ownerId = f.Ids.User(Demo.Regie), dueOn = f.Clock.Today().AddDays(7), version = open[0].Version });
            await replan.ProblemAsync(HttpStatusCode.Conflict);
        }

        AftercareView after;
        using (var read = await mentor.GetAsync(Aftercare(id)))
        {
            after = await read.ReadAsync<AftercareView>();
        }

        Assert.False(after.CanEditPlan);
        Assert.Equal(new[] { 3, 6, 12, 24 }, after.FollowUps.Select(x => x.Months));
        var first = after.FollowUps[0];
        Assert.Equal(endOfCare.AddMonths(3).AddDays(-14), first.OpensOn);
        Assert.False(first.CanRecord);
        var outcomeUrl = $"{Aftercare(id)}/follow-ups/{first.Id}/outcome";
        using (var early = await mentor.PostJsonAsync(outcomeUrl, new { outcome = "Stable", version = first.Version }))
        {
            Assert.Contains("twee weken", (string)(await early.ProblemAsync(HttpStatusCode.Conflict))["detail"]!, StringComparison.Ordinal);
        }

        // Time passes: the contacts are due now (their tasks keep their dates).
        await f.WithDbAsync(db => db.FollowUpContacts.Where(c => c.TrajectoryId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.DueOn, f.Clock.Today())));
        using (var read = await mentor.GetAsync(Aftercare(id)))
        {
            after = await read.ReadAsync<AftercareView>();
        }

        first = after.FollowUps[0];
        Assert.True(first.CanRecord);
        using (var bad = await mentor.PostJsonAsync(outcomeUrl, new { outcome = "Fine", version = first.Version }))
        {
            Assert.Contains("outcome", (await bad.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var hidden = await gedrag.PostJsonAsync(outcomeUrl, new { outcome = "Stable", version = first.Version }))
        {
            await hidden.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var recorded = await mentor.PostJsonAsync(outcomeUrl, new { outcome = "NewSignals", note = "Nieuwe oudere vriend, besproken met wijkteam.", version = first.Version }))
        {
            await recorded.ExpectAsync(HttpStatusCode.OK);
        }

        using (var twice = await mentor.PostJsonAsync(outcomeUrl, new { outcome = "Stable", version = first.Version + 1 }))
        {
            await twice.ProblemAsync(HttpStatusCode.Conflict);
        }

        using (var list = await regie.GetAsync($"/api/v1/trajectories/{id}/tasks"))
        {
            var task = (await list.ReadAsync<List<CareTaskView>>()).Single(t => t.Kind == AftercareTaskKinds.FollowUpContact && t.DueOn == endOfCare.AddMonths(3));
            Assert.NotNull(task.CompletedAt);
        }

        using (var read = await regie.GetAsync(Aftercare(id)))
        {
            var recordedView = (await read.ReadAsync<AftercareView>()).FollowUps[0];
            Assert.Equal(FollowUpOutcome.NewSignals, recordedView.Outcome);
            Assert.False(recordedView.CanRecord);
        }

        // The last follow-up recorded, her access ends.
        foreach (var followUp in after.FollowUps.Skip(1))
        {
            using var done = await mentor.PostJsonAsync($"{Aftercare(id)}/follow-ups/{followUp.Id}/outcome", new { outcome = "Stable", version = followUp.Version });
            await done.ExpectAsync(HttpStatusCode.OK);
        }

        using (var gone = await mentor.GetAsync(Aftercare(id)))
        {
            await gone.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var kept = await mentor.GetAsync("/api/v1/follow-ups/kept"))
        {
            Assert.DoesNotContain((await kept.ReadAsync<KeptFollowUpsView>()).Items, k => k.TrajectoryId == id);
        }

        // Closing from signalled (no care took place) plans no follow-up.
        var signalled = await Dossiers.RegisterAsync(regie, f.Clock);
        await Dossiers.ChangeStatusAsync(regie, signalled.TrajectoryId, "Closed", "Dubbel geregistreerd.");
        Assert.Equal(0, await f.WithDbAsync(db => db.FollowUpContacts.CountAsync(x => x.TrajectoryId == signalled.TrajectoryId)));
    }

    [SkippableFact]
    public async Task A_hand_over_and_an_aftercare_plan_name_the_placement_they_follow()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock, p => p["initialStatus"] = "Active");
        var id = person.TrajectoryId;
        var programmeId = await f.WithDbAsync(db => db.CareProgrammes.Where(p => p.Code == "veilig-lima").Select(p => p.Id).SingleAsync());
        Guid placementId;
        using (var started = await regie.PostJsonAsync($"/api/v1/trajectories/{id}/placements", new
        {
            programmeId, organisationId = f.Ids.Organisation(Demo.North), setting = "Open", startedOn = f.Clock.Today(),
            groupComposition = "Homogeneous", indicationConfirmed = true,
        }))
        {
            placementId = (await started.ReadAsync<Changed>(HttpStatusCode.Created)).Id;
        }

        var other = await Dossiers.RegisterAsync(regie, f.Clock);
        using (var foreign = await regie.PostJsonAsync(Handovers(other.TrajectoryId), new
        {
            toProfessionalId = f.Ids.User(Demo.Wijkteam), destination = "Aftercare", fromPlacementId = placementId,
        }))
        {
            Assert.Contains("fromPlacementId", (await foreign.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var proposed = await regie.PostJsonAsync(Handovers(id), new
        {
            toProfessionalId = f.Ids.User(Demo.Wijkteam), destination = "Aftercare", fromPlacementId = placementId,
        }))
        {
            await proposed.ExpectAsync(HttpStatusCode.Created);
        }

        Assert.Equal(placementId, Assert.Single(await ListAsync(regie, id)).FromPlacementId);
        using (var saved = await regie.PutJsonAsync($"{Aftercare(id)}/plan", new
        {
            placementId, startsOn = f.Clock.Today(), months = 6, contactFrequency = "Monthly", trustedProfessionalId = f.Ids.User(Demo.Wijkteam),
        }))
        {
            await saved.ExpectAsync(HttpStatusCode.OK);
        }

        using var read = await regie.GetAsync(Aftercare(id));
        Assert.Equal(placementId, (await read.ReadAsync<AftercareView>()).Plan!.PlacementId);
    }

    [SkippableFact]
    public async Task A_proposed_hand_over_keeps_the_trajectory_open_until_it_is_decided()
    {
        var (person, handover) = await ProposeAsync();
        using var regie = await f.ClientAsync(Demo.Regie);
        var version = (await Dossiers.DetailAsync(regie, person.TrajectoryId)).Version;
        using (var notYet = await regie.PostJsonAsync($"/api/v1/trajectories/{person.TrajectoryId}/status",
                   new { status = "Closed", reason = "Verhuisd naar het buitenland.", version }))
        {
            Assert.Equal($"/trajectories/{person.TrajectoryId}/handovers", Assert.Single(await notYet.ReasonsAsync()).Link);
        }

        Assert.Equal(HandoverStatus.Proposed, Assert.Single(await ListAsync(regie, person.TrajectoryId)).Status);
        using (var withdrawn = await regie.PostJsonAsync($"{Handovers(person.TrajectoryId)}/{handover.Id}/withdraw", new { version = handover.Version }))
        {
            await withdrawn.ExpectAsync(HttpStatusCode.OK);
        }

        await Dossiers.ChangeStatusAsync(regie, person.TrajectoryId, "Closed", "Verhuisd naar het buitenland.");
        using var wijkteam = await f.ClientAsync(Demo.Wijkteam);
        Assert.Equal(HttpStatusCode.NotFound, await DossierAsync(wijkteam, person.TrajectoryId));
    }
}

public sealed class HandoverSqlite(SqliteFixture f) : HandoverTests(f), IClassFixture<SqliteFixture>;

public sealed class HandoverPostgres(PostgresFixture f) : HandoverTests(f), IClassFixture<PostgresFixture>;
