using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Data;

/// <summary>The one DbContext. Each module keeps its own entity configuration in its folder.</summary>
internal sealed class TrajectDb(DbContextOptions<TrajectDb> options, DomainEventDispatcher? events = null)
    : IdentityDbContext<Professional, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<YoungPerson> YoungPeople => Set<YoungPerson>();
    public DbSet<Trajectory> Trajectories => Set<Trajectory>();
    public DbSet<CareTeamMembership> CareTeamMemberships => Set<CareTeamMembership>();
    public DbSet<CoordinatorAssignment> CoordinatorAssignments => Set<CoordinatorAssignment>();
    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Modules.Emergency.EmergencyAccess> EmergencyAccesses => Set<Modules.Emergency.EmergencyAccess>();
    public DbSet<Modules.Notifications.Notification> Notifications => Set<Modules.Notifications.Notification>();
    public DbSet<Modules.Notifications.NotificationSetting> NotificationSettings => Set<Modules.Notifications.NotificationSetting>();
    public DbSet<Modules.Tasks.CareTask> CareTasks => Set<Modules.Tasks.CareTask>();
    public DbSet<Modules.ReportingCode.ReportingCodeWeighing> ReportingCodeWeighings => Set<Modules.ReportingCode.ReportingCodeWeighing>();
    public DbSet<Modules.Auth.EndedSession> EndedSessions => Set<Modules.Auth.EndedSession>();
    public DbSet<Modules.Journal.ContactNote> ContactNotes => Set<Modules.Journal.ContactNote>();
    public DbSet<Modules.Journal.ContactNoteRevision> ContactNoteRevisions => Set<Modules.Journal.ContactNoteRevision>();
    public DbSet<Modules.Journal.Attachment> Attachments => Set<Modules.Journal.Attachment>();
    public DbSet<Modules.Journal.AttachmentContent> AttachmentContents => Set<Modules.Journal.AttachmentContent>();
    public DbSet<Modules.Auth.AuthVersion> AuthVersions => Set<Modules.Auth.AuthVersion>();
    public DbSet<Modules.Screening.Pooling.PooledSignal> PooledSignals => Set<Modules.Screening.Pooling.PooledSignal>();
    public DbSet<Modules.Screening.Screening> Screenings => Set<Modules.Screening.Screening>();
    public DbSet<Modules.Screening.ScreeningSignal> ScreeningSignals => Set<Modules.Screening.ScreeningSignal>();
    public DbSet<Modules.Screening.ScreeningWeighing> ScreeningWeighings => Set<Modules.Screening.ScreeningWeighing>();
    public DbSet<Modules.Screening.InstrumentVersion> InstrumentVersions => Set<Modules.Screening.InstrumentVersion>();
    public DbSet<Modules.Handovers.Handover> Handovers => Set<Modules.Handovers.Handover>();
    public DbSet<Modules.Handovers.HandoverChecklistItem> HandoverChecklistItems => Set<Modules.Handovers.HandoverChecklistItem>();
    public DbSet<Modules.Aftercare.AftercarePlan> AftercarePlans => Set<Modules.Aftercare.AftercarePlan>();
    public DbSet<Modules.Aftercare.AftercareSupport> AftercareSupport => Set<Modules.Aftercare.AftercareSupport>();
    public DbSet<Modules.Aftercare.FollowUpContact> FollowUpContacts => Set<Modules.Aftercare.FollowUpContact>();
    public DbSet<Modules.FuturePlans.FuturePlanGoal> FuturePlanGoals => Set<Modules.FuturePlans.FuturePlanGoal>();
    public DbSet<Modules.FuturePlans.FuturePlanStep> FuturePlanSteps => Set<Modules.FuturePlans.FuturePlanStep>();
    public DbSet<Modules.FuturePlans.FuturePlanChange> FuturePlanChanges => Set<Modules.FuturePlans.FuturePlanChange>();
    public DbSet<Modules.Continuity.ContinuityChecklist> ContinuityChecklists => Set<Modules.Continuity.ContinuityChecklist>();
    public DbSet<Modules.Triage.ProblemAnalysis> ProblemAnalyses => Set<Modules.Triage.ProblemAnalysis>();
    public DbSet<Modules.Triage.CareChoice> CareChoices => Set<Modules.Triage.CareChoice>();
    public DbSet<Modules.Triage.AnalysisNetworkPerson> AnalysisNetworkPeople => Set<Modules.Triage.AnalysisNetworkPerson>();
    public DbSet<Modules.Triage.AnalysisSignature> AnalysisSignatures => Set<Modules.Triage.AnalysisSignature>();
    public DbSet<Modules.Safety.SafetyAssessment> SafetyAssessments => Set<Modules.Safety.SafetyAssessment>();
    public DbSet<Modules.Safety.SafetyAssessmentItem> SafetyAssessmentItems => Set<Modules.Safety.SafetyAssessmentItem>();
    public DbSet<Modules.Safety.SafetyPlan> SafetyPlans => Set<Modules.Safety.SafetyPlan>();
    public DbSet<Modules.Safety.SafetyMeasure> SafetyMeasures => Set<Modules.Safety.SafetyMeasure>();
    public DbSet<Modules.Safety.SafetyContext> SafetyContexts => Set<Modules.Safety.SafetyContext>();
    public DbSet<Modules.Safety.AcuteMedicalEvent> AcuteMedicalEvents => Set<Modules.Safety.AcuteMedicalEvent>();
    public DbSet<Modules.Safety.MissingEpisode> MissingEpisodes => Set<Modules.Safety.MissingEpisode>();
    public DbSet<Modules.Safety.MissingNotice> MissingNotices => Set<Modules.Safety.MissingNotice>();
    public DbSet<Modules.Safety.GroupIncident> GroupIncidents => Set<Modules.Safety.GroupIncident>();
    public DbSet<Modules.Safety.GroupIncidentLink> GroupIncidentLinks => Set<Modules.Safety.GroupIncidentLink>();
    public DbSet<Modules.Placements.CareProgramme> CareProgrammes => Set<Modules.Placements.CareProgramme>();
    public DbSet<Modules.Placements.CareProgrammeVersion> CareProgrammeVersions => Set<Modules.Placements.CareProgrammeVersion>();
    public DbSet<Modules.Placements.CareProgrammePhase> CareProgrammePhases => Set<Modules.Placements.CareProgrammePhase>();
    public DbSet<Modules.Placements.Placement> Placements => Set<Modules.Placements.Placement>();
    public DbSet<Modules.Placements.PlacementPhaseChange> PlacementPhaseChanges => Set<Modules.Placements.PlacementPhaseChange>();
    public DbSet<Modules.Placements.PlacementTimeOut> PlacementTimeOuts => Set<Modules.Placements.PlacementTimeOut>();
    public DbSet<Modules.Registration.RegistrationDecision> RegistrationDecisions => Set<Modules.Registration.RegistrationDecision>();
    public DbSet<Modules.Registration.RegistrationConsent> RegistrationConsents => Set<Modules.Registration.RegistrationConsent>();
    public DbSet<Modules.Registration.ConsentPolicy> ConsentPolicies => Set<Modules.Registration.ConsentPolicy>();
    public DbSet<Modules.Registration.NationalNotification> NationalNotifications => Set<Modules.Registration.NationalNotification>();
    public DbSet<Modules.Registration.NotificationExportBatch> NotificationExportBatches => Set<Modules.Registration.NotificationExportBatch>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset text; all times are UTC, so store them as sortable numbers.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TrajectDb).Assembly);

        builder.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("DataProtectionKeys");
            e.Property(k => k.FriendlyName).HasMaxLength(200);
        });

        builder.Entity<AuditChainHead>(e =>
        {
            e.ToTable("AuditChainHeads");
            e.Property(h => h.Id).ValueGeneratedNever();
            e.Property(h => h.Hash).HasMaxLength(64);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.EntityType).HasMaxLength(64);
            e.Property(a => a.Pseudonym).HasMaxLength(16);
            e.Property(a => a.Basis).HasMaxLength(64);
            e.Property(a => a.Outcome).HasMaxLength(16);
            e.Property(a => a.Channel).HasMaxLength(8);
            e.Property(a => a.ClientAddress).HasMaxLength(64);
            e.Property(a => a.Detail).HasMaxLength(400);
            e.Property(a => a.ActorRoles).HasMaxLength(300);
            e.Property(a => a.BasisReason).HasMaxLength(1000);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            // Only the indexes the trail is read by: every audit write keeps each of them up (ADR 0021).
            e.HasIndex(a => a.Sequence).IsUnique(); // the chain, in order
            e.HasIndex(a => new { a.Pseudonym, a.Sequence }); // one young person's access overview, newest first
        });

        // Every versioned entity gets its version as the optimistic concurrency token.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves; new audit entries are linked into the hash chain in the same transaction as the change they record.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await DispatchDomainEventsAsync(cancellationToken);
        BumpVersions();
        var audit = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (audit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            await AuditChain.LinkAsync(this, audit, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var tx = await Database.BeginTransactionAsync(cancellationToken);
        await AuditChain.LinkAsync(this, audit, cancellationToken);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>Saves without linking new audit entries: only for sealing entries that predate the chain.</summary>
    internal Task<int> BaseSaveChangesAsync(CancellationToken ct) => base.SaveChangesAsync(true, ct);

    /// <summary>
    /// Hands the events raised by the entities of this unit of work to their handlers before anything is written, so
    /// that what the handlers add is saved in the same transaction; events the handlers raise follow, a few rounds deep.
    /// </summary>
    private async Task DispatchDomainEventsAsync(CancellationToken ct)
    {
        for (var round = 0; ; round++)
        {
            var raisers = ChangeTracker.Entries<IHasDomainEvents>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
            if (raisers.Count == 0)
            {
                return;
            }

            if (events is null)
            {
                throw new InvalidOperationException("Domain events were raised on a context that cannot dispatch them.");
            }

            if (round == DomainEventDispatcher.MaxRounds)
            {
                throw new InvalidOperationException("Domain events keep raising each other.");
            }

            var raised = raisers.SelectMany(r => r.DomainEvents).ToList();
            raisers.ForEach(r => r.ClearDomainEvents());
            foreach (var e in raised)
            {
                await events.DispatchAsync(e, ct);
            }
        }
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
            else if (entry.State == EntityState.Added && entry.Entity.Version == 0)
            {
                entry.Entity.Version = 1;
            }
        }
    }
}
