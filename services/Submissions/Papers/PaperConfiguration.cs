using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.ServiceDefaults.Hashing;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.ServiceDefaults.Persistence;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.Submissions.Papers;

internal sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    /// <summary>The papers list's name in storage (its counter row): stable, whatever the classes are called.</summary>
    public const string List = "papers";

    public void Configure(EntityTypeBuilder<Paper> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Organisation).HasMaxLength(InputBounds.Name);
        builder.Property(p => p.Title).HasMaxLength(InputBounds.Title);
        builder.Property(p => p.Summary).HasMaxLength(InputBounds.Summary);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.Property(p => p.CreatedBy).HasMaxLength(ColumnLengths.Subject);
        builder.Ignore(p => p.Text);
        builder.Ignore(p => p.LatestSubmitted);
        // GET /api/papers in creation order: an author's own organisation's, or one consultation's.
        builder.IsListed(List)
            .HasListIndex(nameof(Paper.ConsultationId))
            .HasListIndex(nameof(Paper.Organisation));

        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PaperId);
        builder.Navigation(p => p.Versions).AutoInclude();
        builder.HasMany(p => p.Reviews).WithOne().HasForeignKey(r => r.PaperId);
        builder.Navigation(p => p.Reviews).AutoInclude();
    }
}

internal sealed class PaperVersionConfiguration : IEntityTypeConfiguration<PaperVersion>
{
    public void Configure(EntityTypeBuilder<PaperVersion> builder)
    {
        builder.HasKey(v => new { v.PaperId, v.Number });
        builder.Property(v => v.Title).HasMaxLength(InputBounds.Title);
        builder.Property(v => v.Summary).HasMaxLength(InputBounds.Summary);
        builder.Property(v => v.ContentHash).HasMaxLength(Sha256Hex.Length).IsFixedLength();
        builder.Property(v => v.SubmittedBy).HasMaxLength(ColumnLengths.Subject);
    }
}

internal sealed class PaperReviewConfiguration : IEntityTypeConfiguration<PaperReview>
{
    public void Configure(EntityTypeBuilder<PaperReview> builder)
    {
        builder.HasKey(r => new { r.PaperId, r.Version });
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(r => r.Comment).HasMaxLength(InputBounds.Comment);
    }
}
