using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Traject.Web.Modules.Timeline;

internal sealed class TimelineEventConfiguration : IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<TimelineEvent> e)
    {
        e.ToTable("TimelineEvents");
        e.Property(t => t.Kind).HasMaxLength(64).IsRequired();
        e.Property(t => t.Summary).HasMaxLength(500).IsRequired();
        e.Property(t => t.Link).HasMaxLength(300);
        // The trajectory is named by its table, not its type: the timeline sits below the hub in the module map.
        e.HasOne("Traject.Web.Modules.Trajectories.Trajectory", null).WithMany().HasForeignKey(nameof(TimelineEvent.TrajectoryId)).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(t => new { t.TrajectoryId, t.OccurredAt });
    }
}
