using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Placements;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Triage;

internal sealed class CareChoiceConfiguration : IEntityTypeConfiguration<CareChoice>
{
    public void Configure(EntityTypeBuilder<CareChoice> e)
    {
        e.ToTable("CareChoices");
        e.Property(x => x.ProgrammeName).HasMaxLength(200);
        e.Property(x => x.RecommendedProgrammeName).HasMaxLength(200);
        e.Property(x => x.ChosenVerdict).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.RecommendedVerdict).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Explanation).HasMaxLength(CareChoice.ExplanationMaxLength);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ProblemAnalysis>().WithMany().HasForeignKey(x => x.AnalysisId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CareProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CareProgramme>().WithMany().HasForeignKey(x => x.RecommendedProgrammeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        // Choices are numbered per trajectory: of two choices at the same moment, the second is refused.
        e.HasIndex(x => new { x.TrajectoryId, x.Sequence }).IsUnique();
        e.HasIndex(x => new { x.OrganisationId, x.RecordedAt });
    }
}

internal sealed class ProblemAnalysisConfiguration : IEntityTypeConfiguration<ProblemAnalysis>
{
    public void Configure(EntityTypeBuilder<ProblemAnalysis> e)
    {
        e.ToTable("ProblemAnalyses");
        foreach (var text in new[]
                 {
                     nameof(ProblemAnalysis.ExploitationCircumstances), nameof(ProblemAnalysis.ExploitationNature), nameof(ProblemAnalysis.OnlineDetails),
                     nameof(ProblemAnalysis.UpperNotes), nameof(ProblemAnalysis.UnderlyingNotes), nameof(ProblemAnalysis.RiskNotes),
                     nameof(ProblemAnalysis.Needs), nameof(ProblemAnalysis.Strengths), nameof(ProblemAnalysis.NetworkStrengths),
                     nameof(ProblemAnalysis.EducationNotes), nameof(ProblemAnalysis.NetworkNotes), nameof(ProblemAnalysis.MixedGroupReason),
                 })
        {
            e.Property(text).HasMaxLength(ProblemAnalysis.TextMaxLength);
        }

        foreach (var set in new[]
                 {
                     nameof(ProblemAnalysis.ExploitationForms), nameof(ProblemAnalysis.UpperProblems), nameof(ProblemAnalysis.UnderlyingProblems),
                     nameof(ProblemAnalysis.AdverseExperiences), nameof(ProblemAnalysis.Risks),
                 })
        {
            e.Property(set).HasMaxLength(300);
        }

        e.Property(x => x.Education).HasConversion<string>().HasMaxLength(32);
        e.HasMany(x => x.Network).WithOne().HasForeignKey(x => x.AnalysisId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Signatures).WithOne().HasForeignKey(x => x.AnalysisId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.ExploiterRegionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.UpdatedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.CreatedAt });
        // One open draft per trajectory, also when two are started at the same moment.
        e.HasIndex(x => x.TrajectoryId).IsUnique().HasFilter("\"SignedAt\" IS NULL").HasDatabaseName("IX_ProblemAnalyses_OpenDraft");
    }
}

internal sealed class AnalysisNetworkPersonConfiguration : IEntityTypeConfiguration<AnalysisNetworkPerson>
{
    public void Configure(EntityTypeBuilder<AnalysisNetworkPerson> e)
    {
        e.ToTable("AnalysisNetworkPeople");
        e.Property(x => x.Relation).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(AnalysisNetworkPerson.NameMaxLength);
        e.Property(x => x.Notes).HasMaxLength(AnalysisNetworkPerson.NotesMaxLength);
    }
}

internal sealed class AnalysisSignatureConfiguration : IEntityTypeConfiguration<AnalysisSignature>
{
    public void Configure(EntityTypeBuilder<AnalysisSignature> e)
    {
        e.ToTable("AnalysisSignatures");
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.AnalysisId, x.ProfessionalId }).IsUnique();
    }
}
