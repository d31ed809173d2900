using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.FuturePlans;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Registration;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Triage;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Data.Seeding;

/// <summary>
/// Reference data (regions, roles, the built-in screening instrument) for every installation, and plainly fictitious
/// demo data for Development: organisations named "Demo …", logins at demo.traject, young people with invented names.
/// </summary>
internal sealed class DemoSeeder(TrajectDb db, UserManager<Professional> users, RoleManager<IdentityRole<Guid>> roles, TimeProvider time,
    IServiceProvider services, Microsoft.Extensions.Options.IOptions<Modules.Registration.RegistrationOptions> registration)
{
    public const string DemoPassword = "Demo!Traject2026";

    public static readonly IReadOnlyList<(string Email, string Role)> DemoAccounts =
    [
        ("admin@demo.traject", Roles.Administrator),
        ("regie@demo.traject", Roles.Coordinator),
        ("mentor@demo.traject", Roles.YouthCareProfessional),
        ("gedrag@demo.traject", Roles.BehaviouralScientist),
        ("aandacht@demo.traject", Roles.DesignatedExpert),
        ("wijkteam@demo.traject", Roles.MunicipalTeamMember),
        ("aandacht-zuid@demo.traject", Roles.DesignatedExpert),
        ("politie@demo.traject", Roles.PoliceLiaison),
        ("kwaliteit@demo.traject", Roles.QualityOfficer),
        ("rapporteur@demo.traject", Roles.NationalReporter),
    ];

    private static readonly string[] GivenNames =
    [
        "Demi", "Fenna", "Lotte", "Sanne", "Noor", "Yara", "Iris", "Mila", "Zoë", "Tess",
        "Jesse", "Sem", "Lina", "Esmee", "Nova", "Roos", "Fleur", "Amira", "Kiki", "Bo",
    ];

    private static readonly string[] FamilyNames = ["Voorbeeld", "Proefmans", "Fictief", "Verzonnen", "Oefenaar", "Demodam", "Testhuis"];

    public async Task EnsureReferenceDataAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }

        if (!await db.Regions.AnyAsync(ct))
        {
            db.Regions.AddRange(ReferenceData.Regions.Select(name => new Region { Name = name }));
            await db.SaveChangesAsync(ct);
        }

        await Modules.Screening.InstrumentPublishing.StoreBuiltInAsync(db, time, ct);
        await Modules.Placements.CareProgrammes.StoreBuiltInAsync(db, time, ct);
    }

    /// <summary>Seeds demo data when there are no organisations yet (or, forced, when no demo data exists).</summary>
    public async Task<bool> SeedIfEmptyAsync(bool force = false, CancellationToken ct = default)
    {
        await EnsureReferenceDataAsync(ct);
        var empty = !await db.Organisations.AnyAsync(ct);
        if (!empty && (!force || await db.Users.AnyAsync(u => u.Email == DemoAccounts[0].Email, ct)))
        {
            return false;
        }

        var region = await db.Regions.ToDictionaryAsync(r => r.Name, r => r.Id, ct);
        var north = Org("Demo Jeugdzorg Noord", OrganisationKind.YouthCareProvider, region.GetValueOrDefault("Groningen", region.Values.First()));
        var south = Org("Demo Wijkteam Zuid", OrganisationKind.MunicipalTeam, region.GetValueOrDefault("Rijnmond", region.Values.Last()));
        var police = Org("Demo Politie Eenheid", OrganisationKind.Police, region.GetValueOrDefault("Rijnmond", region.Values.Last()));
        var centre = Org("Demo Landelijk Coördinatiecentrum", OrganisationKind.NationalRegistrationCentre, region.GetValueOrDefault("Haaglanden", region.Values.First()));
        var office = Org("Demo Beheer", OrganisationKind.Other, region.GetValueOrDefault("Groningen", region.Values.First()));
        db.Organisations.AddRange(north, south, police, centre, office);
        await db.SaveChangesAsync(ct);

        var admin = await User("admin@demo.traject", "Demo Beheerder", office, Roles.Administrator);
        var regie = await User("regie@demo.traject", "Rik Regie (demo)", north, Roles.Coordinator, Roles.YouthCareProfessional);
        var mentor = await User("mentor@demo.traject", "Mira Mentor (demo)", north, Roles.YouthCareProfessional);
        var gedrag = await User("gedrag@demo.traject", "Guus Gedrag (demo)", north, Roles.BehaviouralScientist);
        var aandacht = await User("aandacht@demo.traject", "Anke Aandacht (demo)", north, Roles.DesignatedExpert);
        var wijk = await User("wijkteam@demo.traject", "Wim Wijkteam (demo)", south, Roles.MunicipalTeamMember);
        await User("aandacht-zuid@demo.traject", "Zoë Zuid (demo)", south, Roles.DesignatedExpert);
        await User("politie@demo.traject", "Petra Politie (demo)", police, Roles.PoliceLiaison);
        await User("kwaliteit@demo.traject", "Kees Kwaliteit (demo)", north, Roles.QualityOfficer);
        await User("rapporteur@demo.traject", "Roos Rapporteur (demo)", centre, Roles.NationalReporter);
        _ = admin;

        var now = time.GetUtcNow();
        var today = time.Today();
        var lima = await DemoProgrammesAsync(north, regie, now, ct);
        var hoenderloo = await db.CareProgrammeVersions.Include(v => v.Phases).Include(v => v.Programme)
            .SingleAsync(v => v.Programme!.Code == "hoenderloo-loverboy" && v.Number == v.Programme.CurrentNumber, ct);
        // The demo screenings below use the built-in instrument: from then on that version is immutable.
        await services.GetRequiredService<Modules.Screening.IInstrumentStore>().MarkUsedAsync(Modules.Screening.BuiltInInstrument.Instance.Version, ct);
        for (var i = 0; i < 20; i++)
        {
            var led = i < 15 ? north : south;
            var status = (i % 10) switch { 0 or 1 => TrajectoryStatus.Signalled, 8 => TrajectoryStatus.Aftercare, 9 => TrajectoryStatus.Closed, _ => TrajectoryStatus.Active };
            // Signals are recent; care has run for months.
            var openedDaysAgo = status switch
            {
                TrajectoryStatus.Signalled => (i % 10 == 0 ? 4 : 9) + (i / 10 * 12),
                TrajectoryStatus.Closed => i < 10 ? 599 : 900,
                _ => 190 + (i * 11),
            };
            var person = new YoungPerson
            {
                PseudonymCode = PseudonymCode.New(),
                GivenName = GivenNames[i],
                FamilyName = FamilyNames[i % FamilyNames.Length],
                DateOfBirth = today.AddYears(-(12 + (i % 10))).AddDays(-(i * 37 % 300)),
                Gender = i % 7 == 3 ? Gender.Boy : Gender.Girl,
                Nationality = i % 6 == 5 ? Nationality.Other : Nationality.Dutch,
                NationalityCountry = i % 6 == 5 ? "Demoland" : null,
                Municipality = i < 15 ? "Groningen" : "Rotterdam",
                RegisteredAt = now.AddDays(-openedDaysAgo),
                RegisteredByOrganisationId = led.Id,
            };
            db.YoungPeople.Add(person);
            var opened = person.RegisteredAt;
            var coordinator = led == north ? regie : wijk;
            var t = new Trajectory
            {
                YoungPersonId = person.Id, Status = status, LeadOrganisationId = led.Id, CoordinatorId = coordinator.Id,
                StartedOn = DateOnly.FromDateTime(opened.UtcDateTime), OpenedAt = opened,
            };
            t.CoordinatorHistory.Add(new CoordinatorAssignment { TrajectoryId = t.Id, ProfessionalId = coordinator.Id, Since = opened, AssignedById = coordinator.Id });
            Event(t, opened, TrajectoriesTimelineKinds.TrajectoryOpened, coordinator, led, "Trajectory opened with status {0}", TrajectoryStatus.Signalled);
            if (led == north)
            {
                t.CareTeam.Add(Member(t, mentor.Id, null, CareTeamRole.Mentor, t.StartedOn, coordinator.Id));
                Event(t, opened.AddHours(1), TrajectoriesTimelineKinds.MemberAdded, coordinator, led, "{0} joined the care team as {1}", mentor.DisplayName, CareTeamRole.Mentor);
                if (i % 2 == 0)
                {
                    t.CareTeam.Add(Member(t, gedrag.Id, null, CareTeamRole.BehaviouralScientist, t.StartedOn.AddDays(3), coordinator.Id));
                    Event(t, opened.AddDays(3), TrajectoriesTimelineKinds.MemberAdded, coordinator, led, "{0} joined the care team as {1}", gedrag.DisplayName, CareTeamRole.BehaviouralScientist);
                }

                if (i % 5 == 4)
                {
                    t.CareTeam.Add(Member(t, null, south.Id, CareTeamRole.NeighbourhoodTeam, t.StartedOn.AddDays(10), coordinator.Id));
                    Event(t, opened.AddDays(10), TrajectoriesTimelineKinds.MemberAdded, coordinator, led, "{0} joined the care team as {1}", south.Name, CareTeamRole.NeighbourhoodTeam);
                }
            }
            else
            {
                t.CareTeam.Add(Member(t, wijk.Id, null, CareTeamRole.NeighbourhoodTeam, t.StartedOn, wijk.Id));
                if (status != TrajectoryStatus.Signalled)
                {
                    // The behavioural scientist of the youth-care provider is consulted on the neighbourhood team's analyses.
                    t.CareTeam.Add(Member(t, gedrag.Id, null, CareTeamRole.BehaviouralScientist, t.StartedOn.AddDays(7), wijk.Id));
                    Event(t, opened.AddDays(7), TrajectoriesTimelineKinds.MemberAdded, wijk, led, "{0} joined the care team as {1}", gedrag.DisplayName,
                        CareTeamRole.BehaviouralScientist);
                }
            }

            if (status != TrajectoryStatus.Signalled)
            {
                Event(t, opened.AddDays(14), TrajectoriesTimelineKinds.StatusChanged, coordinator, led, "Status changed by hand from {0} to {1}: {2}",
                    TrajectoryStatus.Signalled, TrajectoryStatus.Active, "Demo: signalen besproken in het team; zij wil hulp en de zorg is gestart.");
            }

            if (status is TrajectoryStatus.Aftercare or TrajectoryStatus.Closed)
            {
                Event(t, opened.AddDays(120), TrajectoriesTimelineKinds.StatusChanged, coordinator, led, "Status changed by hand from {0} to {1}: {2}",
                    TrajectoryStatus.Active, TrajectoryStatus.Aftercare, "Demo: de ambulante behandeling is afgerond; nazorg volgens plan.");
            }

            if (status == TrajectoryStatus.Closed)
            {
                // Care ended on day 120. One closed after her aftercare and all four follow-up contacts (24 months) were done; the
                // other closed early, argued and co-signed, after the aftercare plan: her follow-ups stay with the trusted professional.
                var early = i < 10;
                t.ClosedAt = opened.AddDays(early ? 310 : 855);
                t.ClosingReason = early
                    ? "Demo: zij is verhuisd naar familie in een andere regio en krijgt daar hulp; de vervolgcontacten houdt haar mentor."
                    : "Demo: doelen bereikt, nazorg en alle vervolgcontacten afgerond.";
                if (early)
                {
                    t.EarlyCloseReason = t.ClosingReason;
                    t.EarlyCloseProposedById = coordinator.Id;
                    t.EarlyCloseProposedAt = t.ClosedAt.Value.AddDays(-2);
                    t.EarlyCloseCoSignedById = aandacht.Id;
                    Event(t, t.EarlyCloseProposedAt.Value, TrajectoriesTimelineKinds.EarlyClose, coordinator, led, "Early close proposed by {0}: {1}",
                        coordinator.DisplayName, t.EarlyCloseReason);
                    Event(t, t.ClosedAt.Value, TrajectoriesTimelineKinds.EarlyClose, aandacht, led, "Early close co-signed by {0}", aandacht.DisplayName);
                }

                foreach (var m in t.CareTeam)
                {
                    m.To = DateOnly.FromDateTime(t.ClosedAt.Value.UtcDateTime);
                }

                t.CoordinatorHistory[0].Until = t.ClosedAt;
                Event(t, t.ClosedAt.Value, TrajectoriesTimelineKinds.StatusChanged, coordinator, led, "Status changed from {0} to {1}", TrajectoryStatus.Aftercare, TrajectoryStatus.Closed);
            }

            if (i == 2)
            {
                DemoPlacement(t, lima, north, south, regie, today, now);
            }
            else if (i == 3)
            {
                // A boy (i % 7 == 3) in a programme for girls: an argued exception, kept with the placement.
                DemoExceptionPlacement(t, hoenderloo, north, regie, today, now);
            }

            db.Trajectories.Add(t);
            if (status is TrajectoryStatus.Aftercare or TrajectoryStatus.Closed)
            {
                Aftercare(t, opened.AddDays(120), coordinator, led == north ? mentor : wijk, today);
            }

            if (i is 2 or 4)
            {
                // A suspected victim after the multidisciplinary weighing: what a national notification needs.
                Screened(t, person, regie, gedrag, north, now.AddDays(i == 2 ? -40 : -38), now.AddDays(i == 2 ? -36 : -35));
            }

            if (i == 2)
            {
                Registered(t, person, north, regie, today.AddDays(-20));
                Event(t, now.AddDays(-20), RegistrationTimelineKinds.RegistrationDecided, regie, north, "Registration decision: {0}",
                    Modules.Registration.RegistrationOutcome.NotifyDateOfBirthOnly);
            }
            else if (i == 4)
            {
                // A suspicion confirmed 35 days ago whose registration decision is overdue.
                db.CareTasks.Add(new Modules.Tasks.CareTask
                {
                    TrajectoryId = t.Id, Kind = Modules.Registration.RegistrationTaskKinds.RegistrationDecision, OwnerId = regie.Id,
                    DueOn = today.AddDays(-35 + registration.Value.DecisionDays), CreatedAt = now.AddDays(-35), CreatedById = regie.Id,
                });
            }

            if (i == 5)
            {
                FuturePlan(t, mentor, today, now);
            }

            if (led == north && i is 2 or 3 or 5)
            {
                ContactJournal(t, regie, mentor, north, today, now);
            }

            if (status is TrajectoryStatus.Active or TrajectoryStatus.Aftercare)
            {
                // The three-monthly rhythm, mostly on time: one due soon (80 days ago), one overdue (100 days ago), the rest planned.
                Analysis(t, coordinator, gedrag, led, now.AddDays(i switch { 2 => -80, 4 => -100, _ => -(12 + (i * 5 % 60)) }));
            }

            if (led == north && i is 2 or 3)
            {
                SafetyDemo(t, regie, gedrag, north, missing: i == 2, homeRegion: region.GetValueOrDefault("Rijnmond", north.RegionId), now);
            }
            else if (status is TrajectoryStatus.Active or TrajectoryStatus.Aftercare || (status == TrajectoryStatus.Signalled && openedDaysAgo > 10))
            {
                // A current assessment; a new signal is assessed within its first week.
                QuickSafety(t, coordinator, gedrag, led, status == TrajectoryStatus.Signalled ? opened.AddDays(5) : now.AddDays(-(8 + (i * 7 % 70))));
            }
        }

        db.GroupIncidents.Add(new GroupIncident
        {
            OrganisationId = north.Id, Kind = GroupIncidentKind.Recruitment, OccurredOn = today.AddDays(-12), Group = "Demo groep De Linde",
            Description = "Demo: een groepsgenote probeerde nieuwe meisjes over te halen mee te gaan naar een 'feestje'.",
            ActionsTaken = "Demo: gesprek met beide jongeren, groep tijdelijk gescheiden, aandachtsfunctionaris ingeschakeld.",
            RecordedAt = now.AddDays(-12), RecordedById = regie.Id,
        });

        await db.SaveChangesAsync(ct);

        // Matched care: for one girl the recommended programme was chosen; for another one against the recommendation.
        await ChoicesAsync(regie, ct);

        // A little network analysis, with an overlap between the two organisations (resolved here: it needs the network secret).
        var trajectories = await db.Trajectories.Where(t => t.Status == TrajectoryStatus.Active).OrderBy(t => t.OpenedAt).ToListAsync(ct);
        var northDemo = trajectories.Last(t => t.LeadOrganisationId == north.Id);
        var southDemo = trajectories.Last(t => t.LeadOrganisationId == south.Id);
        await Modules.Network.NetworkDemo.SeedAsync(services.GetRequiredService<Modules.Network.NetworkAnalysis>(),
            (northDemo.Id, Modules.Network.NetworkDemo.ActorOf(regie, north, Roles.Coordinator, Roles.YouthCareProfessional)),
            (southDemo.Id, Modules.Network.NetworkDemo.ActorOf(wijk, south, Roles.MunicipalTeamMember)), today, ct);
        return true;
    }

    /// <summary>A problem, risk, needs and strengths analysis signed by the coordinator and the behavioural scientist, and the next one planned.</summary>
    private void Analysis(Trajectory t, Professional regie, Professional gedrag, Organisation north, DateTimeOffset signedAt)
    {
        var analysis = new Modules.Triage.ProblemAnalysis
        {
            TrajectoryId = t.Id, CreatedAt = signedAt.AddDays(-2), CreatedById = regie.Id, UpdatedAt = signedAt.AddDays(-1), UpdatedById = regie.Id,
            SignedAt = signedAt,
            ExploitationCircumstances = "Demo: contact via een oudere 'vriend' die zij online leerde kennen.",
            ExploitationForms = Modules.Triage.FlagSet.Join([Modules.Registration.ExploitationForm.Sexual]), ExploitationMonths = 5, OnlineComponent = true,
            UpperProblems = Modules.Triage.FlagSet.Join([Modules.Triage.UpperProblem.RunningAway, Modules.Triage.UpperProblem.SchoolAbsence]),
            UnderlyingProblems = Modules.Triage.FlagSet.Join([Modules.Triage.UnderlyingProblem.Trauma, Modules.Triage.UnderlyingProblem.Attachment]),
            AdverseExperiences = Modules.Triage.FlagSet.Join([Modules.Triage.AdverseExperience.ParentsSeparated, Modules.Triage.AdverseExperience.EmotionalNeglect]),
            Risks = Modules.Triage.FlagSet.Join([Modules.Triage.AnalysisRisk.FromExploiterAndNetwork, Modules.Triage.AnalysisRisk.Online]),
            Needs = "Demo: een veilige, vaste plek; traumabehandeling; weer naar school.",
            Strengths = "Demo: sportief, houdt van tekenen.", NetworkStrengths = "Demo: een goede band met haar tante.",
            Education = Modules.Triage.EducationSituation.AttendsIrregularly,
        };
        analysis.Signatures.Add(new Modules.Triage.AnalysisSignature { AnalysisId = analysis.Id, ProfessionalId = regie.Id, SignedAt = signedAt.AddHours(-3) });
        analysis.Signatures.Add(new Modules.Triage.AnalysisSignature { AnalysisId = analysis.Id, ProfessionalId = gedrag.Id, BehaviouralScientist = true, SignedAt = signedAt });
        db.ProblemAnalyses.Add(analysis);
        Event(t, analysis.CreatedAt, TriageTimelineKinds.AnalysisStarted, regie, north, "Problem, risk, needs and strengths analysis started");
        Event(t, signedAt, TriageTimelineKinds.AnalysisSigned, gedrag, north, "Analysis complete: signed by two professionals, one a behavioural scientist");
        var signedOn = DateOnly.FromDateTime(signedAt.ToLocal().DateTime);
        db.CareTasks.Add(new Modules.Tasks.CareTask
        {
            TrajectoryId = t.Id, Kind = Modules.Triage.TriageTaskKinds.ProblemAnalysis, OwnerId = t.CoordinatorId,
            DueOn = Modules.Triage.AnalysisSchedule.NextDue(t.StartedOn, signedOn), CreatedAt = signedAt, CreatedById = gedrag.Id,
        });
    }

    /// <summary>The choices after two of the demo analyses, made against the recommendation as it stands now.</summary>
    private async Task ChoicesAsync(Professional regie, CancellationToken ct)
    {
        var recommendations = services.GetRequiredService<Modules.Triage.Recommendations>();
        var analysed = await db.Trajectories.Include(t => t.YoungPerson)
            .Where(t => db.ProblemAnalyses.Any(a => a.TrajectoryId == t.Id)).OrderByDescending(t => t.OpenedAt).ToListAsync(ct);
        foreach (var (t, index) in analysed.Select((t, index) => (t, index)).Where(x => x.index != 1))
        {
            var ranked = await recommendations.RankAsync(t, ct);
            if (!ranked.IsSuccess || ranked.Value.Ranked.Count < 2)
            {
                continue;
            }

            var ranking = ranked.Value;

            var chosen = ranking.Ranked[index == 0 ? 0 : 1];
            var outcome = Modules.Triage.CareChoiceRule.Outcome(ranking.Ranked, chosen.Programme.Id);
            var against = Modules.Triage.CareChoiceRule.NeedsReason(outcome);
            var at = ranking.Analysis.SignedAt!.Value.AddDays(2);
            var choice = new Modules.Triage.CareChoice
            {
                TrajectoryId = t.Id, OrganisationId = t.LeadOrganisationId, Sequence = 1, AnalysisId = ranking.Analysis.Id,
                ProgrammeId = chosen.Programme.Id, ProgrammeVersion = ranking.VersionNumbers[chosen.Programme.Id], ProgrammeName = chosen.Programme.Name,
                ChosenRank = chosen.Rank, ChosenVerdict = chosen.Verdict, RecommendedProgrammeId = ranking.Ranked[0].Programme.Id,
                RecommendedProgrammeName = ranking.Ranked[0].Programme.Name, RecommendedVerdict = ranking.Ranked[0].Verdict, Outcome = outcome,
                Reason = against ? Modules.Triage.DeviationReason.YoungPersonWish : null,
                Explanation = against ? "Demo: zij wil dicht bij haar tante blijven wonen; het team steunt dat." : null,
                RecordedAt = at, RecordedById = regie.Id,
            };
            db.CareChoices.Add(choice);
            var org = await db.Organisations.SingleAsync(o => o.Id == t.LeadOrganisationId, ct);
            Event(t, at, TriageTimelineKinds.CareChosen, regie, org, against
                ? "Care programme chosen against the recommendation: {0}" : "Care programme chosen as recommended: {0}", choice.ProgrammeName);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A small future plan for one demo young person (she turns 18 within the year), made with her.</summary>
    private void FuturePlan(Trajectory t, Professional mentor, DateOnly today, DateTimeOffset now)
    {
        (LifeDomain Domain, string Words, (string Step, StepOwnerKind Who, string? Name, int Days, StepStatus Status)[] Steps)[] plan =
        [
            (LifeDomain.EducationAndWork, "Demo: ik wil mijn mbo-diploma halen en later in de dierenzorg werken.",
                [("Open dag van het mbo bezoeken", StepOwnerKind.YoungPerson, null, -10, StepStatus.Done), ("Inschrijven voor de opleiding", StepOwnerKind.YoungPerson, null, 20, StepStatus.Planned)]),
            (LifeDomain.Housing, "Demo: ik wil later op mezelf wonen, dichtbij mijn oma.",
                [("Samen uitzoeken hoe begeleid wonen werkt", StepOwnerKind.Professional, null, 30, StepStatus.Doing)]),
            (LifeDomain.RelationshipsAndNetwork, "Demo: ik wil vrienden die goed voor me zijn.",
                [("Elke week samen koken", StepOwnerKind.Network, "Oma (demo)", 7, StepStatus.Doing)]),
        ];
        foreach (var (domain, words, steps) in plan)
        {
            var goal = new FuturePlanGoal { TrajectoryId = t.Id, Domain = domain, InHerWords = words, CreatedAt = now.AddDays(-20), CreatedById = mentor.Id };
            db.FuturePlanGoals.Add(goal);
            db.FuturePlanChanges.Add(new FuturePlanChange
            {
                TrajectoryId = t.Id, ChangedAt = goal.CreatedAt, ChangedById = mentor.Id, Domain = domain, ItemId = goal.Id,
                Summary = Text.Encode("Goal added in {0}", domain), After = words,
            });
            foreach (var (step, who, name, days, status) in steps)
            {
                db.FuturePlanSteps.Add(new FuturePlanStep
                {
                    TrajectoryId = t.Id, GoalId = goal.Id, Description = step, OwnerKind = who,
                    OwnerProfessionalId = who == StepOwnerKind.Professional ? mentor.Id : null, OwnerName = name,
                    DueOn = today.AddDays(days), Status = status, CreatedAt = goal.CreatedAt, CreatedById = mentor.Id,
                });
            }
        }
    }

    /// <summary>A few plainly fictitious contact notes, each with its timeline event (the kind only).</summary>
    private void ContactJournal(Trajectory t, Professional regie, Professional mentor, Organisation north, DateOnly today, DateTimeOffset now)
    {
        (int DaysAgo, Professional By, Modules.Journal.ContactKind Kind, string WithWhom, string Discussed, string? Agreed)[] notes =
        [
            (12, mentor, Modules.Journal.ContactKind.FaceToFace, "Demo: de jongere",
                "Demo: hoe de eerste weken op de groep gaan en wat ze lastig vindt aan de regels over de telefoon.", "Demo: volgende week samen de regels doorlopen."),
            (8, regie, Modules.Journal.ContactKind.WithParents, "Demo: moeder (fictief)",
                "Demo: de afspraken over bezoek in het weekend en hoe moeder signalen kan doorgeven.", "Demo: moeder belt de mentor als er iets opvalt."),
            (3, mentor, Modules.Journal.ContactKind.Phone, "Demo: mentor van school",
                "Demo: aanwezigheid op school en een rustige plek om huiswerk te maken.", null),
        ];
        foreach (var (daysAgo, by, kind, withWhom, discussed, agreed) in notes)
        {
            var at = now.AddDays(-daysAgo);
            db.ContactNotes.Add(new Modules.Journal.ContactNote
            {
                TrajectoryId = t.Id, ContactOn = today.AddDays(-daysAgo), Kind = kind, WithWhom = withWhom, Discussed = discussed, Agreed = agreed,
                AuthorId = by.Id, AuthorOrganisationId = north.Id, WrittenAt = at,
            });
            db.TimelineEvents.Add(new TimelineEvent
            {
                TrajectoryId = t.Id, OccurredAt = at, Kind = Modules.Journal.JournalTimelineKinds.Contact, ActorId = by.Id, ActorOrganisationId = north.Id,
                Summary = Text.Encode("Contact note: {0}", kind), Link = $"/trajectories/{t.Id}/contacts",
            });
        }
    }

    /// <summary>A safety assessment and plan; for one of them also a closed missing episode with whom was informed.</summary>
    private void SafetyDemo(Trajectory t, Professional regie, Professional gedrag, Organisation north, bool missing, Guid homeRegion, DateTimeOffset now)
    {
        var assessedAt = now.AddDays(missing ? -15 : -25);
        var items = Enum.GetValues<SafetyItem>().Select(item => new SafetyAssessmentItem
        {
            Item = item,
            Concern = missing && item is SafetyItem.RunningAway or SafetyItem.ExploiterAndNetwork ? Concern.Serious
                : item == SafetyItem.OnlineThreatsAndImages ? Concern.Some : Concern.None,
        }).ToList();
        var suggestion = SafetyLevelRule.Suggest(items.ToDictionary(x => x.Item, x => x.Concern), 0);
        var assessment = new SafetyAssessment
        {
            TrajectoryId = t.Id, AssessedAt = assessedAt, AssessedById = regie.Id, TreatmentCoordinatorId = gedrag.Id,
            SuggestedLevel = suggestion.Level, Level = suggestion.Level, Items = items,
        };
        db.SafetyAssessments.Add(assessment);
        Event(t, assessedAt, SafetyTimelineKinds.SafetyAssessed, regie, north, "Safety assessed: level {0} (suggested {1})", suggestion.Level, suggestion.Level);
        var plan = new SafetyPlan
        {
            TrajectoryId = t.Id, BasedOnAssessmentId = assessment.Id, ReviewOn = DateOnly.FromDateTime(assessedAt.UtcDateTime).AddDays(60),
            UpdatedAt = assessedAt, UpdatedById = regie.Id,
        };
        plan.Measures.Add(new SafetyMeasure { PlanId = plan.Id, Position = 0, Kind = SafetyMeasureKind.RestrictedPhoneAndInternet,
            Description = "Demo: telefoon alleen onder begeleiding, 's avonds ingeleverd.", OwnerId = regie.Id });
        plan.Measures.Add(new SafetyMeasure { PlanId = plan.Id, Position = 1, Kind = SafetyMeasureKind.WhatToDoWhenThreatened,
            Description = "Demo: bij dreiging direct de mentor bellen; codewoord afgesproken.", OwnerId = regie.Id });
        db.SafetyPlans.Add(plan);
        db.SafetyContexts.Add(new SafetyContext { TrajectoryId = t.Id, HomeRegionId = homeRegion, UpdatedAt = assessedAt, UpdatedById = regie.Id });
        if (!missing)
        {
            return;
        }

        var lastSeen = now.AddDays(-9);
        var episode = new MissingEpisode
        {
            TrajectoryId = t.Id, ReportedAt = lastSeen.AddHours(1), ReportedById = regie.Id, LastSeenAt = lastSeen, LastSeenWhere = "Demo: bushalte bij school",
            HowSheLeft = "Demo: niet teruggekomen na schooltijd", Clothing = "Demo: groene jas", PhoneStatus = PhoneStatus.SwitchedOff,
            RiskLevel = SafetyLevel.High, CurrentRegionId = north.RegionId, HomeRegionId = homeRegion, FoundAt = lastSeen.AddHours(20),
            FoundWhere = "Demo: station", FoundBy = "Demo: politie", AcuteMedicalNeed = false, ReturnWhere = "Demo: bij een vriendin",
            ReturnWithWhom = "Demo: onbekend", ReturnWhatHappened = "Demo: ze wil er later over praten.", NewNetworkEntries = false,
            ClosedAt = lastSeen.AddHours(22), ClosedById = regie.Id,
        };
        var parties = new[] { InformParty.PoliceCurrentRegion, InformParty.PoliceHomeRegion, InformParty.ParentsOrGuardian, InformParty.Coordinator };
        for (var p = 0; p < parties.Length; p++)
        {
            episode.Notices.Add(new MissingNotice
            {
                EpisodeId = episode.Id, Position = p, Party = parties[p], Name = parties[p] == InformParty.Coordinator ? regie.DisplayName
                    : parties[p] == InformParty.ParentsOrGuardian ? "Parents or guardian" : Text.Encode("Police in region {0}", "demo"),
                InformedAt = lastSeen.AddHours(1 + p), InformedById = regie.Id, Channel = p == 3 ? InformChannel.InApp : InformChannel.Phone,
            });
        }

        db.MissingEpisodes.Add(episode);
        Event(t, episode.ReportedAt, SafetyTimelineKinds.MissingReported, regie, north, "Missing episode reported; risk level {0}; {1} to inform", SafetyLevel.High, parties.Length);
        Event(t, episode.ClosedAt.Value, SafetyTimelineKinds.MissingClosed, regie, north, "Missing episode closed: she is back; return conversation recorded");
    }

    /// <summary>A safety assessment with some concern online and nothing serious: the level the rule suggests.</summary>
    private void QuickSafety(Trajectory t, Professional by, Professional treatmentCoordinator, Organisation org, DateTimeOffset assessedAt)
    {
        var items = Enum.GetValues<SafetyItem>().Select(item => new SafetyAssessmentItem
        {
            Item = item, Concern = item is SafetyItem.OnlineThreatsAndImages or SafetyItem.ExploiterAndNetwork ? Concern.Some : Concern.None,
        }).ToList();
        var level = SafetyLevelRule.Suggest(items.ToDictionary(x => x.Item, x => x.Concern), 0).Level;
        db.SafetyAssessments.Add(new SafetyAssessment
        {
            TrajectoryId = t.Id, AssessedAt = assessedAt, AssessedById = by.Id, TreatmentCoordinatorId = treatmentCoordinator.Id,
            SuggestedLevel = level, Level = level, Items = items,
        });
        Event(t, assessedAt, SafetyTimelineKinds.SafetyAssessed, by, org, "Safety assessed: level {0} (suggested {1})", level, level);
    }

    /// <summary>Demo Jeugdzorg Noord runs two programmes of the catalogue and keeps their capacity; returns Veilig Lima's current version.</summary>
    private async Task<CareProgrammeVersion> DemoProgrammesAsync(Organisation north, Professional by, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var (code, places, occupied, waiting) in new[] { ("veilig-lima", 8, 7, 3), ("generic-outpatient", 20, 12, 0) })
        {
            var programme = await db.CareProgrammes.SingleAsync(p => p.Code == code, ct);
            programme.OrganisationId = north.Id;
            programme.Places = places;
            programme.Occupied = occupied;
            programme.ExpectedWaitingWeeks = waiting;
            programme.CapacityUpdatedAt = now;
            programme.CapacityUpdatedById = by.Id;
        }

        return await db.CareProgrammeVersions.Include(v => v.Phases).Include(v => v.Programme)
            .SingleAsync(v => v.Programme!.Code == "veilig-lima" && v.Number == v.Programme.CurrentNumber, ct);
    }

    /// <summary>A placement in Veilig Lima, in its second phase, with the next step named.</summary>
    private void DemoPlacement(Trajectory t, CareProgrammeVersion lima, Organisation north, Organisation south, Professional regie, DateOnly today, DateTimeOffset now)
    {
        var started = today.AddDays(-45);
        var placement = new Placement
        {
            TrajectoryId = t.Id, ProgrammeVersionId = lima.Id, OrganisationId = north.Id, Setting = PlacementSetting.Open,
            GroupComposition = GroupComposition.Homogeneous, StartedOn = started, PlannedEndOn = started.AddDays(182), CurrentPhase = 2,
            NextStepDueOn = started.AddDays(28), NextPlace = "Demo: terug naar huis met ambulante hulp", NextOrganisationId = south.Id,
            NextStepRecordedAt = now.AddDays(-25), NextStepRecordedById = regie.Id, CreatedAt = now.AddDays(-45), CreatedById = regie.Id,
            UpdatedAt = now.AddDays(-17),
        };
        placement.PhaseChanges.Add(new PlacementPhaseChange { PlacementId = placement.Id, Phase = 1, StartedOn = started, DecidedById = regie.Id, DecidedAt = now.AddDays(-45) });
        placement.PhaseChanges.Add(new PlacementPhaseChange { PlacementId = placement.Id, Phase = 2, StartedOn = started.AddDays(28), DecidedById = regie.Id, DecidedAt = now.AddDays(-17) });
        db.Placements.Add(placement);
        Event(t, now.AddDays(-45), PlacementsTimelineKinds.PlacementStarted, regie, north, "Placement in {0} ({1}) from {2}", lima.Name, PlacementSetting.Open, started.ToString("yyyy-MM-dd", null));
        Event(t, now.AddDays(-25), PlacementsTimelineKinds.PlacementNextStep, regie, north, "Next step named: {0}", south.Name);
        Event(t, now.AddDays(-17), PlacementsTimelineKinds.PlacementPhase, regie, north, "Phase {0} ({1}) from {2}", 2, lima.Phases.Single(p => p.Order == 2).Name,
            started.AddDays(28).ToString("yyyy-MM-dd", null));
    }

    /// <summary>A placement one-to-one in a programme that serves girls, for a boy: the argued exception is recorded with it.</summary>
    private void DemoExceptionPlacement(Trajectory t, CareProgrammeVersion programme, Organisation north, Professional regie, DateOnly today, DateTimeOffset now)
    {
        var started = today.AddDays(-30);
        var placement = new Placement
        {
            TrajectoryId = t.Id, ProgrammeVersionId = programme.Id, OrganisationId = north.Id, Setting = PlacementSetting.Open,
            GroupComposition = GroupComposition.NoGroup, StartedOn = started, PlannedEndOn = started.AddDays(180), CurrentPhase = 1,
            GenderArgument = "Demo: de enige plek met de traumabehandeling die hij nodig heeft; hij volgt het programma één-op-één, niet op de meidengroep.",
            NextStepDueOn = started.AddDays(28), CreatedAt = now.AddDays(-30), CreatedById = regie.Id, UpdatedAt = now.AddDays(-30),
        };
        placement.PhaseChanges.Add(new PlacementPhaseChange { PlacementId = placement.Id, Phase = 1, StartedOn = started, DecidedById = regie.Id, DecidedAt = now.AddDays(-30) });
        db.Placements.Add(placement);
        Event(t, now.AddDays(-30), PlacementsTimelineKinds.PlacementStarted, regie, north, "Placement in {0} ({1}) from {2}", programme.Name, PlacementSetting.Open,
            started.ToString("yyyy-MM-dd", null));
    }

    /// <summary>
    /// The aftercare plan made when residential care ended and, once the trajectory is closed, its follow-up contacts
    /// (those already due made, by the trusted professional who keeps them).
    /// </summary>
    private void Aftercare(Trajectory t, DateTimeOffset endedAt, Professional coordinator, Professional mentor, DateOnly today)
    {
        var plan = new Modules.Aftercare.AftercarePlan
        {
            TrajectoryId = t.Id, StartsOn = DateOnly.FromDateTime(endedAt.UtcDateTime), Months = 6,
            ContactFrequency = Modules.Aftercare.ContactFrequency.Fortnightly, TrustedProfessionalId = mentor.Id, RecordedAt = endedAt,
            RecordedById = coordinator.Id,
        };
        plan.Support.Add(new Modules.Aftercare.AftercareSupport { PlanId = plan.Id, Kind = Modules.Aftercare.SupportKind.StudyFinance, Note = "Demo: DUO-aanvraag samen invullen" });
        plan.Support.Add(new Modules.Aftercare.AftercareSupport { PlanId = plan.Id, Kind = Modules.Aftercare.SupportKind.Housing, Note = "Demo: kamer via het wijkteam" });
        db.AftercarePlans.Add(plan);
        foreach (var contact in Modules.Aftercare.FollowUpSchedule.Create(t.Id, plan.StartsOn))
        {
            var task = new Modules.Tasks.CareTask
            {
                TrajectoryId = t.Id, Kind = Modules.Aftercare.AftercareTaskKinds.FollowUpContact, OwnerId = mentor.Id, DueOn = contact.DueOn,
                CreatedAt = endedAt, CreatedById = coordinator.Id,
            };
            contact.TaskId = task.Id;
            if (contact.DueOn < today)
            {
                var at = endedAt.AddMonths(contact.Months);
                contact.Outcome = Modules.Aftercare.FollowUpOutcome.Stable;
                contact.Note = "Demo: woont zelfstandig, gaat naar school.";
                contact.RecordedAt = at;
                contact.RecordedById = mentor.Id;
                task.CompletedAt = at;
                task.CompletedById = mentor.Id;
            }

            db.CareTasks.Add(task);
            db.FollowUpContacts.Add(contact);
        }
    }

    private static Organisation Org(string name, OrganisationKind kind, Guid regionId) => new() { Name = name, Kind = kind, RegionId = regionId };

    private static CareTeamMembership Member(Trajectory t, Guid? professional, Guid? organisation, CareTeamRole role, DateOnly from, Guid by) =>
        new() { TrajectoryId = t.Id, ProfessionalId = professional, OrganisationId = organisation, Role = role, From = from, AddedById = by };

    /// <summary>
    /// A screening with signals of an act, of being offered for sex and a risk factor, weighed by the coordinator and the
    /// behavioural scientist: suspected victim, final.
    /// </summary>
    private void Screened(Trajectory t, YoungPerson person, Professional regie, Professional gedrag, Organisation north, DateTimeOffset recordedAt,
        DateTimeOffset finalAt)
    {
        var instrument = Modules.Screening.BuiltInInstrument.Instance;
        var observedOn = DateOnly.FromDateTime(recordedAt.ToLocal().DateTime).AddDays(-1);
        string[] codes = ["older-partner-with-gifts", "lured-online-with-promises", "offered-online-for-sex"];
        var outcome = Modules.Screening.ScreeningEngine.Evaluate(instrument, person.DateOfBirth, observedOn, codes, out _)
            ?? throw new InvalidOperationException("The demo signals are not in the built-in instrument.");
        var signals = codes.Select(code => new Modules.Screening.ScreeningSignal
        {
            Code = code, ObservedOn = observedOn, Source = Modules.Screening.SignalSource.OwnObservation,
        }).ToList();
        var screening = Modules.Screening.Screenings.NewScreening(t.Id, outcome, observedOn, signals, recordedAt, regie.Id);
        screening.Status = Modules.Screening.ScreeningStatus.Final;
        screening.FinalClassification = outcome.Classification;
        screening.FinalisedAt = finalAt;
        screening.StepPlanStartedAt = finalAt;
        foreach (var (by, scientist, at) in new[] { (regie, false, finalAt.AddHours(-2)), (gedrag, true, finalAt) })
        {
            screening.Weighings.Add(new Modules.Screening.ScreeningWeighing
            {
                ScreeningId = screening.Id, ProfessionalId = by.Id, BehaviouralScientist = scientist, Participants = "Demo: regievoerder, mentor en gedragswetenschapper",
                HeldOn = DateOnly.FromDateTime(at.ToLocal().DateTime), Conclusion = outcome.Classification, RecordedAt = at,
            });
        }

        db.Screenings.Add(screening);
        Event(t, recordedAt, Modules.Screening.ScreeningTimelineKinds.ScreeningRecorded, regie, north, "Screening recorded with {0} signals; suggested: {1}",
            codes.Length, outcome.Classification);
        Event(t, finalAt, Modules.Screening.ScreeningTimelineKinds.ScreeningFinal, gedrag, north, "Classification final after the multidisciplinary weighing: {0}",
            outcome.Classification);
    }

    /// <summary>A registration decision with date of birth only, and its national notification (not exported).</summary>
    private void Registered(Trajectory t, YoungPerson person, Organisation org, Professional by, DateOnly decidedOn)
    {
        var decision = new Modules.Registration.RegistrationDecision
        {
            TrajectoryId = t.Id, YoungPersonId = person.Id, OrganisationId = org.Id, Sequence = 1, DecidedOn = decidedOn,
            RecordedAt = time.GetUtcNow().AddDays(-20), RecordedById = by.Id,
            Outcome = Modules.Registration.RegistrationOutcome.NotifyDateOfBirthOnly, VictimStatus = Modules.Registration.VictimStatus.Suspected,
            Forms = "Sexual,Financial", DateOfBirthOnlyReason = "Demo: toestemming vragen zou de hulpverleningsrelatie nu schaden.",
        };
        var age = Clock.AgeOn(person.DateOfBirth, decidedOn);
        db.RegistrationDecisions.Add(decision);
        db.NationalNotifications.Add(new Modules.Registration.NationalNotification
        {
            DecisionId = decision.Id, TrajectoryId = t.Id, YoungPersonId = person.Id, OrganisationId = org.Id,
            Kind = Modules.Registration.NotificationKind.DateOfBirthOnly,
            DeduplicationKey = Modules.Registration.DeduplicationKey.Compute(registration.Value.DeduplicationSecret!,
                Modules.Registration.DeduplicationKey.DateOfBirthOnlyInput(person.DateOfBirth, person.Gender, person.Municipality)),
            DecidedOn = decidedOn, Year = decidedOn.Year, CreatedAt = decision.RecordedAt, DateOfBirth = person.DateOfBirth, Gender = person.Gender,
            Municipality = person.Municipality, Nationality = Modules.Registration.NotifiedNationality.Dutch, AgeOnDecision = age, Minor = age < 18,
            VictimStatus = decision.VictimStatus, Forms = decision.Forms, RegionId = org.RegionId, OrganisationKind = org.Kind, CountedInYear = true,
        });
    }

    private void Event(Trajectory t, DateTimeOffset at, string kind, Professional actor, Organisation org, string template, params object[] args) =>
        db.TimelineEvents.Add(new TimelineEvent
        {
            TrajectoryId = t.Id, OccurredAt = at, Kind = kind, ActorId = actor.Id, ActorOrganisationId = org.Id,
            Summary = Text.Encode(template, args), Link = $"/trajectories/{t.Id}",
        });

    private async Task<Professional> User(string email, string name, Organisation org, params string[] roleNames)
    {
        var user = new Professional
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganisationId = org.Id,
            CreatedAt = time.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, DemoPassword);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, roleNames);
        }

        return result.Succeeded
            ? user
            : throw new InvalidOperationException("Demo user could not be created: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
