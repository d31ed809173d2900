using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Registration;

internal sealed class RegistrationDecisionConfiguration : IEntityTypeConfiguration<RegistrationDecision>
{
    public void Configure(EntityTypeBuilder<RegistrationDecision> e)
    {
        e.ToTable("RegistrationDecisions");
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.VictimStatus).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Forms).HasMaxLength(100);
        e.Property(x => x.OtherForm).HasMaxLength(RegistrationDecision.OtherFormMaxLength);
        e.Property(x => x.DateOfBirthOnlyReason).HasMaxLength(RegistrationDecision.ReasonMaxLength);
        e.Property(x => x.NonNotificationReason).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Argument).HasMaxLength(RegistrationDecision.ArgumentMaxLength);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.YoungPersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<RegistrationConsent>().WithMany().HasForeignKey(x => x.ConsentId).OnDelete(DeleteBehavior.Restrict);
        // Decisions are numbered per trajectory: of two decisions at the same moment, the second is refused.
        e.HasIndex(x => new { x.TrajectoryId, x.Sequence }).IsUnique();
        e.HasIndex(x => new { x.OrganisationId, x.DecidedOn });
    }
}

internal sealed class RegistrationConsentConfiguration : IEntityTypeConfiguration<RegistrationConsent>
{
    public void Configure(EntityTypeBuilder<RegistrationConsent> e)
    {
        e.ToTable("RegistrationConsents");
        e.Property(x => x.Requirement).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.ParentOrGuardianName).HasMaxLength(RegistrationConsent.NameMaxLength);
        e.Property(x => x.Form).HasConversion<string>().HasMaxLength(16);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.YoungPersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.GivenOn });
    }
}

internal sealed class ConsentPolicyConfiguration : IEntityTypeConfiguration<ConsentPolicy>
{
    public void Configure(EntityTypeBuilder<ConsentPolicy> e)
    {
        e.ToTable("ConsentPolicies");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Rules).HasMaxLength(500);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.ChangedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NationalNotificationConfiguration : IEntityTypeConfiguration<NationalNotification>
{
    public void Configure(EntityTypeBuilder<NationalNotification> e)
    {
        e.ToTable("NationalNotifications");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.DeduplicationKey).HasMaxLength(64);
        e.Property(x => x.FamilyName).HasMaxLength(100);
        e.Property(x => x.GivenName).HasMaxLength(100);
        e.Property(x => x.Gender).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Municipality).HasMaxLength(100);
        e.Property(x => x.Nationality).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.VictimStatus).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Forms).HasMaxLength(100);
        e.Property(x => x.OrganisationKind).HasConversion<string>().HasMaxLength(32);
        e.HasOne<RegistrationDecision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.YoungPersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<NotificationExportBatch>().WithMany().HasForeignKey(x => x.ExportBatchId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.DecisionId).IsUnique();
        e.HasIndex(x => new { x.OrganisationId, x.DecidedOn });
        e.HasIndex(x => new { x.Year, x.CountedInYear });
        e.HasIndex(x => new { x.YoungPersonId, x.Year });
        e.HasIndex(x => x.ExportBatchId);
    }
}

internal sealed class NotificationExportBatchConfiguration : IEntityTypeConfiguration<NotificationExportBatch>
{
    public void Configure(EntityTypeBuilder<NotificationExportBatch> e)
    {
        e.ToTable("NotificationExportBatches");
        e.Property(x => x.OrganisationName).HasMaxLength(200);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrganisationId, x.Sequence }).IsUnique();
    }
}
