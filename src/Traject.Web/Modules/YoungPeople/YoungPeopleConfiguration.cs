using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Modules.YoungPeople;

internal sealed class YoungPersonConfiguration : IEntityTypeConfiguration<YoungPerson>
{
    public void Configure(EntityTypeBuilder<YoungPerson> e)
    {
        e.ToTable("YoungPeople");
        e.Property(y => y.PseudonymCode).HasMaxLength(16).IsRequired();
        e.HasIndex(y => y.PseudonymCode).IsUnique();
        e.HasIndex(y => y.DateOfBirth); // exact matching of pooled signals starts from the date of birth
        e.Property(y => y.GivenName).HasMaxLength(100).IsRequired();
        e.Property(y => y.FamilyName).HasMaxLength(100).IsRequired();
        e.Property(y => y.Gender).HasConversion<string>().HasMaxLength(16);
        e.Property(y => y.Nationality).HasConversion<string>().HasMaxLength(16);
        e.Property(y => y.NationalityCountry).HasMaxLength(100);
        e.Property(y => y.Municipality).HasMaxLength(100).IsRequired();
        e.HasOne<Organisation>().WithMany().HasForeignKey(y => y.RegisteredByOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
