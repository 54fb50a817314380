using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.ServiceDefaults.Hashing;
using PolicyEngage.ServiceDefaults.Persistence;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Positions;

internal sealed class TrackedPaperConfiguration : IEntityTypeConfiguration<TrackedPaper>
{
    public void Configure(EntityTypeBuilder<TrackedPaper> builder)
    {
        builder.HasKey(p => p.PaperId);
        builder.Property(p => p.PaperId).ValueGeneratedNever();
        builder.Property(p => p.Organisation).HasMaxLength(InputBounds.Name);
        builder.Ignore(p => p.LatestSubmitted);
        builder.Ignore(p => p.IsAwaitingText);
        builder.HasIndex(p => p.ConsultationId);

        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PaperId);
        builder.Navigation(p => p.Versions).AutoInclude();
    }
}

internal sealed class TrackedPaperVersionConfiguration : IEntityTypeConfiguration<TrackedPaperVersion>
{
    public void Configure(EntityTypeBuilder<TrackedPaperVersion> builder)
    {
        builder.ToTable("TrackedPaperVersions");
        builder.HasKey(v => new { v.PaperId, v.Version });
        builder.Property(v => v.Version).ValueGeneratedNever();
        builder.Property(v => v.Title).HasMaxLength(InputBounds.Title);
        builder.Property(v => v.Summary).HasMaxLength(InputBounds.Summary);
        builder.Property(v => v.ContentHash).HasMaxLength(Sha256Hex.Length).IsFixedLength();
        builder.Property(v => v.Outcome).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Ignore(v => v.HasText);
    }
}
