using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Placements;

internal sealed class CareProgrammeConfiguration : IEntityTypeConfiguration<CareProgramme>
{
    public void Configure(EntityTypeBuilder<CareProgramme> e)
    {
        e.ToTable("CareProgrammes");
        e.Property(x => x.Code).HasMaxLength(CareProgramme.CodeMaxLength);
        e.HasIndex(x => x.Code).IsUnique();
        e.HasMany(x => x.Versions).WithOne(x => x.Programme).HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.CapacityUpdatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CareProgrammeVersionConfiguration : IEntityTypeConfiguration<CareProgrammeVersion>
{
    public void Configure(EntityTypeBuilder<CareProgrammeVersion> e)
    {
        e.ToTable("CareProgrammeVersions");
        e.Ignore(x => x.SettingList);
        e.Property(x => x.Name).HasMaxLength(CareProgrammeVersion.NameMaxLength);
        e.Property(x => x.Provider).HasMaxLength(CareProgrammeVersion.NameMaxLength);
        e.Property(x => x.Settings).HasMaxLength(120);
        e.Property(x => x.TargetGroup).HasMaxLength(CareProgrammeVersion.TextMaxLength);
        e.Property(x => x.Description).HasMaxLength(CareProgrammeVersion.TextMaxLength);
        e.Property(x => x.RequiredIndication).HasConversion<string>().HasMaxLength(24);

        // Versions written before the column existed serve all (migration 0022); All is also the CLR default, so the
        // database default and the value EF leaves out agree.
        e.Property(x => x.TargetGender).HasConversion<string>().HasMaxLength(8).HasDefaultValue(TargetGender.All);
        e.Property(x => x.GroupComposition).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Reach).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => new { x.ProgrammeId, x.Number }).IsUnique();
        e.HasMany(x => x.Phases).WithOne().HasForeignKey(x => x.ProgrammeVersionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.PublishedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CareProgrammePhaseConfiguration : IEntityTypeConfiguration<CareProgrammePhase>
{
    public void Configure(EntityTypeBuilder<CareProgrammePhase> e)
    {
        e.ToTable("CareProgrammePhases");
        e.Property(x => x.Name).HasMaxLength(CareProgrammePhase.NameMaxLength);
        e.Property(x => x.Notes).HasMaxLength(CareProgrammePhase.NotesMaxLength);
        e.Property(x => x.Phone).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Internet).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Leave).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.NetworkContact).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => new { x.ProgrammeVersionId, x.Order }).IsUnique();
    }
}

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> e)
    {
        e.ToTable("Placements");
        e.Property(x => x.Setting).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.GroupComposition).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.MixedGroupArgument).HasMaxLength(Placement.ArgumentMaxLength);
        e.Property(x => x.GenderArgument).HasMaxLength(Placement.ArgumentMaxLength);
        e.Property(x => x.EndReason).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.EndNote).HasMaxLength(Placement.NoteMaxLength);
        e.Property(x => x.NextPlace).HasMaxLength(Placement.NextPlaceMaxLength);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.ProgrammeVersion).WithMany().HasForeignKey(x => x.ProgrammeVersionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.NextOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CareProgramme>().WithMany().HasForeignKey(x => x.NextProgrammeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.PhaseChanges).WithOne().HasForeignKey(x => x.PlacementId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.TimeOuts).WithOne().HasForeignKey(x => x.PlacementId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.TrajectoryId, x.StartedOn });
    }
}

internal sealed class PlacementPhaseChangeConfiguration : IEntityTypeConfiguration<PlacementPhaseChange>
{
    public void Configure(EntityTypeBuilder<PlacementPhaseChange> e)
    {
        e.ToTable("PlacementPhaseChanges");
        e.Property(x => x.Note).HasMaxLength(Placement.NoteMaxLength);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.DecidedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlacementTimeOutConfiguration : IEntityTypeConfiguration<PlacementTimeOut>
{
    public void Configure(EntityTypeBuilder<PlacementTimeOut> e)
    {
        e.ToTable("PlacementTimeOuts");
        e.Property(x => x.Place).HasMaxLength(PlacementTimeOut.PlaceMaxLength);
        e.Property(x => x.Reason).HasMaxLength(PlacementTimeOut.ReasonMaxLength);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}
