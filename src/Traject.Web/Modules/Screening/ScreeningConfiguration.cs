using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Screening.Pooling;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Screening;

internal sealed class ScreeningConfiguration : IEntityTypeConfiguration<Screening>
{
    public void Configure(EntityTypeBuilder<Screening> e)
    {
        e.ToTable("Screenings");
        e.Property(x => x.InstrumentVersion).HasMaxLength(32);
        e.Property(x => x.Suggestion).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.FinalClassification).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.RiskProfiles).HasMaxLength(200);
        e.HasMany(x => x.Signals).WithOne().HasForeignKey(x => x.ScreeningId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Weighings).WithOne().HasForeignKey(x => x.ScreeningId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.RecordedAt });
    }
}

internal sealed class ScreeningSignalConfiguration : IEntityTypeConfiguration<ScreeningSignal>
{
    public void Configure(EntityTypeBuilder<ScreeningSignal> e)
    {
        e.ToTable("ScreeningSignals");
        e.Property(x => x.Code).HasMaxLength(64);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Note).HasMaxLength(ScreeningSignal.NoteMaxLength);
    }
}

internal sealed class ScreeningWeighingConfiguration : IEntityTypeConfiguration<ScreeningWeighing>
{
    public void Configure(EntityTypeBuilder<ScreeningWeighing> e)
    {
        e.ToTable("ScreeningWeighings");
        e.Property(x => x.Participants).HasMaxLength(ScreeningWeighing.ParticipantsMaxLength);
        e.Property(x => x.Conclusion).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.DeviationReason).HasMaxLength(ScreeningWeighing.ReasonMaxLength);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        // One weighing per professional per screening, also when two arrive at the same moment.
        e.HasIndex(x => new { x.ScreeningId, x.ProfessionalId }).IsUnique();
    }
}

internal sealed class InstrumentVersionConfiguration : IEntityTypeConfiguration<InstrumentVersion>
{
    public void Configure(EntityTypeBuilder<InstrumentVersion> e)
    {
        e.ToTable("InstrumentVersions");
        e.Property(x => x.Version).HasMaxLength(InstrumentVersion.VersionMaxLength);
        e.HasIndex(x => x.Version).IsUnique();
        e.HasIndex(x => x.Sequence).IsUnique();
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.PublishedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PooledSignalConfiguration : IEntityTypeConfiguration<PooledSignal>
{
    public void Configure(EntityTypeBuilder<PooledSignal> e)
    {
        e.ToTable("PooledSignals");
        e.Property(x => x.Receipt).HasMaxLength(16).IsRequired();
        e.Property(x => x.Code).HasMaxLength(SignalPooling.MaxCodeLength).IsRequired();
        e.Property(x => x.InstrumentVersion).HasMaxLength(64).IsRequired();
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Note).HasMaxLength(PooledSignal.NoteMaxLength);
        e.HasOne<YoungPerson>().WithMany().HasForeignKey(x => x.YoungPersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.SignalledById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.SignalledByOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.ReceivedAt });
        e.HasIndex(x => x.YoungPersonId);
    }
}
