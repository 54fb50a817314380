using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.ServiceDefaults.Hashing;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.ServiceDefaults.Persistence;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.Reviews.ReviewCases;

internal sealed class ReviewCaseConfiguration : IEntityTypeConfiguration<ReviewCase>
{
    /// <summary>The list's storage name (its counter's), never to change.</summary>
    public const string List = "review-cases";

    public const string BodiesTable = "ReviewCaseBodies";

    public void Configure(EntityTypeBuilder<ReviewCase> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => new { c.PaperId, c.PaperVersion }).IsUnique();
        builder.Property(c => c.Organisation).HasMaxLength(InputBounds.Name);
        builder.Property(c => c.Title).HasMaxLength(InputBounds.Title);
        builder.Property(c => c.Summary).HasMaxLength(InputBounds.Summary);
        // A body of up to 200 KB in the row would put SQLite's overflow pages between a list and the columns it reads.
        builder.SplitToTable(BodiesTable, table => table.Property(c => c.Body));
        builder.Property(c => c.ContentHash).HasMaxLength(Sha256Hex.Length).IsFixedLength();
        // Every transition leaves Open, so checking the status read is what stops two concurrent decisions
        // (or a decision racing a withdrawal) from both committing.
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName).IsConcurrencyToken();
        builder.IsListed(List)
            .HasListIndex(nameof(ReviewCase.Status))
            .HasListIndex(nameof(ReviewCase.ConsultationId));
        builder.Property(c => c.Decision).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(c => c.Comment).HasMaxLength(InputBounds.Comment);
        builder.Property(c => c.DecidedBy).HasMaxLength(ColumnLengths.Subject);
        builder.Property(c => c.DeciderOrganisation).HasMaxLength(InputBounds.Name);
    }
}
