using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Modules.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable("Notifications");
        e.Property(x => x.Kind).HasMaxLength(64).IsRequired();
        e.Property(x => x.Message).HasMaxLength(1000).IsRequired();
        e.Property(x => x.Link).HasMaxLength(300);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.RecipientId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.RecipientId, x.CreatedAt });
        e.HasIndex(x => new { x.RecipientId, x.ReadAt }); // the unread count in every page's header
        e.Property(x => x.EmailState).HasMaxLength(16);
        e.HasIndex(x => new { x.EmailState, x.RecipientId }); // the nudge job's pending rows
    }
}

internal sealed class NotificationSettingConfiguration : IEntityTypeConfiguration<NotificationSetting>
{
    public void Configure(EntityTypeBuilder<NotificationSetting> e)
    {
        e.ToTable("NotificationSettings");
        e.HasKey(x => x.ProfessionalId);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
    }
}
