using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Registration;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Data.Seeding;

/// <summary>
/// Generates many fictitious young people with realistic histories for load tests: earlier closed trajectories,
/// coordinator changes, team members who joined and left, timelines, and for most of them a registration decision
/// that notified the national centre (the notifications the national figures count). Everything is named "Schaal …".
/// The professionals it creates have no password and cannot sign in.
/// </summary>
internal sealed class ScaleSeeder(TrajectDb db, UserManager<Professional> users, TimeProvider time)
{
    private const int Batch = 500;

    public async Task<int> SeedAsync(int count, int seed = 20261122, CancellationToken ct = default)
    {
        var random = new Random(seed);
        var (orgs, staff) = await EnsureStaffAsync(ct);
        var now = time.GetUtcNow();
        var today = time.Today();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var made = 0;
        while (made < count)
        {
            var n = Math.Min(Batch, count - made);
            for (var i = 0; i < n; i++)
            {
                var org = orgs[random.Next(orgs.Count)];
                var team = staff[org.Id];
                var registered = now.AddDays(-random.Next(30, 1500));
                var person = new YoungPerson
                {
                    PseudonymCode = PseudonymCode.New(),
                    GivenName = "Schaal" + (made + i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    FamilyName = "Fictief",
                    DateOfBirth = today.AddDays(-random.Next(10 * 365, 24 * 365)),
                    Gender = random.Next(10) switch { < 8 => Gender.Girl, 8 => Gender.Boy, _ => Gender.Unknown },
                    Nationality = random.Next(10) < 8 ? Nationality.Dutch : Nationality.Other,
                    Municipality = "Schaalstad",
                    RegisteredAt = registered,
                    RegisteredByOrganisationId = org.Id,
                };
                person.NationalityCountry = person.Nationality == Nationality.Other ? "Schaalland" : null;
                db.YoungPeople.Add(person);

                var start = registered;
                var trajectories = random.Next(10) < 2 ? 2 : 1;
                for (var k = 0; k < trajectories; k++)
                {
                    var last = k == trajectories - 1;
                    var status = last
                        ? (TrajectoryStatus)random.Next(4)
                        : TrajectoryStatus.Closed;
                    var trajectory = AddTrajectory(random, person, org, team, start, status);
                    if (last && random.Next(10) < 6)
                    {
                        AddNotification(random, person, trajectory, org, team, today);
                    }

                    start = start.AddDays(random.Next(200, 400));
                    if (start > now)
                    {
                        break;
                    }
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            made += n;
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return made;
    }

    private Trajectory AddTrajectory(Random random, YoungPerson person, Organisation org, List<Professional> team,
        DateTimeOffset opened, TrajectoryStatus status)
    {
        var coordinator = team[random.Next(team.Count)];
        var t = new Trajectory
        {
            YoungPersonId = person.Id, Status = status, LeadOrganisationId = org.Id, CoordinatorId = coordinator.Id,
            StartedOn = DateOnly.FromDateTime(opened.UtcDateTime), OpenedAt = opened,
        };
        t.CoordinatorHistory.Add(new CoordinatorAssignment { TrajectoryId = t.Id, ProfessionalId = coordinator.Id, Since = opened, AssignedById = coordinator.Id });
        Event(t, opened, TrajectoriesTimelineKinds.TrajectoryOpened, coordinator, "Trajectory opened with status {0}", TrajectoryStatus.Signalled);
        var members = random.Next(1, 4);
        for (var m = 0; m < members; m++)
        {
            var p = team[random.Next(team.Count)];
            if (t.CareTeam.Any(x => x.ProfessionalId == p.Id))
            {
                continue;
            }

            var from = t.StartedOn.AddDays(random.Next(0, 30));
            var membership = new CareTeamMembership
            {
                TrajectoryId = t.Id, ProfessionalId = p.Id, Role = (CareTeamRole)random.Next(Enum.GetValues<CareTeamRole>().Length),
                From = from, To = random.Next(4) == 0 ? from.AddDays(random.Next(30, 120)) : null, AddedById = coordinator.Id,
            };
            t.CareTeam.Add(membership);
            Event(t, opened.AddDays(from.DayNumber - t.StartedOn.DayNumber), TrajectoriesTimelineKinds.MemberAdded, coordinator,
                "{0} joined the care team as {1}", p.DisplayName, membership.Role);
        }

        if (random.Next(3) == 0)
        {
            var next = team[random.Next(team.Count)];
            if (next.Id != coordinator.Id)
            {
                var at = opened.AddDays(random.Next(20, 90));
                t.CoordinatorHistory[0].Until = at;
                t.CoordinatorHistory.Add(new CoordinatorAssignment { TrajectoryId = t.Id, ProfessionalId = next.Id, Since = at, AssignedById = coordinator.Id });
                t.CoordinatorId = next.Id;
                Event(t, at, TrajectoriesTimelineKinds.CoordinatorChanged, coordinator, "Coordinator is now {0}", next.DisplayName);
            }
        }

        if (status != TrajectoryStatus.Signalled)
        {
            Event(t, opened.AddDays(10), TrajectoriesTimelineKinds.StatusChanged, coordinator, "Status changed from {0} to {1}", TrajectoryStatus.Signalled, TrajectoryStatus.Active);
        }

        if (status == TrajectoryStatus.Closed)
        {
            t.ClosedAt = opened.AddDays(random.Next(100, 300));
            t.ClosingReason = "Schaaldata: afgesloten.";
            var end = DateOnly.FromDateTime(t.ClosedAt.Value.UtcDateTime);
            foreach (var m in t.CareTeam.Where(m => m.To is null || m.To > end))
            {
                m.To = end < m.From ? m.From : end;
            }

            t.CoordinatorHistory[^1].Until = t.ClosedAt;
            Event(t, t.ClosedAt.Value, TrajectoriesTimelineKinds.StatusChanged, coordinator, "Status changed from {0} to {1}", TrajectoryStatus.Active, TrajectoryStatus.Closed);
        }

        db.Trajectories.Add(t);
        return t;
    }

    private static readonly ExploitationForm[] Forms = Enum.GetValues<ExploitationForm>();

    /// <summary>A decision to notify, a month or two into the trajectory, and the notification the national figures count.</summary>
    private void AddNotification(Random random, YoungPerson person, Trajectory t, Organisation org, List<Professional> team, DateOnly today)
    {
        var decidedOn = t.StartedOn.AddDays(random.Next(10, 60));
        if (decidedOn > today)
        {
            return;
        }

        var byName = random.Next(3) > 0;
        var forms = string.Join(',', Forms.Where((_, i) => i == 0 ? random.Next(10) < 8 : random.Next(10) < 2).DefaultIfEmpty(ExploitationForm.Criminal));
        var decision = new RegistrationDecision
        {
            TrajectoryId = t.Id, YoungPersonId = person.Id, OrganisationId = org.Id, Sequence = 1, DecidedOn = decidedOn,
            RecordedAt = t.OpenedAt.AddDays(decidedOn.DayNumber - t.StartedOn.DayNumber), RecordedById = team[random.Next(team.Count)].Id,
            Outcome = byName ? RegistrationOutcome.NotifyByName : RegistrationOutcome.NotifyDateOfBirthOnly,
            VictimStatus = random.Next(4) == 0 ? VictimStatus.Confirmed : VictimStatus.Suspected, Forms = forms,
            DateOfBirthOnlyReason = byName ? null : "Schaaldata: toestemming vragen schaadt de hulpverleningsrelatie.",
        };
        db.RegistrationDecisions.Add(decision);
        var age = person.AgeOn(decidedOn);
        db.NationalNotifications.Add(new NationalNotification
        {
            DecisionId = decision.Id, TrajectoryId = t.Id, YoungPersonId = person.Id, OrganisationId = org.Id,
            Kind = byName ? NotificationKind.ByName : NotificationKind.DateOfBirthOnly,
            DeduplicationKey = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(person.Id.ToByteArray())),
            DecidedOn = decidedOn, Year = decidedOn.Year, CreatedAt = decision.RecordedAt,
            FamilyName = byName ? person.FamilyName : null, GivenName = byName ? person.GivenName : null, DateOfBirth = person.DateOfBirth,
            Gender = person.Gender, Municipality = byName ? null : person.Municipality,
            Nationality = person.Nationality switch
            {
                Nationality.Dutch => NotifiedNationality.Dutch,
                Nationality.Other => NotifiedNationality.Foreign,
                _ => NotifiedNationality.Unknown,
            },
            AgeOnDecision = age, Minor = age < 18, VictimStatus = decision.VictimStatus, Forms = forms, RegionId = org.RegionId,
            OrganisationKind = org.Kind, CountedInYear = true,
        });
    }

    private void Event(Trajectory t, DateTimeOffset at, string kind, Professional actor, string template, params object[] args) =>
        db.TimelineEvents.Add(new TimelineEvent
        {
            TrajectoryId = t.Id, OccurredAt = at, Kind = kind, ActorId = actor.Id, ActorOrganisationId = actor.OrganisationId,
            Summary = Text.Encode(template, args), Link = $"/trajectories/{t.Id}",
        });

    private async Task<(List<Organisation> Orgs, Dictionary<Guid, List<Professional>> Staff)> EnsureStaffAsync(CancellationToken ct)
    {
        var orgs = await db.Organisations.Where(o => o.Name.StartsWith("Schaal ")).ToListAsync(ct);
        if (orgs.Count == 0)
        {
            var regions = await db.Regions.OrderBy(r => r.Name).Select(r => r.Id).Take(4).ToListAsync(ct);
            orgs = Enumerable.Range(1, 4).Select(i => new Organisation
            {
                Name = $"Schaal Jeugdzorg {i}", Kind = OrganisationKind.YouthCareProvider, RegionId = regions[(i - 1) % regions.Count],
            }).ToList();
            db.Organisations.AddRange(orgs);
            await db.SaveChangesAsync(ct);
        }

        var staff = new Dictionary<Guid, List<Professional>>();
        foreach (var org in orgs)
        {
            var list = await db.Users.Where(u => u.OrganisationId == org.Id).ToListAsync(ct);
            for (var i = list.Count; i < 12; i++)
            {
                var email = $"schaal{i + 1}.{org.Name[^1]}@scale.traject";
                var user = new Professional
                {
                    UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Schaal Professional {org.Name[^1]}-{i + 1}",
                    OrganisationId = org.Id, CreatedAt = time.GetUtcNow(),
                };
                var result = await users.CreateAsync(user);
                if (result.Succeeded)
                {
                    await users.AddToRoleAsync(user, i % 4 == 0 ? Roles.Coordinator : Roles.YouthCareProfessional);
                    list.Add(user);
                }
            }

            staff[org.Id] = list;
        }

        return (orgs, staff);
    }
}
