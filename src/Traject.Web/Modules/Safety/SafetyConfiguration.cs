using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Safety;

internal sealed class SafetyAssessmentConfiguration : IEntityTypeConfiguration<SafetyAssessment>
{
    public void Configure(EntityTypeBuilder<SafetyAssessment> e)
    {
        e.ToTable("SafetyAssessments");
        e.Property(x => x.SuggestedLevel).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.DeviationReason).HasMaxLength(SafetyAssessment.ReasonMaxLength);
        e.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.AssessedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.TreatmentCoordinatorId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.AssessedAt });
    }
}

internal sealed class SafetyAssessmentItemConfiguration : IEntityTypeConfiguration<SafetyAssessmentItem>
{
    public void Configure(EntityTypeBuilder<SafetyAssessmentItem> e)
    {
        e.ToTable("SafetyAssessmentItems");
        e.Property(x => x.Item).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Concern).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Note).HasMaxLength(SafetyAssessment.NoteMaxLength);
        e.HasIndex(x => new { x.AssessmentId, x.Item }).IsUnique();
    }
}

internal sealed class SafetyPlanConfiguration : IEntityTypeConfiguration<SafetyPlan>
{
    public void Configure(EntityTypeBuilder<SafetyPlan> e)
    {
        e.ToTable("SafetyPlans");
        e.HasMany(x => x.Measures).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<SafetyAssessment>().WithMany().HasForeignKey(x => x.BasedOnAssessmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.UpdatedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.TrajectoryId).IsUnique();
    }
}

internal sealed class SafetyMeasureConfiguration : IEntityTypeConfiguration<SafetyMeasure>
{
    public void Configure(EntityTypeBuilder<SafetyMeasure> e)
    {
        e.ToTable("SafetyMeasures");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Description).HasMaxLength(SafetyMeasure.DescriptionMaxLength);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.PlanId);
    }
}

internal sealed class SafetyContextConfiguration : IEntityTypeConfiguration<SafetyContext>
{
    public void Configure(EntityTypeBuilder<SafetyContext> e)
    {
        e.ToTable("SafetyContexts");
        e.HasKey(x => x.TrajectoryId);
        e.Property(x => x.ParentInvolvementNote).HasMaxLength(SafetyContext.NoteMaxLength);
        e.HasOne<Trajectory>().WithOne().HasForeignKey<SafetyContext>(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.HomeRegionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.UpdatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AcuteMedicalEventConfiguration : IEntityTypeConfiguration<AcuteMedicalEvent>
{
    public void Configure(EntityTypeBuilder<AcuteMedicalEvent> e)
    {
        e.ToTable("AcuteMedicalEvents");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Where).HasMaxLength(AcuteMedicalEvent.WhereMaxLength);
        e.Property(x => x.Note).HasMaxLength(AcuteMedicalEvent.NoteMaxLength);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<MissingEpisode>().WithMany().HasForeignKey(x => x.MissingEpisodeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.OccurredAt });
    }
}

internal sealed class MissingEpisodeConfiguration : IEntityTypeConfiguration<MissingEpisode>
{
    public void Configure(EntityTypeBuilder<MissingEpisode> e)
    {
        e.ToTable("MissingEpisodes");
        e.Property(x => x.LastSeenWhere).HasMaxLength(MissingEpisode.ShortTextMaxLength);
        e.Property(x => x.WithWhom).HasMaxLength(MissingEpisode.ShortTextMaxLength);
        e.Property(x => x.HowSheLeft).HasMaxLength(MissingEpisode.ShortTextMaxLength);
        e.Property(x => x.Clothing).HasMaxLength(MissingEpisode.ShortTextMaxLength);
        e.Property(x => x.PhoneStatus).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.RiskLevel).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.FoundWhere).HasMaxLength(MissingEpisode.ShortTextMaxLength);
        e.Property(x => x.FoundBy).HasMaxLength(MissingEpisode.ShortTextMaxLength);
        e.Property(x => x.ReturnWhere).HasMaxLength(MissingEpisode.LongTextMaxLength);
        e.Property(x => x.ReturnWithWhom).HasMaxLength(MissingEpisode.LongTextMaxLength);
        e.Property(x => x.ReturnWhatHappened).HasMaxLength(MissingEpisode.LongTextMaxLength);
        e.Property(x => x.UninformedArgument).HasMaxLength(MissingEpisode.LongTextMaxLength);
        e.HasMany(x => x.Notices).WithOne().HasForeignKey(x => x.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.ReportedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.CurrentRegionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.HomeRegionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.ReportedAt });
    }
}

internal sealed class MissingNoticeConfiguration : IEntityTypeConfiguration<MissingNotice>
{
    public void Configure(EntityTypeBuilder<MissingNotice> e)
    {
        e.ToTable("MissingNotices");
        e.Property(x => x.Party).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(MissingNotice.NameMaxLength);
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Note).HasMaxLength(MissingNotice.NoteMaxLength);
        e.HasIndex(x => x.EpisodeId);
    }
}

internal sealed class GroupIncidentConfiguration : IEntityTypeConfiguration<GroupIncident>
{
    public void Configure(EntityTypeBuilder<GroupIncident> e)
    {
        e.ToTable("GroupIncidents");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Group).HasMaxLength(GroupIncident.GroupMaxLength);
        e.Property(x => x.Description).HasMaxLength(GroupIncident.TextMaxLength);
        e.Property(x => x.ActionsTaken).HasMaxLength(GroupIncident.TextMaxLength);
        e.HasMany(x => x.Links).WithOne().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrganisationId, x.OccurredOn });
    }
}

internal sealed class GroupIncidentLinkConfiguration : IEntityTypeConfiguration<GroupIncidentLink>
{
    public void Configure(EntityTypeBuilder<GroupIncidentLink> e)
    {
        e.ToTable("GroupIncidentLinks");
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.IncidentId, x.TrajectoryId }).IsUnique();
        e.HasIndex(x => x.TrajectoryId);
    }
}
