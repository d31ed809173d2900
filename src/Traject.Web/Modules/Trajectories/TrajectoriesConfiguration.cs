using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Modules.Trajectories;

internal sealed class TrajectoryConfiguration : IEntityTypeConfiguration<Trajectory>
{
    public void Configure(EntityTypeBuilder<Trajectory> e)
    {
        e.ToTable("Trajectories");
        e.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(t => t.ClosingReason).HasMaxLength(1000);
        e.Property(t => t.EarlyCloseReason).HasMaxLength(1000);
        e.HasOne(t => t.YoungPerson).WithMany().HasForeignKey(t => t.YoungPersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(t => t.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(t => t.CoordinatorId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(t => t.CareTeam).WithOne().HasForeignKey(m => m.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(t => t.CoordinatorHistory).WithOne().HasForeignKey(c => c.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(t => t.CoordinatorId);
        e.HasIndex(t => new { t.LeadOrganisationId, t.Status });
    }
}

internal sealed class CareTeamMembershipConfiguration : IEntityTypeConfiguration<CareTeamMembership>
{
    public void Configure(EntityTypeBuilder<CareTeamMembership> e)
    {
        e.ToTable("CareTeamMemberships");
        e.Property(m => m.Role).HasConversion<string>().HasMaxLength(32);
        e.HasOne<Professional>().WithMany().HasForeignKey(m => m.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(m => m.ProfessionalId);
        e.HasIndex(m => m.OrganisationId);
    }
}

internal sealed class CoordinatorAssignmentConfiguration : IEntityTypeConfiguration<CoordinatorAssignment>
{
    public void Configure(EntityTypeBuilder<CoordinatorAssignment> e)
    {
        e.ToTable("CoordinatorAssignments");
        e.HasOne<Professional>().WithMany().HasForeignKey(c => c.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
    }
}

