using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Traject.Web.Modules.Organisations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> e)
    {
        e.ToTable("Regions");
        e.Property(r => r.Name).HasMaxLength(100).IsRequired();
        e.HasIndex(r => r.Name).IsUnique();
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.ToTable("Organisations");
        e.Property(o => o.Name).HasMaxLength(200).IsRequired();
        e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        e.HasIndex(o => o.Name).IsUnique();
        e.HasOne(o => o.Region).WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProfessionalConfiguration : IEntityTypeConfiguration<Professional>
{
    public void Configure(EntityTypeBuilder<Professional> e)
    {
        e.Property(p => p.DisplayName).HasMaxLength(200).IsRequired();
        e.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
