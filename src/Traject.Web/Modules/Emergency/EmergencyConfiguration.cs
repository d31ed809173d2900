using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Emergency;

internal sealed class EmergencyAccessConfiguration : IEntityTypeConfiguration<EmergencyAccess>
{
    public void Configure(EntityTypeBuilder<EmergencyAccess> e)
    {
        e.ToTable("EmergencyAccesses");
        e.Property(x => x.Reason).HasMaxLength(1000).IsRequired();
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ProfessionalId, x.TrajectoryId, x.ExpiresAt });
        e.HasIndex(x => new { x.TrajectoryId, x.GrantedAt });
    }
}
